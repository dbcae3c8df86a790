using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>An observation about a patient, coded as in CDSi's observation list (e.g. <c>007</c> pregnant, <c>048</c> travelling internationally).</summary>
/// <param name="Code">The CDSi observation code, three digits.</param>
/// <param name="Date">When it was observed, if known (used by intervals measured from an observation).</param>
public readonly record struct PatientObservation(string Code, LocalDate? Date = null);

/// <summary>The facts about a patient that CDSi uses: date of birth, sex and observations.</summary>
/// <remarks>
/// Immutable: the observations are copied when the patient is created. Equality is by reference (a patient is not a
/// value: two patients born the same day are not the same patient).
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiPatient
{
    /// <summary>Creates a patient.</summary>
    /// <param name="dateOfBirth">The date of birth; <c>default(LocalDate)</c> (0001-01-01, an unset date) is refused.</param>
    /// <param name="sex">The sex; <see cref="Sex.Unknown"/> matches only series without a required gender.</param>
    /// <param name="observations">Coded observations (indications and contraindications); empty for a healthy patient. Copied.</param>
    /// <exception cref="ArgumentException"><paramref name="dateOfBirth"/> is <c>default(LocalDate)</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> is <see langword="null"/>.</exception>
    public CdsiPatient(LocalDate dateOfBirth, Sex sex, IEnumerable<PatientObservation> observations)
    {
        Guard.Against.Null(observations);
        if (dateOfBirth == default)
        {
            throw new ArgumentException("The date of birth is not set (default(LocalDate), 0001-01-01).", nameof(dateOfBirth));
        }

        DateOfBirth = dateOfBirth;
        Sex = sex;
        Observations = ReadOnly.Copy(observations);
    }

    /// <summary>A patient without observations.</summary>
    /// <param name="dateOfBirth">The date of birth; <c>default(LocalDate)</c> is refused.</param>
    /// <param name="sex">The sex.</param>
    /// <exception cref="ArgumentException"><paramref name="dateOfBirth"/> is <c>default(LocalDate)</c>.</exception>
    public CdsiPatient(LocalDate dateOfBirth, Sex sex)
        : this(dateOfBirth, sex, [])
    {
    }

    /// <summary>The date of birth.</summary>
    public LocalDate DateOfBirth { get; }

    /// <summary>The sex; <see cref="Sex.Unknown"/> matches only series without a required gender.</summary>
    public Sex Sex { get; }

    /// <summary>The coded observations, a read-only copy of those given.</summary>
    public IReadOnlyList<PatientObservation> Observations { get; }
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
/// <remarks>Immutable. Equality is by reference: compare the properties you care about.</remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class DoseEvaluation
{
    /// <summary>Creates an evaluation (the engine creates them; public for tests and adapters).</summary>
    /// <param name="dose">The dose, as given to the engine.</param>
    /// <param name="antigen">The antigen (target disease), e.g. <c>Measles</c>.</param>
    /// <param name="vaccineGroup">The vaccine group of the antigen's series, e.g. <c>MMR</c>.</param>
    /// <param name="status">Valid, not valid, extraneous or sub-standard.</param>
    /// <param name="reason">The primary reason.</param>
    /// <param name="reasons">Every reason that applies; copied.</param>
    /// <param name="targetDoseNumber">The target dose (1-based), or <see langword="null"/>.</param>
    /// <param name="seriesName">The antigen series the evaluation comes from.</param>
    /// <exception cref="ArgumentNullException">A string or <paramref name="reasons"/> is <see langword="null"/>.</exception>
    public DoseEvaluation(AdministeredDose dose, string antigen, string vaccineGroup, DoseStatus status, DoseStatusReason reason, IEnumerable<DoseStatusReason> reasons, int? targetDoseNumber, string seriesName)
        : this(dose, Guard.Against.Null(antigen), Guard.Against.Null(vaccineGroup), status, reason, ReadOnly.Copy(Guard.Against.Null(reasons)), targetDoseNumber, Guard.Against.Null(seriesName))
    {
    }

    private DoseEvaluation(AdministeredDose dose, string antigen, string vaccineGroup, DoseStatus status, DoseStatusReason reason, ReadOnlyCollection<DoseStatusReason> reasons, int? targetDoseNumber, string seriesName)
    {
        Dose = dose;
        Antigen = antigen;
        VaccineGroup = vaccineGroup;
        Status = status;
        Reason = reason;
        Reasons = reasons;
        TargetDoseNumber = targetDoseNumber;
        SeriesName = seriesName;
    }

    /// <summary>The dose, as given to the engine.</summary>
    public AdministeredDose Dose { get; }

    /// <summary>The antigen (target disease), e.g. <c>Measles</c>.</summary>
    public string Antigen { get; }

    // The engine passes a read-only list it has just built and never touches again: no second copy.
    internal static DoseEvaluation FromEngine(AdministeredDose dose, string antigen, string vaccineGroup, DoseStatus status, DoseStatusReason reason, ReadOnlyCollection<DoseStatusReason> reasons, int? targetDoseNumber, string seriesName) =>
        new(dose, antigen, vaccineGroup, status, reason, reasons, targetDoseNumber, seriesName);

    /// <summary>The vaccine group of the antigen's series, e.g. <c>MMR</c>.</summary>
    public string VaccineGroup { get; }

    /// <summary>Valid, not valid, extraneous or sub-standard.</summary>
    public DoseStatus Status { get; }

    /// <summary>Why; <see cref="DoseStatusReason.None"/> for a valid dose. When several checks fail, the first in the
    /// specification's order (age, interval, live-virus conflict, vaccine).</summary>
    public DoseStatusReason Reason { get; }

    /// <summary>Every reason that applies (e.g. both too young and too soon), in the same order; empty for a valid dose.</summary>
    public IReadOnlyList<DoseStatusReason> Reasons { get; }

    /// <summary>The target dose (1-based) it was evaluated against in the selected series, or <see langword="null"/> for an extraneous dose.</summary>
    public int? TargetDoseNumber { get; }

    /// <summary>The name of the antigen series the evaluation comes from (the best series).</summary>
    public string SeriesName { get; }
}

/// <summary>The forecast for one antigen from its best series.</summary>
/// <remarks>Immutable. Equality is by reference: compare the properties you care about.</remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class AntigenForecast
{
    /// <summary>Creates an antigen forecast (the engine creates them; public for tests and adapters).</summary>
    /// <param name="antigen">The antigen.</param>
    /// <param name="seriesName">The best series.</param>
    /// <param name="status">The series status.</param>
    /// <param name="forecastDoseNumber">The next target dose number, when a dose is due.</param>
    /// <param name="earliest">The earliest date.</param>
    /// <param name="recommended">The recommended date.</param>
    /// <param name="pastDue">The past-due date.</param>
    /// <param name="latest">The latest date.</param>
    /// <param name="recommendedCvx">CVX codes of the recommended vaccines; copied.</param>
    /// <exception cref="ArgumentNullException">A string or <paramref name="recommendedCvx"/> is <see langword="null"/>.</exception>
    public AntigenForecast(string antigen, string seriesName, SeriesStatus status, int? forecastDoseNumber, LocalDate? earliest, LocalDate? recommended, LocalDate? pastDue, LocalDate? latest, IEnumerable<string> recommendedCvx)
    {
        Antigen = Guard.Against.Null(antigen);
        SeriesName = Guard.Against.Null(seriesName);
        Status = status;
        ForecastDoseNumber = forecastDoseNumber;
        Earliest = earliest;
        Recommended = recommended;
        PastDue = pastDue;
        Latest = latest;
        RecommendedCvx = ReadOnly.Copy(Guard.Against.Null(recommendedCvx));
    }

    /// <summary>The antigen, e.g. <c>Measles</c>.</summary>
    public string Antigen { get; }

    /// <summary>The name of the best series.</summary>
    public string SeriesName { get; }

    /// <summary>The series status.</summary>
    public SeriesStatus Status { get; }

    /// <summary>The next target dose number, when a dose is due.</summary>
    public int? ForecastDoseNumber { get; }

    /// <summary>The earliest date the next dose would be valid (without the grace period).</summary>
    public LocalDate? Earliest { get; }

    /// <summary>The recommended date.</summary>
    public LocalDate? Recommended { get; }

    /// <summary>The date from which the dose is overdue.</summary>
    public LocalDate? PastDue { get; }

    /// <summary>The last date the dose can be given.</summary>
    public LocalDate? Latest { get; }

    /// <summary>CVX codes of the vaccines the schedule recommends for the next dose (empty when it names none).</summary>
    public IReadOnlyList<string> RecommendedCvx { get; }
}

/// <summary>The forecast for a vaccine group (e.g. <c>MMR</c>), merged from its antigens' best series.</summary>
/// <remarks>Immutable. Equality is by reference: compare the properties you care about.</remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class VaccineGroupForecast
{
    /// <summary>Creates a vaccine group forecast (the engine creates them; public for tests and adapters).</summary>
    /// <param name="vaccineGroup">The vaccine group name as in the supporting data.</param>
    /// <param name="status">The vaccine group status.</param>
    /// <param name="forecastDoseNumber">The next dose number, when a dose is due.</param>
    /// <param name="earliest">The earliest date.</param>
    /// <param name="recommended">The recommended date.</param>
    /// <param name="pastDue">The past-due date.</param>
    /// <param name="latest">The latest date.</param>
    /// <param name="antigens">The antigen forecasts merged into this one; copied.</param>
    /// <param name="recommendedCvx">CVX codes of the recommended vaccines; copied.</param>
    /// <exception cref="ArgumentNullException">An argument of reference type is <see langword="null"/>.</exception>
    public VaccineGroupForecast(string vaccineGroup, SeriesStatus status, int? forecastDoseNumber, LocalDate? earliest, LocalDate? recommended, LocalDate? pastDue, LocalDate? latest, IEnumerable<AntigenForecast> antigens, IEnumerable<string> recommendedCvx)
    {
        VaccineGroup = Guard.Against.Null(vaccineGroup);
        Status = status;
        ForecastDoseNumber = forecastDoseNumber;
        Earliest = earliest;
        Recommended = recommended;
        PastDue = pastDue;
        Latest = latest;
        Antigens = ReadOnly.Copy(Guard.Against.Null(antigens));
        RecommendedCvx = ReadOnly.Copy(Guard.Against.Null(recommendedCvx));
    }

    /// <summary>The vaccine group name as in the supporting data, e.g. <c>MMR</c>.</summary>
    public string VaccineGroup { get; }

    /// <summary>The vaccine group status.</summary>
    public SeriesStatus Status { get; }

    /// <summary>The next dose number, when a dose is due.</summary>
    public int? ForecastDoseNumber { get; }

    /// <summary>The earliest date (without the 4-day grace period).</summary>
    public LocalDate? Earliest { get; }

    /// <summary>The recommended date.</summary>
    public LocalDate? Recommended { get; }

    /// <summary>The past-due date.</summary>
    public LocalDate? PastDue { get; }

    /// <summary>The latest date.</summary>
    public LocalDate? Latest { get; }

    /// <summary>The antigen forecasts merged into this one.</summary>
    public IReadOnlyList<AntigenForecast> Antigens { get; }

    /// <summary>CVX codes of the recommended vaccines, from every antigen still needing a dose.</summary>
    public IReadOnlyList<string> RecommendedCvx { get; }
}

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
