using Ardalis.GuardClauses;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Cluster;

/// <summary>
/// Links vaccination records to a register snapshot served by a cluster: the client side of the router. Results are those of
/// <see cref="RegisterIndex.Link"/> over the whole register, record for record.
/// </summary>
/// <threadsafety>Thread-safe: calls may run concurrently.</threadsafety>
public sealed class ClusterLinker
{
    private readonly IGrainFactory _grains;
    private readonly RegisterSnapshotInfo _snapshot;

    /// <summary>Initializes a linker for a snapshot.</summary>
    /// <param name="grains">The cluster client (or a grain's factory).</param>
    /// <param name="snapshot">The snapshot that the silos' storage holds.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ClusterLinker(IGrainFactory grains, RegisterSnapshotInfo snapshot)
    {
        _grains = Guard.Against.Null(grains);
        _snapshot = Guard.Against.Null(snapshot);
    }

    /// <summary>Links one record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The link.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public async Task<RecordLink> LinkAsync(IdentityText record)
    {
        Guard.Against.Null(record);
        var links = await LinkAsync([record]).ConfigureAwait(false);
        return links[0];
    }

    /// <summary>Links a batch of records (a few thousand per call keeps messages small and cores busy).</summary>
    /// <param name="records">The records.</param>
    /// <returns>The links, in the order of <paramref name="records"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    public async Task<IReadOnlyList<RecordLink>> LinkAsync(IReadOnlyList<IdentityText> records)
    {
        Guard.Against.Null(records);
        var messages = await Router().LinkAsync(_snapshot, [.. records]).ConfigureAwait(false);
        return [.. messages.Select(m => m.ToLink())];
    }

    internal ILinkRouterGrain Router() => _grains.GetGrain<ILinkRouterGrain>(0);
}
