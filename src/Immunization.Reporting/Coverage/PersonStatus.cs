using Immunization.Core.Eligibility;
using NodaTime;

namespace Immunization.Reporting.Coverage;

/// <summary>A person's status as the schedule evaluation computed it (reporting takes it as given).</summary>
/// <param name="PersonId">The register's person id.</param>
/// <param name="Status">The status as of the report's reference date.</param>
/// <param name="FirstDose">The date of the first valid dose, if any.</param>
/// <param name="SecondDose">The date of the second valid dose, if any.</param>
/// <param name="FirstProduct">The product of the first valid dose, if known (for the drop-out interval).</param>
public sealed record PersonStatus(
    string PersonId,
    VaccinationStatus Status,
    LocalDate? FirstDose,
    LocalDate? SecondDose,
    string? FirstProduct);
