using NodaTime;

namespace Immunization.Core.Eligibility;

/// <summary>The answer to "may this person have this product on this date?" (<see cref="CovidEvaluator.Check"/>).</summary>
/// <param name="Date">The date asked about.</param>
/// <param name="ProductCode">The product asked about, as given.</param>
/// <param name="IsAllowed">Whether the dose would count toward the person's status if given on <paramref name="Date"/>.</param>
/// <param name="Rule">The rule that allows it, or the first rule that stops it.</param>
/// <param name="DoseNumber">The dose it would be (or is refused as) in the person's series: 1 for the first dose.</param>
/// <param name="Kind">Primary, booster or second booster.</param>
/// <param name="Earliest">The earliest date the next dose counts, when the rules give one (the date a dose that is too soon or
/// too young would count from); <see langword="null"/> when the dose is not allowed on any date.</param>
/// <param name="AllowedProducts">When the product is refused as the wrong product: the products that would be allowed on
/// <paramref name="Date"/>; otherwise empty.</param>
/// <param name="Explanation">The rule in words.</param>
public sealed record CovidDoseDecision(
    LocalDate Date,
    string ProductCode,
    bool IsAllowed,
    DoseDecisionRule Rule,
    int DoseNumber,
    CovidDoseKind Kind,
    LocalDate? Earliest,
    IReadOnlyList<string> AllowedProducts,
    string Explanation);
