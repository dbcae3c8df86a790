using System.Runtime.CompilerServices;
using Immunization.Matching.Comparators;
using Immunization.Matching.Configuration;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Scoring;

/// <summary>
/// Estimates a Fellegi-Sunter model: u from random pairs (and, for the exact level, exactly from value frequencies),
/// m by expectation-maximisation on the candidate pairs with u held fixed, or m from labelled pairs.
/// </summary>
internal static class ModelEstimator
{
    private const double MinProbability = 1e-9;

    /// <summary>
    /// Estimates u for every level. Random pairs are drawn in a canonical record order, so the estimate depends only on
    /// the records, not on the order they came in.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] EstimateU(MatchPlan plan, FieldData[] fields, PairComparer comparer, int[] leftOrder, int[] rightOrder,
        bool sameTable, EstimationConfiguration estimation)
    {
        var counts = new long[plan.TotalLevels];
        var present = new long[plan.Names.Length];
        var random = new Random(estimation.Seed);
        var samples = estimation.RandomPairs;
        if (leftOrder.Length > 0 && rightOrder.Length > (sameTable ? 1 : 0))
        {
            for (var s = 0; s < samples; s++)
            {
                var i = leftOrder[random.Next(leftOrder.Length)];
                var j = rightOrder[random.Next(rightOrder.Length)];
                if (sameTable && i == j)
                {
                    s--;
                    continue;
                }

                for (var f = 0; f < plan.Names.Length; f++)
                {
                    var level = comparer.Level(f, comparer.Left[f][i], comparer.Right[f][j]);
                    if (level >= 0)
                    {
                        counts[plan.LevelOffset[f] + level]++;
                        present[f]++;
                    }
                }
            }
        }

        var u = new double[plan.TotalLevels];
        for (var f = 0; f < plan.Names.Length; f++)
        {
            var offset = plan.LevelOffset[f];
            var levelCount = plan.LevelCount[f];
            var n = Math.Max(present[f], 1);
            var floor = 0.5 / n;
            var exact = plan.Kinds[offset] == LevelKind.Exact ? ExactAgreement(fields[f], sameTable) : double.NaN;
            var rest = 0.0;
            for (var l = 0; l < levelCount; l++)
            {
                if (l == 0 && !double.IsNaN(exact))
                {
                    continue;
                }

                u[offset + l] = Math.Max((double)counts[offset + l] / n, floor);
                rest += u[offset + l];
            }

            if (!double.IsNaN(exact))
            {
                // Exact agreement is known precisely from the value counts; the sampled levels share what remains.
                u[offset] = Math.Clamp(exact, MinProbability, 1 - MinProbability);
                var scale = (1 - u[offset]) / Math.Max(rest, MinProbability);
                for (var l = 1; l < levelCount; l++)
                {
                    u[offset + l] *= scale;
                }
            }
            else
            {
                for (var l = 0; l < levelCount; l++)
                {
                    u[offset + l] /= rest;
                }
            }

            for (var l = 0; l < levelCount; l++)
            {
                if (!double.IsNaN(plan.FixedU[offset + l]))
                {
                    u[offset + l] = plan.FixedU[offset + l];
                }
            }
        }

        return u;
    }

    /// <summary>The probability that two random records (with the field present) hold the same value.</summary>
    private static double ExactAgreement(FieldData field, bool sameTable)
    {
        if (sameTable)
        {
            double n = field.Present[0];
            if (n < 2)
            {
                return double.NaN;
            }

            var sum = 0.0;
            foreach (var c in field.Counts)
            {
                sum += (double)c * (c - 1);
            }

            return sum / (n * (n - 1));
        }

        var left = new int[field.Values.Length];
        foreach (var v in field.Ids[0])
        {
            if (v >= 0)
            {
                left[v]++;
            }
        }

        double total = 0;
        for (var v = 0; v < left.Length; v++)
        {
            total += (double)left[v] * (field.Counts[v] - left[v]);
        }

        var denominator = (double)field.Present[0] * field.Present[1];
        return denominator == 0 ? double.NaN : total / denominator;
    }

    /// <summary>
    /// Fits m and λ by expectation-maximisation over the distinct patterns of the candidate pairs, u held fixed.
    /// </summary>
    /// <returns>m per level, λ, and the number of iterations run.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double[] M, double Lambda, int Iterations) ExpectationMaximisation(MatchPlan plan, PatternCounts patterns, double[] u,
        EstimationConfiguration estimation)
    {
        var fieldCount = plan.Names.Length;
        var m = InitialM(plan);
        var lambda = 0.1;
        var logU = Array.ConvertAll(u, Math.Log);
        var logM = new double[m.Length];
        var numerator = new double[m.Length];
        var iterations = 0;
        for (var iteration = 0; iteration < estimation.MaxIterations; iteration++)
        {
            iterations++;
            for (var k = 0; k < m.Length; k++)
            {
                logM[k] = Math.Log(m[k]);
            }

            Array.Clear(numerator);
            var matched = 0.0;
            var total = 0.0;
            var logPrior = Math.Log((1 - lambda) / lambda);
            for (var p = 0; p < patterns.Count; p++)
            {
                var pattern = patterns.Patterns[p];
                double count = patterns.Counts[p];
                var logRatio = 0.0;
                for (var f = 0; f < fieldCount; f++)
                {
                    var code = (int)((pattern >> (f * 4)) & 0xF);
                    if (code != 0)
                    {
                        var k = plan.LevelOffset[f] + code - 1;
                        logRatio += logM[k] - logU[k];
                    }
                }

                var posterior = 1.0 / (1.0 + Math.Exp(logPrior - logRatio));
                var weight = count * posterior;
                matched += weight;
                total += count;
                for (var f = 0; f < fieldCount; f++)
                {
                    var code = (int)((pattern >> (f * 4)) & 0xF);
                    if (code != 0)
                    {
                        numerator[plan.LevelOffset[f] + code - 1] += weight;
                    }
                }
            }

            var change = 0.0;
            var next = Normalize(plan, numerator, m);
            for (var k = 0; k < m.Length; k++)
            {
                change = Math.Max(change, Math.Abs(next[k] - m[k]));
            }

            var nextLambda = Math.Clamp(matched / Math.Max(total, 1), 1e-6, 1 - 1e-6);
            change = Math.Max(change, Math.Abs(nextLambda - lambda));
            m = next;
            lambda = nextLambda;
            if (change < estimation.Tolerance)
            {
                break;
            }
        }

        return (m, lambda, iterations);
    }

    /// <summary>m and λ counted from labelled candidate pairs (those known to be true matches).</summary>
    public static (double[] M, double Lambda) FromLabels(MatchPlan plan, PatternCounts truePatterns, long candidatePairs)
    {
        var numerator = new double[plan.TotalLevels];
        long matched = 0;
        for (var p = 0; p < truePatterns.Count; p++)
        {
            var pattern = truePatterns.Patterns[p];
            matched += truePatterns.Counts[p];
            for (var f = 0; f < plan.Names.Length; f++)
            {
                var code = (int)((pattern >> (f * 4)) & 0xF);
                if (code != 0)
                {
                    numerator[plan.LevelOffset[f] + code - 1] += truePatterns.Counts[p];
                }
            }
        }

        var lambda = Math.Clamp((double)matched / Math.Max(candidatePairs, 1), 1e-6, 1 - 1e-6);
        return (Normalize(plan, numerator, InitialM(plan)), lambda);
    }

    /// <summary>Exact-level weights per value: log2(m_exact / share of the value).</summary>
    public static double[][] TermFrequencyWeights(MatchPlan plan, FieldData[] fields, double[] m)
    {
        var result = new double[fields.Length][];
        for (var f = 0; f < fields.Length; f++)
        {
            if (!plan.TermFrequency[f])
            {
                result[f] = [];
                continue;
            }

            var field = fields[f];
            double total = 0;
            foreach (var n in field.Present)
            {
                total += n;
            }

            var logM = Math.Log2(m[plan.LevelOffset[f]]);
            var weights = new double[field.Values.Length];
            for (var v = 0; v < weights.Length; v++)
            {
                weights[v] = logM - Math.Log2(Math.Max(field.Counts[v], 1) / total);
            }

            result[f] = weights;
        }

        return result;
    }

    private static double[] InitialM(MatchPlan plan)
    {
        var m = new double[plan.TotalLevels];
        for (var f = 0; f < plan.Names.Length; f++)
        {
            var offset = plan.LevelOffset[f];
            var count = plan.LevelCount[f];
            m[offset] = 0.9;
            for (var l = 1; l < count; l++)
            {
                m[offset + l] = 0.1 / (count - 1);
            }
        }

        return m;
    }

    // Per field: numerator / its sum over the field's levels, floored; fixed m values are kept.
    private static double[] Normalize(MatchPlan plan, double[] numerator, double[] fallback)
    {
        var m = new double[numerator.Length];
        for (var f = 0; f < plan.Names.Length; f++)
        {
            var offset = plan.LevelOffset[f];
            var count = plan.LevelCount[f];
            var sum = 0.0;
            for (var l = 0; l < count; l++)
            {
                sum += numerator[offset + l];
            }

            for (var l = 0; l < count; l++)
            {
                var k = offset + l;
                m[k] = !double.IsNaN(plan.FixedM[k]) ? plan.FixedM[k]
                    : sum > 0 ? Math.Max(numerator[k] / sum, 1e-6)
                    : fallback[k];
            }
        }

        return m;
    }
}

/// <summary>Distinct comparison patterns with their counts, sorted by pattern so that sums run in a fixed order.</summary>
internal sealed class PatternCounts
{
    private PatternCounts(ulong[] patterns, long[] counts)
    {
        Patterns = patterns;
        Counts = counts;
    }

    public ulong[] Patterns { get; }

    public long[] Counts { get; }

    public int Count => Patterns.Length;

    public static PatternCounts From(ReadOnlySpan<ulong> patterns, Func<int, bool>? include = null)
    {
        var counts = new Dictionary<ulong, long>();
        for (var i = 0; i < patterns.Length; i++)
        {
            if (include is null || include(i))
            {
                counts[patterns[i]] = counts.GetValueOrDefault(patterns[i]) + 1;
            }
        }

        var keys = new ulong[counts.Count];
        counts.Keys.CopyTo(keys, 0);
        Array.Sort(keys);
        var values = new long[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            values[k] = counts[keys[k]];
        }

        return new PatternCounts(keys, values);
    }
}
