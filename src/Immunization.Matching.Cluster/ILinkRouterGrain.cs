namespace Immunization.Matching.Cluster;

/// <summary>
/// The stateless router: sends each batch of records to every shard, merges their candidates, has the best candidate's shard
/// decide, and returns the links in the batch's order.
/// </summary>
internal interface ILinkRouterGrain : IGrainWithIntegerKey
{
    /// <summary>Links a batch of records to the register snapshot.</summary>
    Task<LinkMessage[]> LinkAsync(RegisterSnapshotInfo snapshot, IdentityText[] records);
}
