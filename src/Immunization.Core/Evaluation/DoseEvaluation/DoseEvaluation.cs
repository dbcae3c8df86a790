using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

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
