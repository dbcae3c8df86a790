namespace Immunization.Matching.Cluster;

/// <summary>A register split into shards: its name in the storage, the number of shards and of people.</summary>
/// <param name="Id">The snapshot's name, the folder of its shard files in the storage.</param>
/// <param name="ShardCount">The number of shards.</param>
/// <param name="People">The number of people.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
[GenerateSerializer]
[Immutable]
public sealed record RegisterSnapshotInfo([property: Id(0)] string Id, [property: Id(1)] int ShardCount, [property: Id(2)] int People)
{
    internal string ShardName(int shard) => $"{Id}/shard-{shard:D4}.bin";

    internal string GrainKey(int shard) => $"{Id}/{shard}/{ShardCount}";
}
