using NodaTime;

namespace Immunization.Core.Schedules;

/// <summary>An age rule of a target dose (CDSi "age"). Absent ages are <see langword="null"/>.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class AgeRule
{
    /// <summary>Creates an age rule.</summary>
    /// <param name="absoluteMinimum">The absolute minimum age (the minimum less the 4-day grace period).</param>
    /// <param name="minimum">The minimum age.</param>
    /// <param name="earliestRecommended">The earliest recommended age.</param>
    /// <param name="latestRecommended">The latest recommended age (past due after it).</param>
    /// <param name="maximum">The maximum age (a dose on or after it is extraneous).</param>
    /// <param name="period">When the rule applies.</param>
    public AgeRule(CdsiDuration? absoluteMinimum, CdsiDuration? minimum, CdsiDuration? earliestRecommended, CdsiDuration? latestRecommended, CdsiDuration? maximum, EffectivePeriod period)
    {
        AbsoluteMinimum = absoluteMinimum;
        Minimum = minimum;
        EarliestRecommended = earliestRecommended;
        LatestRecommended = latestRecommended;
        Maximum = maximum;
        Period = period;
    }

    /// <summary>The absolute minimum age (the minimum age less the 4-day grace period).</summary>
    public CdsiDuration? AbsoluteMinimum { get; }

    /// <summary>The minimum age.</summary>
    public CdsiDuration? Minimum { get; }

    /// <summary>The earliest recommended age.</summary>
    public CdsiDuration? EarliestRecommended { get; }

    /// <summary>The latest recommended age (past due after it).</summary>
    public CdsiDuration? LatestRecommended { get; }

    /// <summary>The maximum age (a dose on or after it is extraneous).</summary>
    public CdsiDuration? Maximum { get; }

    /// <summary>When the rule applies (effective and cessation dates).</summary>
    public EffectivePeriod Period { get; }

    /// <summary>Whether the rule applies to a dose given on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> if within the effective and cessation dates.</returns>
    public bool IsInEffectOn(LocalDate date) => Period.Contains(date);
}
