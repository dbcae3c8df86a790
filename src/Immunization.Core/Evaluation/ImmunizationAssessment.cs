using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>The result of evaluating a patient's doses and forecasting the next ones at an assessment date.</summary>
/// <remarks>
/// Immutable: every list is a read-only copy. Equality is by reference; two assessments of the same history are
/// different objects with the same contents.
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class ImmunizationAssessment
{
    /// <summary>Creates an assessment (the engine creates them; public for tests and adapters).</summary>
    /// <param name="assessmentDate">The date the assessment was made for.</param>
    /// <param name="evaluations">The dose evaluations; copied.</param>
    /// <param name="forecasts">The vaccine group forecasts; copied.</param>
    /// <param name="unrecognizedDoses">Doses whose CVX code the supporting data does not know; copied.</param>
    /// <exception cref="ArgumentNullException">A collection is <see langword="null"/>.</exception>
    public ImmunizationAssessment(LocalDate assessmentDate, IEnumerable<DoseEvaluation> evaluations, IEnumerable<VaccineGroupForecast> forecasts, IEnumerable<AdministeredDose> unrecognizedDoses)
    {
        AssessmentDate = assessmentDate;
        Evaluations = ReadOnly.Copy(Guard.Against.Null(evaluations));
        Forecasts = ReadOnly.Copy(Guard.Against.Null(forecasts));
        UnrecognizedDoses = ReadOnly.Copy(Guard.Against.Null(unrecognizedDoses));
    }

    private ImmunizationAssessment(LocalDate assessmentDate, ReadOnlyCollection<DoseEvaluation> evaluations, ReadOnlyCollection<VaccineGroupForecast> forecasts, ReadOnlyCollection<AdministeredDose> unrecognizedDoses)
    {
        AssessmentDate = assessmentDate;
        Evaluations = evaluations;
        Forecasts = forecasts;
        UnrecognizedDoses = unrecognizedDoses;
    }

    // The engine passes lists it has just built and never touches again: wrapped, not copied.
    internal static ImmunizationAssessment FromEngine(LocalDate assessmentDate, List<DoseEvaluation> evaluations, List<VaccineGroupForecast> forecasts, List<AdministeredDose>? unrecognizedDoses) =>
        new(assessmentDate, evaluations.AsReadOnly(), forecasts.AsReadOnly(), unrecognizedDoses is null ? ReadOnlyCollection<AdministeredDose>.Empty : unrecognizedDoses.AsReadOnly());

    /// <summary>The date the assessment was made for.</summary>
    public LocalDate AssessmentDate { get; }

    /// <summary>One evaluation per administered dose and antigen, ordered by date, CVX and antigen. A dose given after
    /// <see cref="AssessmentDate"/> is not considered (CDSi) and has none; a dose given before the date of birth is
    /// evaluated like any other and is not valid (too young).</summary>
    public IReadOnlyList<DoseEvaluation> Evaluations { get; }

    /// <summary>One forecast per vaccine group that has supporting data for the patient, in the supporting data's order.</summary>
    public IReadOnlyList<VaccineGroupForecast> Forecasts { get; }

    /// <summary>
    /// The doses (on or before <see cref="AssessmentDate"/>) whose CVX code is not in the supporting data's CVX map (a
    /// typing error such as <c>999</c> or <c>abc</c>, or a vaccine newer than the data), ordered by date. They count for
    /// no antigen and have no evaluation: a register should review them. Empty when every CVX is known.
    /// </summary>
    public IReadOnlyList<AdministeredDose> UnrecognizedDoses { get; }

    /// <summary>The forecast of one vaccine group, or <see langword="null"/> if it has none.</summary>
    /// <param name="vaccineGroup">The vaccine group name, e.g. <c>MMR</c> (case-insensitive).</param>
    /// <returns>The forecast, or <see langword="null"/>.</returns>
    public VaccineGroupForecast? ForecastFor(string vaccineGroup)
    {
        foreach (var forecast in Forecasts)
        {
            if (string.Equals(forecast.VaccineGroup, vaccineGroup, StringComparison.OrdinalIgnoreCase))
            {
                return forecast;
            }
        }

        return null;
    }
}
