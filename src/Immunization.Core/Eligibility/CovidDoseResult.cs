using Immunization.Core.Evaluation;

namespace Immunization.Core.Eligibility;

/// <summary>The evaluation of one dose of a person's COVID-19 history.</summary>
/// <param name="Dose">The dose as given.</param>
/// <param name="Status">Valid, not valid or extraneous (<see cref="DoseStatus"/>); a dose after the date asked about, or with a
/// code the schedule does not know, is <see cref="DoseStatus.NotValid"/> with <paramref name="IsEvaluated"/> false.</param>
/// <param name="Reason">The engine's first reason (<see cref="DoseStatusReason.None"/> when valid).</param>
/// <param name="DoseNumber">The dose of the series it satisfied or was evaluated against, when any.</param>
/// <param name="IsEvaluated">Whether the dose was evaluated (false: after the date asked about, or an unknown code).</param>
/// <param name="Explanation">Why, in words.</param>
public sealed record CovidDoseResult(AdministeredDose Dose, DoseStatus Status, DoseStatusReason Reason, int? DoseNumber, bool IsEvaluated, string Explanation)
{
    /// <summary>Whether the dose counts toward the status (valid doses only).</summary>
    public bool Counts => Status == DoseStatus.Valid;
}
