using Ardalis.GuardClauses;
using Immunization.Matching.Configuration;

namespace Immunization.Matching.Scoring;

/// <summary>
/// Whether EM has probably learned nothing useful: it judged most candidate pairs to be matches (blocking left too few
/// non-matches to tell them apart), or no field's levels separate m from u.
/// </summary>
/// <param name="MostPairsJudgedMatches">λ is above <see cref="MaxLambda"/>: almost no non-match was left to learn from.</param>
/// <param name="NoFieldSeparates">No level's weight reaches one bit either way (m and u within a factor of two everywhere).</param>
public sealed record ModelDiagnosis(bool MostPairsJudgedMatches, bool NoFieldSeparates)
{
    /// <summary>The share of matches above which EM is suspect (FEBRL's tight blocking gives 0.64 and 0.84 with perfect results).</summary>
    public const double MaxLambda = 0.95;

    /// <summary>Diagnoses a fitted model; a model whose m came from labels or is fixed on every level is never suspect.</summary>
    /// <param name="configuration">The configuration the model was fitted for.</param>
    /// <param name="model">The model.</param>
    /// <param name="trainedOnLabels">Whether m was counted from labelled pairs instead of estimated by EM.</param>
    /// <returns>The diagnosis (both flags <see langword="false"/> when nothing is suspect).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ModelDiagnosis Of(MatchConfiguration configuration, MatchModel model, bool trainedOnLabels)
    {
        Guard.Against.Null(configuration);
        Guard.Against.Null(model);
        if (trainedOnLabels || (configuration.Fields ?? []).All(f => f.Levels.All(l => l.M is not null)))
        {
            return new ModelDiagnosis(false, false);
        }

        var separates = model.Fields.Any(f => f.Levels.Any(l => Math.Abs(l.Weight) >= 1));
        return new ModelDiagnosis(model.Lambda > MaxLambda, !separates);
    }
}
