using Ardalis.GuardClauses;
using Immunization.Matching.Tables;

namespace Immunization.Matching.Deduplication;

/// <summary>
/// Names the clusters of a <see cref="DeduplicationResult"/> as <see cref="IdentityClusters"/> does: by the smallest record
/// id in the cluster (ordinal order), or without an id column by its first record, so that names do not depend on the
/// input order.
/// </summary>
public static class ClusterNames
{
    /// <summary>Gets, for each cluster, the record that names it.</summary>
    /// <param name="result">The de-duplication of <paramref name="table"/>.</param>
    /// <param name="table">The table de-duplicated.</param>
    /// <param name="idColumn">The column holding record ids, or a negative number to name a cluster by its first record.</param>
    /// <returns>For each cluster (0 to <see cref="DeduplicationResult.ClusterCount"/> − 1), the index of its naming record.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static int[] Representatives(DeduplicationResult result, RecordTable table, int idColumn)
    {
        Guard.Against.Null(result);
        Guard.Against.Null(table);
        var names = new int[result.ClusterCount];
        Array.Fill(names, -1);
        for (var i = 0; i < result.Clusters.Count; i++)
        {
            var c = result.Clusters[i];
            if (names[c] < 0 || (idColumn >= 0 && table.GetSpan(i, idColumn).SequenceCompareTo(table.GetSpan(names[c], idColumn)) < 0))
            {
                names[c] = i;
            }
        }

        return names;
    }
}
