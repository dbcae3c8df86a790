using NodaTime;

namespace Immunization.Core.Eligibility;

/// <summary>The next COVID-19 dose a person may have: which, when, with what, and the rule behind it.</summary>
/// <param name="DoseNumber">The dose's number in the person's series (1 for the first dose).</param>
/// <param name="Kind">Primary, booster or second booster.</param>
/// <param name="Earliest">The earliest date it counts (without the 4-day grace period); <see langword="null"/> when blocked.</param>
/// <param name="Recommended">The recommended date; <see langword="null"/> when blocked.</param>
/// <param name="PastDue">The date from which it is past due, when the schedule sets one.</param>
/// <param name="ProductCodes">The products (CVX or local codes) the schedule allows for it on <paramref name="Earliest"/>.</param>
/// <param name="Rule">The rule that sets the dates, or blocks the dose.</param>
/// <param name="IsBlocked">Whether the person may not have this dose at all under the current rules.</param>
/// <param name="Explanation">The rule in words.</param>
public sealed record CovidNextDose(
    int DoseNumber,
    CovidDoseKind Kind,
    LocalDate? Earliest,
    LocalDate? Recommended,
    LocalDate? PastDue,
    IReadOnlyList<string> ProductCodes,
    NextDoseRule Rule,
    bool IsBlocked,
    string Explanation);
