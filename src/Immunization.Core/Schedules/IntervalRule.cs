using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using NodaTime;
using Immunization.Core.Vaccines;

namespace Immunization.Core.Schedules;

/// <summary>
/// A preferable or allowable interval rule of a target dose (CDSi "interval" and "allowableInterval"): measured from the
/// previous dose, a target dose, the most recent dose of some vaccines, or an observation. Absent intervals are
/// <see langword="null"/>.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class IntervalRule
{
    /// <summary>Creates an interval rule.</summary>
    /// <param name="fromPrevious">Whether the interval is measured from the previous dose.</param>
    /// <param name="fromTargetDose">The target dose (1-based) the interval is measured from, or <see langword="null"/>.</param>
    /// <param name="fromMostRecent">CVX codes whose most recent dose the interval is measured from (normalised: no leading zeros).</param>
    /// <param name="fromObservation">The observation code the interval is measured from, or <see langword="null"/>.</param>
    /// <param name="absoluteMinimum">The absolute minimum interval.</param>
    /// <param name="minimum">The minimum interval.</param>
    /// <param name="earliestRecommended">The earliest recommended interval.</param>
    /// <param name="latestRecommended">The latest recommended interval.</param>
    /// <param name="priorityOverride">Whether the interval overrides an age rule in forecasts (CDSi "intervalPriority: override").</param>
    /// <param name="period">When the rule applies.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fromMostRecent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A code of <paramref name="fromMostRecent"/> is the empty code.</exception>
    public IntervalRule(
        bool fromPrevious,
        int? fromTargetDose,
        IEnumerable<VaccineCode> fromMostRecent,
        string? fromObservation,
        CdsiDuration? absoluteMinimum,
        CdsiDuration? minimum,
        CdsiDuration? earliestRecommended,
        CdsiDuration? latestRecommended,
        bool priorityOverride,
        EffectivePeriod period)
    {
        Guard.Against.Null(fromMostRecent);
        FromPrevious = fromPrevious;
        FromTargetDose = fromTargetDose;
        FromMostRecentArray = VaccineCodeGuard.CopyArray(fromMostRecent, nameof(fromMostRecent));
        FromMostRecent = ReadOnly.Wrap(FromMostRecentArray);
        FromObservation = fromObservation;
        AbsoluteMinimum = absoluteMinimum;
        Minimum = minimum;
        EarliestRecommended = earliestRecommended;
        LatestRecommended = latestRecommended;
        PriorityOverride = priorityOverride;
        Period = period;
    }

    /// <summary>Whether the interval is measured from the previous dose.</summary>
    public bool FromPrevious { get; }

    /// <summary>The target dose (1-based) the interval is measured from, or <see langword="null"/>.</summary>
    public int? FromTargetDose { get; }

    /// <summary>Vaccine codes whose most recent dose the interval is measured from; empty otherwise.</summary>
    public ReadOnlyCollection<VaccineCode> FromMostRecent { get; }

    /// <summary>The same items as <see cref="FromMostRecent"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal VaccineCode[] FromMostRecentArray { get; }

    /// <summary>The observation code the interval is measured from, or <see langword="null"/>.</summary>
    public string? FromObservation { get; }

    /// <summary>The absolute minimum interval (the minimum less the 4-day grace period).</summary>
    public CdsiDuration? AbsoluteMinimum { get; }

    /// <summary>The minimum interval.</summary>
    public CdsiDuration? Minimum { get; }

    /// <summary>The earliest recommended interval.</summary>
    public CdsiDuration? EarliestRecommended { get; }

    /// <summary>The latest recommended interval.</summary>
    public CdsiDuration? LatestRecommended { get; }

    /// <summary>Whether the interval takes priority over the age rule when forecasting (CDSi "intervalPriority: override").</summary>
    public bool PriorityOverride { get; }

    /// <summary>When the rule applies (effective and cessation dates).</summary>
    public EffectivePeriod Period { get; }

    /// <summary>Whether the rule applies to a dose given on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> if within the effective and cessation dates.</returns>
    public bool IsInEffectOn(LocalDate date) => Period.Contains(date);
}
