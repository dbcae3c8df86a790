using NodaTime;

namespace Immunization.Reporting.DueLists;

/// <summary>A person's next dose as the schedule evaluation computed it (reporting takes it as given).</summary>
/// <param name="PersonId">The register's person id.</param>
/// <param name="DoseNumber">The number of the next dose (2 for the second dose of the primary series, 3 and 4 for the boosters).</param>
/// <param name="Earliest">The earliest date the dose may be given.</param>
/// <param name="Recommended">The recommended date.</param>
/// <param name="PastDue">The date after which the dose is past due, if the schedule sets one.</param>
/// <param name="PriorityGroups">The priority-group codes the evaluation knew of (added to the register's).</param>
public sealed record NextDose(string PersonId, int DoseNumber, LocalDate Earliest, LocalDate Recommended, LocalDate? PastDue, IReadOnlyList<string> PriorityGroups);
