using Immunization.Matching.Verification;
using Orleans.Concurrency;

namespace Immunization.Matching.Cluster;

/// <summary>
/// The shard grain: its index is immutable once loaded, so every call may interleave; the CPU work of a batch runs on the
/// thread pool across cores. Kept alive (an index is costly to load) and never moved by the rebalancer.
/// </summary>
[Reentrant]
[KeepAlive]
[Orleans.Placement.Immovable]
internal sealed class RegisterShardGrain(IClusterStorage storage) : Grain, IRegisterShardGrain
{
    private RegisterIndex? _index;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = this.GetPrimaryKeyString().Split('/');
        var shardCount = int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture);
        var shard = int.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture);
        var info = new RegisterSnapshotInfo(string.Join('/', parts[..^2]), shardCount, 0);
        using var stream = storage.OpenRead(info.ShardName(shard))
            ?? throw new InvalidOperationException($"Register shard {shard} of snapshot {info.Id} is missing from the storage.");
        _index = ShardFile.Read(stream, shard, shardCount);
        return Task.CompletedTask;
    }

    public Task<ProbeMessage[]> ProbeAsync(IdentityText[] records)
    {
        var index = _index!;
        return Task.Run(() =>
        {
            var result = new ProbeMessage[records.Length];
            Parallel.For(0, records.Length, i => result[i] = ProbeMessage.From(index.Probe(records[i].ToRecord())));
            return result;
        });
    }

    public Task<LinkMessage[]> DecideAsync(DecideRequest[] requests)
    {
        var index = _index!;
        return Task.Run(() =>
        {
            var result = new LinkMessage[requests.Length];
            Parallel.For(0, requests.Length, i =>
            {
                var q = requests[i];
                var link = index.DecideShard(q.Record.ToRecord(), q.Best, q.RunnerUpWeight, q.RunnerUp?.ToCandidate().Person, q.SkippedBlocks);
                result[i] = LinkMessage.From(link);
            });
            return result;
        });
    }
}
