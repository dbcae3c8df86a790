using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using NodaTime;
using Immunization.Core.Vaccines;

namespace Immunization.Core.Schedules;

/// <summary>A target dose of a series (CDSi "seriesDose"): its age and interval rules, its vaccines and its conditional skips.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class SeriesDose
{
    /// <summary>Creates a series dose.</summary>
    /// <param name="number">The target dose number, 1-based.</param>
    /// <param name="ages">The age rules.</param>
    /// <param name="preferableIntervals">The preferable interval rules.</param>
    /// <param name="allowableIntervals">The allowable interval rules.</param>
    /// <param name="preferableVaccines">The preferable vaccines.</param>
    /// <param name="allowableVaccines">The allowable vaccines.</param>
    /// <param name="inadvertentCvx">Vaccine codes that are an inadvertent administration for this dose.</param>
    /// <param name="conditionalSkips">The conditional skips.</param>
    /// <param name="isRecurring">Whether the dose recurs (e.g. a yearly influenza dose).</param>
    /// <param name="seasonStart">The start of the season of a seasonal recommendation, or <see langword="null"/>.</param>
    /// <param name="seasonEnd">The end of the season of a seasonal recommendation, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A code of <paramref name="inadvertentCvx"/> is the empty code.</exception>
    public SeriesDose(
        int number,
        IEnumerable<AgeRule> ages,
        IEnumerable<IntervalRule> preferableIntervals,
        IEnumerable<IntervalRule> allowableIntervals,
        IEnumerable<SeriesVaccine> preferableVaccines,
        IEnumerable<SeriesVaccine> allowableVaccines,
        IEnumerable<VaccineCode> inadvertentCvx,
        IEnumerable<ConditionalSkip> conditionalSkips,
        bool isRecurring,
        LocalDate? seasonStart,
        LocalDate? seasonEnd)
    {
        Guard.Against.Null(ages);
        Guard.Against.Null(preferableIntervals);
        Guard.Against.Null(allowableIntervals);
        Guard.Against.Null(preferableVaccines);
        Guard.Against.Null(allowableVaccines);
        Guard.Against.Null(inadvertentCvx);
        Guard.Against.Null(conditionalSkips);
        Number = number;
        AgesArray = ReadOnly.ToArray(ages);
        Ages = ReadOnly.Wrap(AgesArray);
        PreferableIntervalsArray = ReadOnly.ToArray(preferableIntervals);
        PreferableIntervals = ReadOnly.Wrap(PreferableIntervalsArray);
        AllowableIntervalsArray = ReadOnly.ToArray(allowableIntervals);
        AllowableIntervals = ReadOnly.Wrap(AllowableIntervalsArray);
        PreferableVaccinesArray = ReadOnly.ToArray(preferableVaccines);
        PreferableVaccines = ReadOnly.Wrap(PreferableVaccinesArray);
        AllowableVaccinesArray = ReadOnly.ToArray(allowableVaccines);
        AllowableVaccines = ReadOnly.Wrap(AllowableVaccinesArray);
        InadvertentCvxArray = VaccineCodeGuard.CopyArray(inadvertentCvx, nameof(inadvertentCvx));
        InadvertentCvx = ReadOnly.Wrap(InadvertentCvxArray);
        ConditionalSkipsArray = ReadOnly.ToArray(conditionalSkips);
        ConditionalSkips = ReadOnly.Wrap(ConditionalSkipsArray);
        IsRecurring = isRecurring;
        SeasonStart = seasonStart;
        SeasonEnd = seasonEnd;
    }

    /// <summary>The target dose number, 1-based.</summary>
    public int Number { get; }

    /// <summary>The age rules, each with its effective and cessation dates.</summary>
    public ReadOnlyCollection<AgeRule> Ages { get; }

    /// <summary>The same items as <see cref="Ages"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal AgeRule[] AgesArray { get; }

    /// <summary>The preferable interval rules (from the previous dose, a target dose, a vaccine or an observation).</summary>
    public ReadOnlyCollection<IntervalRule> PreferableIntervals { get; }

    /// <summary>The same items as <see cref="PreferableIntervals"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal IntervalRule[] PreferableIntervalsArray { get; }

    /// <summary>The allowable interval rules, checked when a preferable interval is not met.</summary>
    public ReadOnlyCollection<IntervalRule> AllowableIntervals { get; }

    /// <summary>The same items as <see cref="AllowableIntervals"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal IntervalRule[] AllowableIntervalsArray { get; }

    /// <summary>The preferable vaccines.</summary>
    public ReadOnlyCollection<SeriesVaccine> PreferableVaccines { get; }

    /// <summary>The same items as <see cref="PreferableVaccines"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal SeriesVaccine[] PreferableVaccinesArray { get; }

    /// <summary>The allowable vaccines (valid, but not preferred).</summary>
    public ReadOnlyCollection<SeriesVaccine> AllowableVaccines { get; }

    /// <summary>The same items as <see cref="AllowableVaccines"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal SeriesVaccine[] AllowableVaccinesArray { get; }

    /// <summary>Vaccine codes that are an inadvertent administration for this dose.</summary>
    public ReadOnlyCollection<VaccineCode> InadvertentCvx { get; }

    /// <summary>The same items as <see cref="InadvertentCvx"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal VaccineCode[] InadvertentCvxArray { get; }

    /// <summary>The conditional skips.</summary>
    public ReadOnlyCollection<ConditionalSkip> ConditionalSkips { get; }

    /// <summary>The same items as <see cref="ConditionalSkips"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal ConditionalSkip[] ConditionalSkipsArray { get; }

    /// <summary>Whether the dose recurs (e.g. a yearly influenza dose).</summary>
    public bool IsRecurring { get; }

    /// <summary>The start of the season of a seasonal recommendation, or <see langword="null"/>.</summary>
    public LocalDate? SeasonStart { get; }

    /// <summary>The end of the season of a seasonal recommendation, or <see langword="null"/>.</summary>
    public LocalDate? SeasonEnd { get; }
}
