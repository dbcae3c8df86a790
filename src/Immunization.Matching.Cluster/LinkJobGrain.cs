using System.Text;
using Orleans.Concurrency;

namespace Immunization.Matching.Cluster;

/// <summary>
/// The batch link job (<see cref="ILinkJobGrain"/>): links the chunks that have no output part yet, a few at a time through
/// the router, writing each part whole; a failed chunk call (a silo died) is tried again after a pause.
/// </summary>
[Reentrant]
[KeepAlive]
internal sealed class LinkJobGrain(IClusterStorage storage) : Grain, ILinkJobGrain
{
    private const int InFlight = 2;
    private const int MaxAttempts = 60;
    private LinkJobSpec? _spec;
    private Task? _run;
    private int _done;
    private int _retries;
    private string? _error;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _spec = LinkJob.ReadSpec(storage, this.GetPrimaryKeyString());
        if (_spec is not null)
        {
            // A job that was running when its silo died carries on here.
            Start();
        }

        return Task.CompletedTask;
    }

    public Task StartAsync()
    {
        _spec ??= LinkJob.ReadSpec(storage, this.GetPrimaryKeyString())
            ?? throw new InvalidOperationException($"Link job {this.GetPrimaryKeyString()} has no spec in the storage; prepare it first.");
        Start();
        return Task.CompletedTask;
    }

    public Task<LinkJobStatus> GetStatusAsync() =>
        Task.FromResult(new LinkJobStatus(_spec is null ? 0 : CountDone(_spec), _spec?.Chunks ?? 0, _retries, _error));

    private void Start()
    {
        if (_run is null || (_run.IsCompleted && _error is not null))
        {
            _error = null;
            _run = RunAsync(_spec!);
        }
    }

    private int CountDone(LinkJobSpec spec)
    {
        if (_run is { IsCompleted: true } && _error is null)
        {
            return spec.Chunks;
        }

        return _done;
    }

    private async Task RunAsync(LinkJobSpec spec)
    {
        try
        {
            var router = GrainFactory.GetGrain<ILinkRouterGrain>(0);
            var pending = Enumerable.Range(0, spec.Chunks).Where(c => !storage.Exists(spec.PartName(c))).ToList();
            _done = spec.Chunks - pending.Count;
            foreach (var window in pending.Chunk(InFlight))
            {
                await Task.WhenAll(window.Select(c => LinkChunkAsync(router, spec, c)));
                _done += window.Length;
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException)
        {
            _error = e.Message;
        }
        catch (Exception e)
        {
            // A chunk failed on every attempt: name the failure, never a record (messages may quote data).
            _error = $"a chunk failed {MaxAttempts} times, last with {e.GetType().Name}; start the job again to resume from its parts";
        }
    }

    private async Task LinkChunkAsync(ILinkRouterGrain router, LinkJobSpec spec, int chunk)
    {
        var records = LinkJob.ReadChunk(storage, spec.InputName(chunk));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var links = await router.LinkAsync(spec.Snapshot, records);
                storage.Write(spec.PartName(chunk), stream =>
                {
                    using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                    w.Write(links.Length);
                    foreach (var link in links)
                    {
                        link.Write(w);
                    }
                });
                return;
            }
            catch (Exception e) when (attempt < MaxAttempts && e is not (InvalidDataException or IOException))
            {
                // A silo died under the call, or it timed out: the shards reactivate elsewhere from their files.
                _retries++;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2_000, 100 * attempt)));
            }
        }
    }
}
