using System.Collections.ObjectModel;
using Ardalis.GuardClauses;

namespace Immunization.Core.Schedules;

/// <summary>A set of conditions of a conditional skip (CDSi "set"), met when all (or, with <see cref="ConditionsOr"/>, any) of them are.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class SkipSet
{
    /// <summary>Creates a set.</summary>
    /// <param name="id">The set's identifier in the data.</param>
    /// <param name="description">CDC's description of the set.</param>
    /// <param name="conditionsOr">Whether one condition suffices (condition logic OR) rather than all (AND).</param>
    /// <param name="period">When the set applies.</param>
    /// <param name="conditions">The conditions.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SkipSet(string id, string description, bool conditionsOr, EffectivePeriod period, IEnumerable<SkipCondition> conditions)
    {
        Id = Guard.Against.Null(id);
        Description = Guard.Against.Null(description);
        Guard.Against.Null(conditions);
        ConditionsOr = conditionsOr;
        Period = period;
        ConditionsArray = ReadOnly.ToArray(conditions);
        Conditions = ReadOnly.Wrap(ConditionsArray);
    }

    /// <summary>The set's identifier in the data.</summary>
    public string Id { get; }

    /// <summary>CDC's description of the set.</summary>
    public string Description { get; }

    /// <summary>Whether one condition suffices (OR) rather than all (AND).</summary>
    public bool ConditionsOr { get; }

    /// <summary>When the set applies (effective and cessation dates).</summary>
    public EffectivePeriod Period { get; }

    /// <summary>The conditions.</summary>
    public ReadOnlyCollection<SkipCondition> Conditions { get; }

    /// <summary>The same items as <see cref="Conditions"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal SkipCondition[] ConditionsArray { get; }
}
