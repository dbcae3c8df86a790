using Immunization.Core.Identity;
using Immunization.Core.Places;
using NodaTime;

namespace Immunization.Reporting.Coverage;

/// <summary>A person of the population register as reporting needs them (the denominators).</summary>
/// <param name="PersonId">The register's person id.</param>
/// <param name="Sex">The sex.</param>
/// <param name="BirthDate">The date of birth.</param>
/// <param name="Residence">Where the register says the person lives now: a commune (or province) of either scheme; <c>default</c> when unknown.</param>
/// <param name="PriorityGroups">The codes of the priority groups the person belongs to.</param>
public sealed record RegisterPerson(
    string PersonId,
    Sex Sex,
    LocalDate BirthDate,
    AdministrativeUnit Residence,
    IReadOnlyList<string> PriorityGroups);
