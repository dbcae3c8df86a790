using System.Text;
using Ardalis.GuardClauses;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Cluster;

/// <summary>
/// Batch link jobs on the cluster: records stored in chunks, linked by a job grain chunk by chunk into output parts; the job
/// survives the death of any silo (its own included) and carries on from its last part.
/// </summary>
public static class LinkJob
{
    /// <summary>Stores the records of a new job in chunks, with its spec.</summary>
    /// <param name="storage">The cluster's storage.</param>
    /// <param name="jobId">The job's id (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>).</param>
    /// <param name="snapshot">The register snapshot.</param>
    /// <param name="records">The records, in the order the links come back.</param>
    /// <param name="chunkSize">Records per chunk (default 10,000).</param>
    /// <returns>The job's spec.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> is empty or holds other characters, or a job of that id exists.</exception>
    public static LinkJobSpec Prepare(IClusterStorage storage, string jobId, RegisterSnapshotInfo snapshot, IEnumerable<IdentityText> records,
        int chunkSize = 10_000)
    {
        Guard.Against.Null(storage);
        Guard.Against.NullOrEmpty(jobId);
        Guard.Against.Null(snapshot);
        Guard.Against.Null(records);
        Guard.Against.NegativeOrZero(chunkSize);
        if (!jobId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException("A job id holds letters, digits, '-', '_' and '.' only.", nameof(jobId));
        }

        var probe = new LinkJobSpec(jobId, snapshot, 0, 0);
        if (storage.Exists(probe.SpecName))
        {
            throw new ArgumentException($"Link job {jobId} exists already.", nameof(jobId));
        }

        var chunks = 0;
        var count = 0;
        foreach (var chunk in records.Chunk(chunkSize))
        {
            storage.Write(probe.InputName(chunks++), stream =>
            {
                using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                w.Write(chunk.Length);
                foreach (var r in chunk)
                {
                    r.Write(w);
                }
            });
            count += chunk.Length;
        }

        var spec = new LinkJobSpec(jobId, snapshot, count, chunks);
        storage.Write(spec.SpecName, stream =>
        {
            using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            w.Write(spec.Snapshot.Id);
            w.Write(spec.Snapshot.ShardCount);
            w.Write(spec.Snapshot.People);
            w.Write(spec.Records);
            w.Write(spec.Chunks);
        });
        return spec;
    }

    /// <summary>Starts (or resumes) a prepared job on the cluster; returns at once.</summary>
    /// <param name="grains">The cluster client.</param>
    /// <param name="spec">The job.</param>
    /// <returns>A task that completes when the job has started.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Task StartAsync(IGrainFactory grains, LinkJobSpec spec)
    {
        Guard.Against.Null(grains);
        Guard.Against.Null(spec);
        return grains.GetGrain<ILinkJobGrain>(spec.JobId).StartAsync();
    }

    /// <summary>Returns where a job stands (and resumes it if its silo died).</summary>
    /// <param name="grains">The cluster client.</param>
    /// <param name="spec">The job.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Task<LinkJobStatus> GetStatusAsync(IGrainFactory grains, LinkJobSpec spec)
    {
        Guard.Against.Null(grains);
        Guard.Against.Null(spec);
        return grains.GetGrain<ILinkJobGrain>(spec.JobId).GetStatusAsync();
    }

    /// <summary>Polls a job until every chunk is linked; a poll that fails while a silo dies is repeated.</summary>
    /// <param name="grains">The cluster client.</param>
    /// <param name="spec">The job.</param>
    /// <param name="pollInterval">The pause between polls.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The final status.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The job gave up; the message says why.</exception>
    public static async Task<LinkJobStatus> WaitAsync(IGrainFactory grains, LinkJobSpec spec, TimeSpan pollInterval,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(grains);
        Guard.Against.Null(spec);
        while (true)
        {
            LinkJobStatus? status = null;
            try
            {
                status = await GetStatusAsync(grains, spec).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not (OperationCanceledException or ArgumentException))
            {
                // The job's silo is dying: the next poll activates the job on a live silo, which resumes it.
            }

            if (status is { Error: { } error })
            {
                throw new InvalidOperationException($"Link job {spec.JobId} stopped: {error}");
            }

            if (status is { Finished: true })
            {
                return status;
            }

            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a finished job's links, in the order of its records.</summary>
    /// <param name="storage">The cluster's storage.</param>
    /// <param name="spec">The job.</param>
    /// <returns>The links, read part by part.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A part is missing: the job has not finished.</exception>
    public static IEnumerable<RecordLink> ReadLinks(IClusterStorage storage, LinkJobSpec spec)
    {
        Guard.Against.Null(storage);
        Guard.Against.Null(spec);
        return Read(storage, spec);

        static IEnumerable<RecordLink> Read(IClusterStorage storage, LinkJobSpec spec)
        {
            for (var c = 0; c < spec.Chunks; c++)
            {
                using var stream = storage.OpenRead(spec.PartName(c))
                    ?? throw new InvalidOperationException($"Link job {spec.JobId} has no part {c}: it has not finished.");
                using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
                var n = r.ReadInt32();
                for (var i = 0; i < n; i++)
                {
                    yield return LinkMessage.Read(r).ToLink();
                }
            }
        }
    }

    internal static LinkJobSpec? ReadSpec(IClusterStorage storage, string jobId)
    {
        using var stream = storage.OpenRead(new LinkJobSpec(jobId, new RegisterSnapshotInfo("", 0, 0), 0, 0).SpecName);
        if (stream is null)
        {
            return null;
        }

        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var snapshot = new RegisterSnapshotInfo(r.ReadString(), r.ReadInt32(), r.ReadInt32());
        return new LinkJobSpec(jobId, snapshot, r.ReadInt32(), r.ReadInt32());
    }

    internal static IdentityText[] ReadChunk(IClusterStorage storage, string name)
    {
        using var stream = storage.OpenRead(name) ?? throw new InvalidDataException($"The job's input {name} is missing.");
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var records = new IdentityText[r.ReadInt32()];
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = IdentityText.Read(r);
        }

        return records;
    }
}
