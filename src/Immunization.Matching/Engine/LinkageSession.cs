using System.Text.RegularExpressions;
using Immunization.Matching.Blocking;
using Immunization.Matching.Comparators;
using Immunization.Matching.Configuration;
using Immunization.Matching.Scoring;
using Immunization.Matching.Tables;

namespace Immunization.Matching.Engine;

/// <summary>
/// One run of the engine over one table (de-duplication) or two (linking): interned fields, blocking keys, candidate pairs
/// with their patterns and weights, the fitted model, and the truth keys when given. Results keep it to explain pairs.
/// </summary>
internal sealed class LinkageSession
{
    private const int ParallelThreshold = 65_536;

    public LinkageSession(MatchPlan plan, RecordTable left, RecordTable? right, bool trainOnTruth)
    {
        Plan = plan;
        SameTable = right is null;
        var tables = right is null ? new[] { left } : new[] { left, right };
        Fields = FieldData.Build(plan, tables);
        Comparer = new PairComparer(plan, Fields, 0, SameTable ? 0 : 1);
        LeftCount = left.Count;
        RightCount = right?.Count ?? left.Count;
        TruthKeys = ReadTruth(plan, tables);

        var keys = Blocker.Keys(plan, Fields, tables.Length);
        var maxPairs = plan.Source.Estimation?.MaxCandidatePairs ?? new EstimationConfiguration().MaxCandidatePairs;
        Pairs = SameTable ? Blocker.DedupePairs(keys, maxPairs) : Blocker.LinkPairs(keys, LeftCount, RightCount, maxPairs);
        Patterns = ComputePatterns();

        var estimation = plan.Source.Estimation ?? new EstimationConfiguration();
        var leftOrder = CanonicalOrder(tables[0], 0);
        var rightOrder = SameTable ? leftOrder : CanonicalOrder(tables[1], 1);
        LeftRanks = Ranks(leftOrder);
        RightRanks = SameTable ? LeftRanks : Ranks(rightOrder);
        var u = ModelEstimator.EstimateU(plan, Fields, Comparer, leftOrder, rightOrder, SameTable, estimation);
        double[] m;
        double lambda;
        if (trainOnTruth && TruthKeys is not null)
        {
            var truth = TruthKeys;
            var leftIndexes = Pairs.LeftIndexes;
            var rightIndexes = Pairs.RightIndexes;
            var truePatterns = PatternCounts.From(Patterns, i => IsTrue(truth, leftIndexes[i], rightIndexes[i]));
            (m, lambda) = ModelEstimator.FromLabels(plan, truePatterns, Pairs.Count);
        }
        else
        {
            (m, lambda, EmIterations) = ModelEstimator.ExpectationMaximisation(plan, PatternCounts.From(Patterns), u, estimation);
        }

        Model = new MatchModel(plan, m, u, lambda, ModelEstimator.TermFrequencyWeights(plan, Fields, m));
        Weights = ComputeWeights();
    }

    public MatchPlan Plan { get; }

    public bool SameTable { get; }

    public FieldData[] Fields { get; }

    public PairComparer Comparer { get; }

    public int LeftCount { get; }

    public int RightCount { get; }

    /// <summary>Entity id per record per table (-1 when unknown), or null without truth.</summary>
    public int[][]? TruthKeys { get; }

    public PairList Pairs { get; }

    public ulong[] Patterns { get; }

    public double[] Weights { get; }

    public MatchModel Model { get; }

    public int EmIterations { get; }

    /// <summary>Each left record's position in the canonical order (content, then id): ties are broken by it.</summary>
    public int[] LeftRanks { get; }

    /// <summary>Each right record's position in the canonical order.</summary>
    public int[] RightRanks { get; }

    public bool IsTrue(int[][] truth, int left, int right)
    {
        var a = truth[0][left];
        return a >= 0 && a == truth[SameTable ? 0 : 1][right];
    }

    public PairExplanation Explain(ScoredPair pair)
    {
        var contributions = new FieldContribution[Plan.Names.Length];
        Explain(pair, contributions);
        return new PairExplanation(pair, Model.PriorWeight, contributions);
    }

    /// <summary>Writes each field's level and weight for a pair into <paramref name="contributions"/>, allocating nothing.</summary>
    public void Explain(ScoredPair pair, Span<FieldContribution> contributions)
    {
        if (contributions.Length < Plan.Names.Length)
        {
            throw new ArgumentException($"The span holds {contributions.Length} contributions; the configuration has {Plan.Names.Length} fields.",
                nameof(contributions));
        }

        for (var f = 0; f < Plan.Names.Length; f++)
        {
            var a = Comparer.Left[f][pair.Left];
            var b = Comparer.Right[f][pair.Right];
            var level = Comparer.Level(f, a, b);
            contributions[f] = level < 0
                ? new FieldContribution(Plan.Names[f], "missing", 0)
                : new FieldContribution(Plan.Names[f], Plan.LevelLabels[Plan.LevelOffset[f] + level], Model.FieldWeight(f, level, a));
        }
    }

    /// <summary>The true pairs, and how many of them are candidates.</summary>
    public (long TruePairs, long Blocked) TruthCounts()
    {
        if (TruthKeys is not { } truth)
        {
            return (0, 0);
        }

        long blocked = 0;
        for (var p = 0; p < Pairs.Count; p++)
        {
            if (IsTrue(truth, Pairs.LeftIndexes[p], Pairs.RightIndexes[p]))
            {
                blocked++;
            }
        }

        var entityCount = 0;
        foreach (var table in truth)
        {
            foreach (var e in table)
            {
                entityCount = Math.Max(entityCount, e + 1);
            }
        }

        var left = new long[entityCount];
        foreach (var e in truth[0])
        {
            if (e >= 0)
            {
                left[e]++;
            }
        }

        long total = 0;
        if (SameTable)
        {
            foreach (var c in left)
            {
                total += c * (c - 1) / 2;
            }
        }
        else
        {
            var right = new long[entityCount];
            foreach (var e in truth[1])
            {
                if (e >= 0)
                {
                    right[e]++;
                }
            }

            for (var e = 0; e < entityCount; e++)
            {
                total += left[e] * right[e];
            }
        }

        return (total, blocked);
    }

    private ulong[] ComputePatterns()
    {
        var count = Pairs.Count;
        var patterns = new ulong[count];
        var left = Pairs.LeftIndexes;
        var right = Pairs.RightIndexes;
        var comparer = Comparer;
        if (count < ParallelThreshold)
        {
            for (var p = 0; p < count; p++)
            {
                patterns[p] = comparer.Pattern(left[p], right[p]);
            }
        }
        else
        {
            Parallel.For(0, (count + 4095) / 4096, chunk =>
            {
                var end = Math.Min(count, (chunk + 1) * 4096);
                for (var p = chunk * 4096; p < end; p++)
                {
                    patterns[p] = comparer.Pattern(left[p], right[p]);
                }
            });
        }

        return patterns;
    }

    private double[] ComputeWeights()
    {
        var weights = new double[Pairs.Count];
        var leftIds = Comparer.Left;
        var left = Pairs.LeftIndexes;
        for (var p = 0; p < weights.Length; p++)
        {
            weights[p] = Model.Score(Patterns[p], leftIds, left[p]);
        }

        return weights;
    }

    /// <summary>
    /// Record indexes sorted by a content hash of the compared fields, then by record id, so that sampling in this order
    /// and breaking ties by it do not depend on the input order.
    /// </summary>
    private int[] CanonicalOrder(RecordTable source, int table)
    {
        var count = Fields[0].Ids[table].Length;
        var hashes = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var hash = 14695981039346656037UL;
            foreach (var field in Fields)
            {
                var id = field.Ids[table][i];
                var text = id < 0 ? "" : field.Values[id];
                foreach (var c in text)
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                hash = (hash ^ 0xFFFF) * 1099511628211UL;
            }

            hashes[i] = hash;
        }

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        var idColumn = Plan.Source.IdColumn is { } name ? source.IndexOf(name) : -1;
        Array.Sort(order, (x, y) =>
        {
            var c = hashes[x].CompareTo(hashes[y]);
            if (c != 0 || idColumn < 0)
            {
                return c != 0 ? c : x.CompareTo(y);
            }

            c = source.Value(x, idColumn).SequenceCompareTo(source.Value(y, idColumn));
            return c != 0 ? c : x.CompareTo(y);
        });
        return order;
    }

    private static int[] Ranks(int[] order)
    {
        var ranks = new int[order.Length];
        for (var position = 0; position < order.Length; position++)
        {
            ranks[order[position]] = position;
        }

        return ranks;
    }

    private static int[][]? ReadTruth(MatchPlan plan, RecordTable[] tables)
    {
        if (plan.Source.Truth is not { } truth)
        {
            return null;
        }

        var entities = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = entities.GetAlternateLookup<ReadOnlySpan<char>>();
        var result = new int[tables.Length][];
        for (var t = 0; t < tables.Length; t++)
        {
            var column = tables[t].IndexOf(truth.Column);
            if (column < 0)
            {
                throw new ArgumentException($"The truth column '{truth.Column}' is missing from input {t + 1}.", nameof(tables));
            }

            var keys = new int[tables[t].Count];
            for (var r = 0; r < keys.Length; r++)
            {
                var value = tables[t].Value(r, column);
                if (value.IsEmpty || !TryExtract(plan.TruthPattern, value, out var key))
                {
                    keys[r] = -1;
                    continue;
                }

                if (!lookup.TryGetValue(key, out var id))
                {
                    id = entities.Count;
                    lookup[key] = id;
                }

                keys[r] = id;
            }

            result[t] = keys;
        }

        return result;
    }

    /// <summary>The entity key in a truth value: the pattern's first group, or the whole value without a pattern.</summary>
    private static bool TryExtract(Regex? pattern, ReadOnlySpan<char> value, out ReadOnlySpan<char> key)
    {
        key = value;
        if (pattern is null)
        {
            return true;
        }

        var group = pattern.Match(value.ToString()).Groups[1];
        if (!group.Success)
        {
            return false;
        }

        key = value.Slice(group.Index, group.Length);
        return true;
    }
}
