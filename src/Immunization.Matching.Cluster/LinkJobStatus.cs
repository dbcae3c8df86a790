namespace Immunization.Matching.Cluster;

/// <summary>Where a batch link job stands.</summary>
/// <param name="ChunksDone">The chunks whose output part is written.</param>
/// <param name="Chunks">All chunks.</param>
/// <param name="Retries">Chunk calls that failed (a silo died, a call timed out) and were tried again by this activation.</param>
/// <param name="Error">Why the job stopped, when it gave up; <see langword="null"/> otherwise.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
[GenerateSerializer]
[Immutable]
public sealed record LinkJobStatus([property: Id(0)] int ChunksDone, [property: Id(1)] int Chunks, [property: Id(2)] int Retries,
    [property: Id(3)] string? Error)
{
    /// <summary>Gets whether every chunk is linked.</summary>
    public bool Finished => ChunksDone == Chunks;
}
