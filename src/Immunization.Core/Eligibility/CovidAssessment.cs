using NodaTime;

namespace Immunization.Core.Eligibility;

/// <summary>A person's COVID-19 status, dose evaluations and next dose as of a date.</summary>
/// <param name="AsOf">The date asked about.</param>
/// <param name="AgeInYears">The age in whole years on <paramref name="AsOf"/>.</param>
/// <param name="AgeGroup">The one configured age group of that age.</param>
/// <param name="Status">The status (valid doses only).</param>
/// <param name="SeriesName">The schedule's series the person's doses were evaluated against.</param>
/// <param name="PrimaryDoses">How many doses make that series' primary series.</param>
/// <param name="Doses">Every dose given, in date order, with its evaluation.</param>
/// <param name="NextDose">The next dose, or <see langword="null"/> when the series is complete.</param>
public sealed record CovidAssessment(
    LocalDate AsOf,
    int AgeInYears,
    AgeGroup AgeGroup,
    VaccinationStatus Status,
    string SeriesName,
    int PrimaryDoses,
    IReadOnlyList<CovidDoseResult> Doses,
    CovidNextDose? NextDose)
{
    /// <summary>The priority groups the person is in on <see cref="AsOf"/> (facts in effect then).</summary>
    public IReadOnlyList<PriorityGroup> PriorityGroups { get; init; } = [];

    /// <summary>The risk conditions the person has on <see cref="AsOf"/> (facts in effect then).</summary>
    public RiskConditions RiskConditions { get; init; }
}
