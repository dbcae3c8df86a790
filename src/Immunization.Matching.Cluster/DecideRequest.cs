namespace Immunization.Matching.Cluster;

/// <summary>Asks the shard of a record's best candidate to decide the record, with the runner-up found across all shards.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record DecideRequest(
    [property: Id(0)] IdentityText Record,
    [property: Id(1)] int Best,
    [property: Id(2)] double RunnerUpWeight,
    [property: Id(3)] CandidateMessage? RunnerUp,
    [property: Id(4)] int SkippedBlocks);
