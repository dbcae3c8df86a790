using Immunization.Matching.Configuration;
using Immunization.Matching.Scoring;

namespace Immunization.Matching.Blocking;

/// <summary>
/// Generates candidate pairs from several blocking rules, each pair once, without a set of pairs seen: a rule skips a pair
/// that an earlier rule already produced, which it knows by comparing the two records' keys for the earlier rules.
/// </summary>
/// <remarks>
/// Each rule's key is a dense integer per record (-1 when a key field is missing), computed once from the interned field
/// values, so "same key" is an integer comparison and the union costs one comparison per earlier rule per pair.
/// </remarks>
internal static class Blocker
{
    /// <summary>Computes each rule's key per record, per table: keys[rule][table][record].</summary>
    /// <remarks>
    /// A key over several fields is built a field at a time: the key so far and the next field's component get a new dense id,
    /// shared by the tables; each step numbers its own pairs, so ids of different steps never meet.
    /// </remarks>
    public static int[][][] Keys(MatchPlan plan, FieldData[] fields, int tableCount)
    {
        var rows = 0;
        for (var t = 0; t < tableCount; t++)
        {
            rows += fields[0].Ids[t].Length;
        }

        var keys = new int[plan.Rules.Length][][];
        var combined = new Dictionary<long, int>(rows);
        for (var r = 0; r < plan.Rules.Length; r++)
        {
            var rule = plan.Rules[r];
            var ruleKeys = new int[tableCount][];
            var first = ComponentIds(fields[rule.Fields[0]], rule.PrefixLengths[0], plan.KeyedOnFirstColumn(rule.Fields[0]));
            for (var t = 0; t < tableCount; t++)
            {
                var ids = fields[rule.Fields[0]].Ids[t];
                var tableKeys = new int[ids.Length];
                for (var i = 0; i < ids.Length; i++)
                {
                    tableKeys[i] = ids[i] < 0 ? -1 : first is null ? ids[i] : first[ids[i]];
                }

                ruleKeys[t] = tableKeys;
            }

            for (var k = 1; k < rule.Fields.Length; k++)
            {
                // Component ids per distinct value: the value id itself, or the id of its prefix.
                var components = ComponentIds(fields[rule.Fields[k]], rule.PrefixLengths[k], plan.KeyedOnFirstColumn(rule.Fields[k]));
                combined.Clear();
                for (var t = 0; t < tableCount; t++)
                {
                    var ids = fields[rule.Fields[k]].Ids[t];
                    var tableKeys = ruleKeys[t];
                    for (var i = 0; i < tableKeys.Length; i++)
                    {
                        var key = tableKeys[i];
                        var value = ids[i];
                        if (key < 0 || value < 0)
                        {
                            tableKeys[i] = -1;
                            continue;
                        }

                        var pair = ((long)key << 32) | (uint)(components is null ? value : components[value]);
                        if (!combined.TryGetValue(pair, out var id))
                        {
                            id = combined.Count;
                            combined.Add(pair, id);
                        }

                        tableKeys[i] = id;
                    }
                }
            }

            keys[r] = ruleKeys;
        }

        return keys;
    }

    /// <summary>Candidate pairs between table 0 (left) and table 1 (right).</summary>
    public static PairList LinkPairs(int[][][] keys, int leftCount, int rightCount, long maxPairs)
    {
        var pairs = new PairList();
        for (var r = 0; r < keys.Length; r++)
        {
            var left = keys[r][0];
            var (starts, members) = Buckets(keys[r][1]);
            for (var i = 0; i < leftCount; i++)
            {
                var key = left[i];
                if (key < 0 || key >= starts.Length - 1)
                {
                    continue;
                }

                for (var m = starts[key]; m < starts[key + 1]; m++)
                {
                    var j = members[m];
                    if (!ProducedEarlier(keys, r, 0, i, 1, j))
                    {
                        pairs.Add(i, j);
                    }
                }

                if (pairs.Count > maxPairs)
                {
                    throw TooMany(maxPairs, r);
                }
            }
        }

        _ = rightCount;
        return pairs;
    }

    /// <summary>Candidate pairs (i &lt; j) within table 0.</summary>
    public static PairList DedupePairs(int[][][] keys, long maxPairs)
    {
        var pairs = new PairList();
        for (var r = 0; r < keys.Length; r++)
        {
            var (starts, members) = Buckets(keys[r][0]);
            for (var key = 0; key < starts.Length - 1; key++)
            {
                for (var x = starts[key]; x < starts[key + 1]; x++)
                {
                    var i = members[x];
                    for (var y = x + 1; y < starts[key + 1]; y++)
                    {
                        var j = members[y];
                        if (!ProducedEarlier(keys, r, 0, i, 0, j))
                        {
                            pairs.Add(i, j);
                        }
                    }
                }

                if (pairs.Count > maxPairs)
                {
                    throw TooMany(maxPairs, r);
                }
            }
        }

        return pairs;
    }

    /// <summary>Whether an earlier rule than <paramref name="rule"/> gives the two records the same key.</summary>
    public static bool ProducedEarlier(int[][][] keys, int rule, int tableA, int a, int tableB, int b)
    {
        for (var e = 0; e < rule; e++)
        {
            var ka = keys[e][tableA][a];
            if (ka >= 0 && ka == keys[e][tableB][b])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any rule gives the two records the same key (the pair is a candidate).</summary>
    public static bool IsCandidate(int[][][] keys, int tableA, int a, int tableB, int b) =>
        ProducedEarlier(keys, keys.Length, tableA, a, tableB, b);

    // Counting sort of records by key: members of key k are members[starts[k]..starts[k+1]], in increasing record order.
    private static (int[] Starts, int[] Members) Buckets(int[] keys)
    {
        var max = -1;
        foreach (var k in keys)
        {
            if (k > max)
            {
                max = k;
            }
        }

        var starts = new int[max + 2];
        foreach (var k in keys)
        {
            if (k >= 0)
            {
                starts[k + 1]++;
            }
        }

        for (var k = 0; k < max + 1; k++)
        {
            starts[k + 1] += starts[k];
        }

        var fill = (int[])starts.Clone();
        var members = new int[starts[max + 1]];
        for (var i = 0; i < keys.Length; i++)
        {
            var k = keys[i];
            if (k >= 0)
            {
                members[fill[k]++] = i;
            }
        }

        return (starts, members);
    }

    private static InvalidOperationException TooMany(long maxPairs, int rule) =>
        new($"Blocking produced more than {maxPairs:N0} candidate pairs (at rule {rule}); make the rules stricter or raise " +
            "estimation.maxCandidatePairs.");

    /// <summary>
    /// The id of each distinct value's prefix (or, for a field keyed on its first column, of that column's part), or
    /// <see langword="null"/> when the whole value is the key (its id serves).
    /// </summary>
    private static int[]? ComponentIds(FieldData field, int prefixLength, bool firstColumnOnly)
    {
        if (prefixLength == 0 && !firstColumnOnly)
        {
            return null;
        }

        var ids = new int[field.Values.Length];
        var prefixes = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var v = 0; v < ids.Length; v++)
        {
            var value = field.Values[v].AsSpan();
            if (firstColumnOnly && value.IndexOf(FieldData.ColumnSeparator) is var end and >= 0)
            {
                value = value[..end];
            }

            var prefix = prefixLength == 0 || value.Length <= prefixLength ? value : value[..prefixLength];
            if (!lookup.TryGetValue(prefix, out var id))
            {
                id = prefixes.Count;
                lookup[prefix] = id;
            }

            ids[v] = id;
        }

        return ids;
    }
}
