using System.Collections.ObjectModel;
using Ardalis.GuardClauses;

namespace Immunization.Core.Schedules;

/// <summary>A conditional skip of a target dose (CDSi "conditionalSkip"): the dose is skipped when its sets are met.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class ConditionalSkip
{
    /// <summary>Creates a conditional skip.</summary>
    /// <param name="context">When the skip is checked.</param>
    /// <param name="setsOr">Whether one set suffices (set logic OR) rather than all (AND).</param>
    /// <param name="sets">The sets.</param>
    /// <exception cref="ArgumentNullException"><paramref name="sets"/> is <see langword="null"/>.</exception>
    public ConditionalSkip(SkipContext context, bool setsOr, IEnumerable<SkipSet> sets)
    {
        Guard.Against.Null(sets);
        Context = context;
        SetsOr = setsOr;
        SetsArray = ReadOnly.ToArray(sets);
        Sets = ReadOnly.Wrap(SetsArray);
    }

    /// <summary>When the skip is checked: evaluation, forecast or both.</summary>
    public SkipContext Context { get; }

    /// <summary>Whether one set suffices (OR) rather than all (AND).</summary>
    public bool SetsOr { get; }

    /// <summary>The sets.</summary>
    public ReadOnlyCollection<SkipSet> Sets { get; }

    /// <summary>The same items as <see cref="Sets"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal SkipSet[] SetsArray { get; }

    /// <summary>Whether the skip is checked in a context.</summary>
    /// <param name="forecast"><see langword="true"/> when forecasting, <see langword="false"/> when evaluating a dose.</param>
    /// <returns><see langword="true"/> if the skip applies in that context.</returns>
    public bool AppliesTo(bool forecast) =>
        Context == SkipContext.Both || (forecast ? Context == SkipContext.Forecast : Context == SkipContext.Evaluation);
}
