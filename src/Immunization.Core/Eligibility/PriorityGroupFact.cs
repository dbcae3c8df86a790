using NodaTime;

namespace Immunization.Core.Eligibility;

/// <summary>
/// A person's membership of a priority group over a period: a health worker from a date, a teacher until one.
/// </summary>
/// <param name="Group">The priority group (not <see cref="PriorityGroup.None"/>).</param>
/// <param name="From">The first day the person is in the group; <see langword="null"/> for "always before".</param>
/// <param name="Through">The last day the person is in the group (inclusive); <see langword="null"/> for "still".</param>
public sealed record PriorityGroupFact(PriorityGroup Group, LocalDate? From = null, LocalDate? Through = null)
{
    /// <summary>Whether the fact holds on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> is between <see cref="From"/> and <see cref="Through"/>, both included.</returns>
    public bool IsInEffectOn(LocalDate date) => (From is not { } from || date >= from) && (Through is not { } through || date <= through);
}
