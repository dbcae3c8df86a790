using NodaTime;

namespace Immunization.Core.Eligibility;

/// <summary>
/// Risk conditions a person has over a period: pregnant between two dates, immunocompromised from a date.
/// </summary>
/// <param name="Conditions">The conditions (one or several flags; not <see cref="RiskConditions.None"/>).</param>
/// <param name="From">The first day the conditions hold; <see langword="null"/> for "always before".</param>
/// <param name="Through">The last day the conditions hold (inclusive); <see langword="null"/> for "still".</param>
public sealed record RiskConditionFact(RiskConditions Conditions, LocalDate? From = null, LocalDate? Through = null)
{
    /// <summary>Whether the fact holds on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> is between <see cref="From"/> and <see cref="Through"/>, both included.</returns>
    public bool IsInEffectOn(LocalDate date) => (From is not { } from || date >= from) && (Through is not { } through || date <= through);
}
