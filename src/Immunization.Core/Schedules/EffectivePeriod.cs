using NodaTime;

namespace Immunization.Core.Schedules;

/// <summary>When a rule applies: from <see cref="Effective"/> through <see cref="Cessation"/>, both inclusive (CDC's data
/// ends one rule on the day before the next one starts, e.g. 2016-12-15 and 2016-12-16).</summary>
/// <param name="Effective">The first day the rule applies, or <see langword="null"/> for always.</param>
/// <param name="Cessation">The last day the rule applies, or <see langword="null"/> for no end.</param>
/// <threadsafety>An immutable value; safe to share between threads.</threadsafety>
public readonly record struct EffectivePeriod(LocalDate? Effective, LocalDate? Cessation)
{
    /// <summary>Whether the period contains a date (both ends inclusive).</summary>
    /// <param name="date">The date, e.g. the date a dose was given.</param>
    /// <returns><see langword="true"/> if the rule applies on <paramref name="date"/>.</returns>
    public bool Contains(LocalDate date) =>
        (Effective is not { } from || date >= from) && (Cessation is not { } to || date <= to);
}
