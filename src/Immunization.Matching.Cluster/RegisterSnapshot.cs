using Ardalis.GuardClauses;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Cluster;

/// <summary>
/// The shard-splitting step: splits the register by a hash of the person id into shards and writes one file per shard, each
/// carrying the statistics of the whole register, so that every shard scores exactly as one index over the whole register.
/// </summary>
/// <remarks>
/// Runs on one machine: it builds the whole register's index once to compute the statistics (u probabilities, name
/// frequencies, the birth-year weight, which blocks are too large, the lookalike counts: how many people share a folded
/// name, birth year and sex). The shards are the register's people in their input order.
/// </remarks>
public static class RegisterSnapshot
{
    /// <summary>The shard of a person: a stable hash (FNV-1a) of the id modulo the number of shards.</summary>
    /// <param name="personId">The person's id.</param>
    /// <param name="shardCount">The number of shards.</param>
    /// <returns>The shard, 0 to <paramref name="shardCount"/> − 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="personId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shardCount"/> is not positive.</exception>
    public static int ShardOf(string personId, int shardCount)
    {
        Guard.Against.Null(personId);
        Guard.Against.NegativeOrZero(shardCount);
        var hash = 14695981039346656037UL;
        foreach (var c in personId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (int)(hash % (ulong)shardCount);
    }

    /// <summary>Splits the register into <paramref name="shardCount"/> shards and writes their files to <paramref name="storage"/>.</summary>
    /// <param name="people">The register's people, each once.</param>
    /// <param name="shardCount">The number of shards (several per silo spreads the load; 1 to 4,096).</param>
    /// <param name="storage">Where the shard files go.</param>
    /// <param name="snapshotId">The snapshot's name: the folder of its files (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>).</param>
    /// <param name="options">The matcher's thresholds; <see langword="null"/> for the defaults.</param>
    /// <returns>The snapshot, to give to <see cref="ClusterLinker"/> and link jobs.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shardCount"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="snapshotId"/> is empty or holds other characters.</exception>
    public static RegisterSnapshotInfo Write(IReadOnlyList<IdentityText> people, int shardCount, IClusterStorage storage, string snapshotId,
        RegisterMatchOptions? options = null)
    {
        Guard.Against.Null(people);
        Guard.Against.OutOfRange(shardCount, nameof(shardCount), 1, 4096);
        Guard.Against.Null(storage);
        Guard.Against.NullOrEmpty(snapshotId);
        if (!snapshotId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException("A snapshot id holds letters, digits, '-', '_' and '.' only.", nameof(snapshotId));
        }

        var settings = options ?? new RegisterMatchOptions();
        var records = new Comparators.Vietnamese.IdentityRecord[people.Count];
        Parallel.For(0, records.Length, i => records[i] = people[i].ToRecord());
        var whole = RegisterIndex.Build(records, settings);
        var members = new List<int>[shardCount];
        for (var s = 0; s < shardCount; s++)
        {
            members[s] = [];
        }

        for (var i = 0; i < people.Count; i++)
        {
            members[ShardOf(people[i].Id, shardCount)].Add(i);
        }

        var info = new RegisterSnapshotInfo(snapshotId, shardCount, people.Count);
        Parallel.For(0, shardCount, s =>
        {
            var statistics = whole.StatisticsFor(members[s]);
            var shardPeople = members[s].Select(i => people[i]).ToArray();
            storage.Write(info.ShardName(s), stream => ShardFile.Write(stream, s, shardCount, settings, statistics, shardPeople));
        });
        return info;
    }
}
