using NodaTime;

namespace Immunization.Reporting.DueLists;

/// <summary>A person the commune must call in for a dose.</summary>
/// <param name="PersonId">The register's person id.</param>
/// <param name="Kind">Why the person is on the list.</param>
/// <param name="DoseNumber">The dose due.</param>
/// <param name="Earliest">The earliest date of the dose.</param>
/// <param name="Recommended">The recommended date.</param>
/// <param name="PastDue">The past-due date, if any.</param>
/// <param name="DaysOverdue">Days from the past-due date (else the recommended date) to the drawing-up date; 0 when not yet reached.</param>
public sealed record DoseDueItem(string PersonId, DoseDueKind Kind, int DoseNumber, LocalDate Earliest, LocalDate Recommended, LocalDate? PastDue, int DaysOverdue);
