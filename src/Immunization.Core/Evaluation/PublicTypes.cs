using Immunization.Core.Identity;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>An observation about a patient, coded as in CDSi's observation list (e.g. <c>007</c> pregnant, <c>048</c> travelling internationally).</summary>
/// <param name="Code">The CDSi observation code, three digits.</param>
/// <param name="Date">When it was observed, if known (used by intervals measured from an observation).</param>
public readonly record struct PatientObservation(string Code, LocalDate? Date = null);

/// <summary>The facts about a patient that CDSi uses: date of birth, sex and observations.</summary>
/// <param name="DateOfBirth">The date of birth.</param>
/// <param name="Sex">The sex; <see cref="Sex.Unknown"/> matches only series without a required gender.</param>
/// <param name="Observations">Coded observations (indications and contraindications); empty for a healthy patient.</param>
public sealed record CdsiPatient(LocalDate DateOfBirth, Sex Sex, IReadOnlyList<PatientObservation> Observations)
{
    /// <summary>The observations, copied when the patient is created so later changes to the caller's list do not leak in.</summary>
    public IReadOnlyList<PatientObservation> Observations { get; } = Array.AsReadOnly(Observations?.ToArray() ?? []);

    /// <summary>A patient without observations.</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="sex">The sex.</param>
    public CdsiPatient(LocalDate dateOfBirth, Sex sex)
        : this(dateOfBirth, sex, [])
    {
    }
}

/// <summary>A vaccine dose given to the patient.</summary>
/// <param name="DateAdministered">The date it was given.</param>
/// <param name="Cvx">The CDC CVX code of the vaccine, e.g. <c>03</c> for MMR (leading zeros do not matter).</param>
/// <param name="Mvx">The CDC MVX code of the manufacturer, if known, e.g. <c>MSD</c>.</param>
/// <param name="Condition">A reason the dose cannot count (expired, recalled, cold-chain break...), or <see langword="null"/>.
/// A dose with a condition is evaluated as <see cref="DoseStatus.SubStandard"/>.</param>
public readonly record struct AdministeredDose(LocalDate DateAdministered, string Cvx, string? Mvx = null, string? Condition = null);

/// <summary>The evaluation status of a dose for one antigen (CDSi "evaluation status").</summary>
public enum DoseStatus : byte
{
    /// <summary>The dose counts towards the series.</summary>
    Valid = 0,

    /// <summary>The dose does not count (too young, too soon, wrong vaccine...); see <see cref="DoseEvaluation.Reason"/>.</summary>
    NotValid = 1,

    /// <summary>The dose was not needed (series already complete, or given after the maximum age).</summary>
    Extraneous = 2,

    /// <summary>The dose has a condition (expired, recalled, mishandled) and was not evaluated.</summary>
    SubStandard = 3,
}

/// <summary>Why a dose has its status.</summary>
public enum DoseStatusReason : byte
{
    /// <summary>No particular reason: the dose is valid.</summary>
    None = 0,

    /// <summary>Valid, but given within the 4-day grace period before the minimum age or interval.</summary>
    GracePeriod,

    /// <summary>Given before the absolute minimum age.</summary>
    TooYoung,

    /// <summary>Given on or after the maximum age (extraneous).</summary>
    TooOld,

    /// <summary>Given before the absolute minimum interval after an earlier dose.</summary>
    TooSoon,

    /// <summary>Given too soon after a live virus vaccine.</summary>
    LiveVirusConflict,

    /// <summary>The vaccine is an inadvertent administration for this dose (e.g. an adult formulation given to an infant).</summary>
    InadvertentVaccine,

    /// <summary>The vaccine is neither a preferable nor an allowable vaccine for the dose at that age.</summary>
    NotPreferableOrAllowable,

    /// <summary>The series was already complete (extraneous).</summary>
    SeriesAlreadyComplete,

    /// <summary>The dose has a condition (expired, recalled...).</summary>
    DoseCondition,
}

/// <summary>The status of a patient series or of a vaccine group forecast.</summary>
public enum SeriesStatus : byte
{
    /// <summary>More doses are needed; see the forecast dates.</summary>
    NotComplete = 0,

    /// <summary>Every dose of the series is satisfied.</summary>
    Complete,

    /// <summary>The patient has evidence of immunity (e.g. born before 1957 for measles).</summary>
    Immune,

    /// <summary>An observation contraindicates the vaccine.</summary>
    Contraindicated,

    /// <summary>The patient is past the maximum age and cannot finish the series.</summary>
    AgedOut,

    /// <summary>No dose is recommended at this time (past the season, or all remaining doses skipped).</summary>
    NotRecommended,
}

/// <summary>How one administered dose was evaluated for one antigen.</summary>
/// <param name="Dose">The dose, as given to the engine.</param>
/// <param name="Antigen">The antigen (target disease), e.g. <c>Measles</c>.</param>
/// <param name="VaccineGroup">The vaccine group of the antigen's series, e.g. <c>MMR</c>.</param>
/// <param name="Status">Valid, not valid, extraneous or sub-standard.</param>
/// <param name="Reason">Why; <see cref="DoseStatusReason.None"/> for a valid dose. When several checks fail, the first in
/// the specification's order (age, interval, live-virus conflict, vaccine).</param>
/// <param name="Reasons">Every reason that applies (e.g. both too young and too soon), in the same order; empty for a valid dose.</param>
/// <param name="TargetDoseNumber">The target dose (1-based) it was evaluated against in the selected series, or <see langword="null"/> for an extraneous dose.</param>
/// <param name="SeriesName">The name of the antigen series the evaluation comes from (the best series).</param>
public sealed record DoseEvaluation(
    AdministeredDose Dose,
    string Antigen,
    string VaccineGroup,
    DoseStatus Status,
    DoseStatusReason Reason,
    IReadOnlyList<DoseStatusReason> Reasons,
    int? TargetDoseNumber,
    string SeriesName);

/// <summary>The forecast for one antigen from its best series.</summary>
/// <param name="Antigen">The antigen.</param>
/// <param name="SeriesName">The best series.</param>
/// <param name="Status">The series status.</param>
/// <param name="ForecastDoseNumber">The next target dose number, when a dose is due.</param>
/// <param name="Earliest">The earliest date the next dose would be valid (without the grace period).</param>
/// <param name="Recommended">The recommended date.</param>
/// <param name="PastDue">The date from which the dose is overdue.</param>
/// <param name="Latest">The last date the dose can be given.</param>
/// <param name="RecommendedCvx">CVX codes of the vaccines the schedule recommends for the next dose (empty when it names none).</param>
public sealed record AntigenForecast(
    string Antigen,
    string SeriesName,
    SeriesStatus Status,
    int? ForecastDoseNumber,
    LocalDate? Earliest,
    LocalDate? Recommended,
    LocalDate? PastDue,
    LocalDate? Latest,
    IReadOnlyList<string> RecommendedCvx);

/// <summary>The forecast for a vaccine group (e.g. <c>MMR</c>), merged from its antigens' best series.</summary>
/// <param name="VaccineGroup">The vaccine group name as in the supporting data.</param>
/// <param name="Status">The vaccine group status.</param>
/// <param name="ForecastDoseNumber">The next dose number, when a dose is due.</param>
/// <param name="Earliest">The earliest date (without the 4-day grace period).</param>
/// <param name="Recommended">The recommended date.</param>
/// <param name="PastDue">The past-due date.</param>
/// <param name="Latest">The latest date.</param>
/// <param name="Antigens">The antigen forecasts merged into this one.</param>
/// <param name="RecommendedCvx">CVX codes of the recommended vaccines, from every antigen still needing a dose.</param>
public sealed record VaccineGroupForecast(
    string VaccineGroup,
    SeriesStatus Status,
    int? ForecastDoseNumber,
    LocalDate? Earliest,
    LocalDate? Recommended,
    LocalDate? PastDue,
    LocalDate? Latest,
    IReadOnlyList<AntigenForecast> Antigens,
    IReadOnlyList<string> RecommendedCvx);

/// <summary>The result of evaluating a patient's doses and forecasting the next ones at an assessment date.</summary>
/// <param name="AssessmentDate">The date the assessment was made for.</param>
/// <param name="Evaluations">One evaluation per administered dose and antigen, ordered by date, CVX and antigen.</param>
/// <param name="Forecasts">One forecast per vaccine group that has supporting data for the patient, in the supporting data's order.</param>
public sealed record ImmunizationAssessment(
    LocalDate AssessmentDate,
    IReadOnlyList<DoseEvaluation> Evaluations,
    IReadOnlyList<VaccineGroupForecast> Forecasts)
{
    /// <summary>The forecast of one vaccine group, or <see langword="null"/> if it has none.</summary>
    /// <param name="vaccineGroup">The vaccine group name, e.g. <c>MMR</c> (case-insensitive).</param>
    /// <returns>The forecast, or <see langword="null"/>.</returns>
    public VaccineGroupForecast? ForecastFor(string vaccineGroup) =>
        Forecasts.FirstOrDefault(f => string.Equals(f.VaccineGroup, vaccineGroup, StringComparison.OrdinalIgnoreCase));
}
