using Ardalis.GuardClauses;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Deduplication;

/// <summary>
/// Groups identity records (vaccination records not linked to the register, or a register to clean) into clusters of one
/// person each, with the Vietnamese comparators and a guard against chaining.
/// </summary>
/// <remarks>
/// The records are indexed as a register; every pair whose weight reaches the match weight joins, heaviest first, unless
/// the join would put two different valid identity numbers of the same kind in one cluster. A cluster is named by its
/// smallest record id, so names do not depend on the input order.
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class IdentityClusters
{
    /// <summary>Clusters <paramref name="records"/> and returns the cluster name of each, by position.</summary>
    /// <param name="records">The records, Vietnamese citizens or not (nationality is not used here).</param>
    /// <param name="options">The thresholds; <see langword="null"/> for the defaults.</param>
    /// <returns>For each record, its cluster's name: the smallest record id (ordinal order) in the cluster.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    public static string[] Cluster(IReadOnlyList<IdentityRecord> records, RegisterMatchOptions? options = null)
    {
        Guard.Against.Null(records);
        var settings = options ?? new RegisterMatchOptions();
        var index = RegisterIndex.Build(records, settings);
        var edges = new List<(int A, int B, double Weight)>();
        var neighbours = new List<(int Other, double Weight)>();
        for (var i = 0; i < records.Count; i++)
        {
            index.Neighbours(i, settings.MatchWeight, neighbours);
            foreach (var (other, weight) in neighbours)
            {
                if (i < other)
                {
                    edges.Add((i, other, weight));
                }
            }
        }

        // Heaviest first; ties by record id so that the clusters do not depend on the input order.
        edges.Sort((x, y) =>
        {
            var c = y.Weight.CompareTo(x.Weight);
            if (c != 0)
            {
                return c;
            }

            var (x1, x2) = Ordered(records[x.A].Id, records[x.B].Id);
            var (y1, y2) = Ordered(records[y.A].Id, records[y.B].Id);
            c = string.CompareOrdinal(x1, y1);
            return c != 0 ? c : string.CompareOrdinal(x2, y2);
        });

        // Identity numbers as exclusive values: ids per distinct (length, digits).
        var numbers = new Dictionary<(long, int), int>();
        var exclusive = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var (digits, length) = index.CitizenIdOf(i);
            if (length == 0)
            {
                exclusive[i] = -1;
                continue;
            }

            if (!numbers.TryGetValue((digits, length), out var id))
            {
                id = numbers.Count;
                numbers.Add((digits, length), id);
            }

            exclusive[i] = id;
        }

        var sets = new UnionFind(records.Count, exclusive);
        foreach (var (a, b, _) in edges)
        {
            sets.TryUnion(a, b);
        }

        var names = new Dictionary<int, string>();
        for (var i = 0; i < records.Count; i++)
        {
            var root = sets.Find(i);
            if (!names.TryGetValue(root, out var name) || string.CompareOrdinal(records[i].Id, name) < 0)
            {
                names[root] = records[i].Id;
            }
        }

        var result = new string[records.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = names[sets.Find(i)];
        }

        return result;
    }

    private static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
