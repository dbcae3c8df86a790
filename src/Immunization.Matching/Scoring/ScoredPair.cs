namespace Immunization.Matching.Scoring;

/// <summary>A compared pair of records with its match weight.</summary>
/// <param name="Left">The first record's index (in the left table, or in the one table when de-duplicating).</param>
/// <param name="Right">The second record's index (in the right table, or in the one table when de-duplicating).</param>
/// <param name="Weight">The match weight: log2 of the posterior odds that the two records are one entity.</param>
public readonly record struct ScoredPair(int Left, int Right, double Weight)
{
    /// <summary>Gets the match probability, 2^w / (1 + 2^w).</summary>
    public double Probability => MatchModel.Probability(Weight);
}

/// <summary>What one field contributed to a pair's match weight.</summary>
/// <param name="Field">The field's name.</param>
/// <param name="Level">The level the pair reached (e.g. <c>exact</c>, <c>jaroWinkler&gt;=0.92</c>, <c>different</c>), or <c>missing</c>.</param>
/// <param name="Weight">The weight added, term-frequency adjustment included; 0 when a value is missing.</param>
public readonly record struct FieldContribution(string Field, string Level, double Weight);

/// <summary>Why a pair got its weight: the prior plus each field's contribution.</summary>
/// <param name="Pair">The pair.</param>
/// <param name="PriorWeight">The prior weight log2(λ/(1−λ)).</param>
/// <param name="Fields">Each field's contribution, in configuration order; they add up with the prior to the pair's weight.</param>
public sealed record PairExplanation(ScoredPair Pair, double PriorWeight, IReadOnlyList<FieldContribution> Fields);

/// <summary>Accuracy against the ground truth: of blocking, and of the decisions.</summary>
/// <param name="TruePairs">The number of truly matching pairs.</param>
/// <param name="TruePairsBlocked">How many of them blocking made candidates.</param>
/// <param name="PredictedPairs">The number of pairs declared matches (for de-duplication: pairs within a cluster).</param>
/// <param name="TruePositives">How many declared pairs are truly matching.</param>
public sealed record TruthEvaluation(long TruePairs, long TruePairsBlocked, long PredictedPairs, long TruePositives)
{
    /// <summary>Gets the share of true pairs that blocking kept (pairs completeness).</summary>
    public double BlockingRecall => TruePairs == 0 ? 1 : (double)TruePairsBlocked / TruePairs;

    /// <summary>Gets the share of declared pairs that are true.</summary>
    public double Precision => PredictedPairs == 0 ? 1 : (double)TruePositives / PredictedPairs;

    /// <summary>Gets the share of true pairs that were declared.</summary>
    public double Recall => TruePairs == 0 ? 1 : (double)TruePositives / TruePairs;

    /// <summary>Gets the harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
