using System.Runtime.CompilerServices;
using Immunization.Matching.Configuration;

namespace Immunization.Matching.Scoring;

/// <summary>
/// A fitted Fellegi-Sunter model: for every level of every field, the probability m of that level among true matches and
/// u among non-matches, the level's weight log2(m/u), and the prior proportion of matches among candidate pairs.
/// </summary>
/// <remarks>
/// The match weight of a pair is log2(λ/(1−λ)) plus the weight of each field's level (a missing value weighs 0). With term
/// frequencies, agreement on the exact level weighs log2(m / f), where f is the share of records that hold the agreed value,
/// instead of log2(m/u): agreeing on a frequent value counts less than agreeing on a rare one.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MatchModel
{
    private readonly FieldModel[] _fields;

    internal MatchModel(MatchPlan plan, double[] m, double[] u, double lambda, double[][] termFrequencyWeights)
    {
        Plan = plan;
        M = m;
        U = u;
        Lambda = lambda;
        TermFrequencyWeights = termFrequencyWeights;
        Weights = new double[m.Length];
        for (var i = 0; i < m.Length; i++)
        {
            Weights[i] = Math.Log2(m[i] / u[i]);
        }

        PriorWeight = Math.Log2(lambda / (1 - lambda));
        _fields = new FieldModel[plan.Names.Length];
        for (var f = 0; f < _fields.Length; f++)
        {
            var levels = new LevelModel[plan.LevelCount[f]];
            for (var l = 0; l < levels.Length; l++)
            {
                var k = plan.LevelOffset[f] + l;
                levels[l] = new LevelModel(plan.LevelLabels[k], m[k], u[k], Weights[k]);
            }

            _fields[f] = new FieldModel(plan.Names[f], levels, plan.TermFrequency[f]);
        }
    }

    /// <summary>Gets the estimated proportion of true matches among the candidate pairs (λ).</summary>
    public double Lambda { get; }

    /// <summary>Gets the prior weight log2(λ/(1−λ)), part of every pair's match weight.</summary>
    public double PriorWeight { get; }

    /// <summary>Gets the per-field levels with their probabilities and weights, in configuration order.</summary>
    public IReadOnlyList<FieldModel> Fields => _fields;

    internal MatchPlan Plan { get; }

    internal double[] M { get; }

    internal double[] U { get; }

    internal double[] Weights { get; }

    /// <summary>Per field, the exact-level weight per value id, or an empty array when the field has no term frequencies.</summary>
    internal double[][] TermFrequencyWeights { get; }

    /// <summary>Returns the weight a field's level contributes, the term-frequency adjustment included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double FieldWeight(int field, int level, int valueId)
    {
        if (level < 0)
        {
            return 0;
        }

        var tf = TermFrequencyWeights[field];
        if (level == 0 && tf.Length != 0 && valueId >= 0)
        {
            return tf[valueId];
        }

        return Weights[Plan.LevelOffset[field] + level];
    }

    /// <summary>Returns the match weight of a packed pattern, given the left value id of each field (for term frequencies).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal double Score(ulong pattern, int[][] leftIds, int record)
    {
        var weight = PriorWeight;
        var offsets = Plan.LevelOffset;
        var weights = Weights;
        var tfs = TermFrequencyWeights;
        for (var f = 0; f < offsets.Length; f++)
        {
            var code = (int)((pattern >> (f * 4)) & 0xF);
            if (code == 0)
            {
                continue;
            }

            var tf = tfs[f];
            if (code == 1 && tf.Length != 0)
            {
                weight += tf[leftIds[f][record]];
            }
            else
            {
                weight += weights[offsets[f] + code - 1];
            }
        }

        return weight;
    }

    /// <summary>Converts a match weight to a match probability.</summary>
    /// <param name="weight">The match weight (log2 of the posterior odds).</param>
    /// <returns>The probability, between 0 and 1.</returns>
    public static double Probability(double weight) => 1.0 / (1.0 + Math.Pow(2, -weight));
}

/// <summary>The fitted levels of one field.</summary>
/// <param name="Name">The field's name.</param>
/// <param name="Levels">The levels, from the most similar to "different".</param>
/// <param name="TermFrequency">Whether the exact level is adjusted by value frequency.</param>
public sealed record FieldModel(string Name, IReadOnlyList<LevelModel> Levels, bool TermFrequency);

/// <summary>One fitted level of a field.</summary>
/// <param name="Label">The level's test, e.g. <c>jaroWinkler&gt;=0.92</c>, or <c>different</c>.</param>
/// <param name="M">The probability of this level among true matches.</param>
/// <param name="U">The probability of this level among non-matches.</param>
/// <param name="Weight">log2(M/U), the level's contribution to the match weight.</param>
public readonly record struct LevelModel(string Label, double M, double U, double Weight);
