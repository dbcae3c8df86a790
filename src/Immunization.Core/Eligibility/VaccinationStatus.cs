namespace Immunization.Core.Eligibility;

/// <summary>
/// A person's COVID-19 vaccination status as of a date, counting valid doses only (a dose the evaluation found not valid
/// never raises the status). The order of the values is the order of progress: a later value is never lower.
/// </summary>
public enum VaccinationStatus : byte
{
    /// <summary>No valid dose.</summary>
    NotVaccinated = 0,

    /// <summary>At least one valid dose, but the primary series is not complete (or not yet complete for long enough).</summary>
    PartiallyVaccinated = 1,

    /// <summary>The primary series is complete (under the configured "fully vaccinated" rule).</summary>
    PrimarySeriesComplete = 2,

    /// <summary>A valid first booster (dose 3) after a complete primary series.</summary>
    Boosted = 3,

    /// <summary>A valid second booster (dose 4).</summary>
    SecondBooster = 4,
}
