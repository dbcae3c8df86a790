using Orleans.Concurrency;

namespace Immunization.Matching.Cluster;

/// <summary>
/// One shard of the register: holds its index, read-only, and answers probes. Keyed <c>{snapshot}/{shard}/{shardCount}</c>;
/// loads its shard file from the <see cref="IClusterStorage"/> when it activates (again after a silo dies).
/// </summary>
internal interface IRegisterShardGrain : IGrainWithStringKey
{
    /// <summary>The shard's best candidates for each record.</summary>
    [AlwaysInterleave]
    Task<ProbeMessage[]> ProbeAsync(IdentityText[] records);

    /// <summary>Decides records whose best candidate is one of this shard's people.</summary>
    [AlwaysInterleave]
    Task<LinkMessage[]> DecideAsync(DecideRequest[] requests);
}
