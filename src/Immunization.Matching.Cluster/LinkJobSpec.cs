namespace Immunization.Matching.Cluster;

/// <summary>A batch link job: its id, the register snapshot, and how many records in how many chunks it holds.</summary>
/// <param name="JobId">The job's id: the folder of its files in the storage.</param>
/// <param name="Snapshot">The register snapshot to link against.</param>
/// <param name="Records">The number of records.</param>
/// <param name="Chunks">The number of chunks (each an input item and, once linked, an output part).</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
[GenerateSerializer]
[Immutable]
public sealed record LinkJobSpec([property: Id(0)] string JobId, [property: Id(1)] RegisterSnapshotInfo Snapshot, [property: Id(2)] int Records,
    [property: Id(3)] int Chunks)
{
    internal string SpecName => $"jobs/{JobId}/job.bin";

    internal string InputName(int chunk) => $"jobs/{JobId}/input-{chunk:D6}.bin";

    internal string PartName(int chunk) => $"jobs/{JobId}/part-{chunk:D6}.bin";
}
