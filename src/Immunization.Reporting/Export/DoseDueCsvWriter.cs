using System.Globalization;
using Ardalis.GuardClauses;
using Immunization.Core.Records.Files;
using Immunization.Reporting.DueLists;

namespace Immunization.Reporting.Export;

/// <summary>
/// Writes one commune's dose-due list as CSV: list id, dates, then one row a person (no personal data but the person id).
/// Written with the project's one CSV writer (<see cref="StandardCsvWriter"/>: RFC 4180 quoting, CRLF line ends).
/// </summary>
public static class DoseDueCsvWriter
{
    /// <summary>The header line's columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["list_id", "commune_code", "drawn_up", "due", "person_id", "kind", "dose_number", "earliest", "recommended", "past_due", "days_overdue"];

    /// <summary>Writes the list.</summary>
    /// <param name="list">The list.</param>
    /// <param name="writer">Where to write; not closed.</param>
    public static void Write(DoseDueList list, TextWriter writer)
    {
        Guard.Against.Null(list);
        Guard.Against.Null(writer);
        using var csv = new StandardCsvWriter(writer);
        csv.Row(Columns);
        string drawnUp = Iso(list.DrawnUp), due = Iso(list.Due);
        foreach (var item in list.Items)
        {
            string[] fields =
            [
                list.Id, list.CommuneCode, drawnUp, due, item.PersonId, KindName(item.Kind), item.DoseNumber.ToString(CultureInfo.InvariantCulture),
                Iso(item.Earliest), Iso(item.Recommended), item.PastDue is { } p ? Iso(p) : "", item.DaysOverdue.ToString(CultureInfo.InvariantCulture),
            ];
            csv.Row(fields);
        }
    }

    /// <summary>The name of a kind in files: <c>overdue_dose2</c>, <c>priority_dose3</c>, <c>priority_dose4</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string KindName(DoseDueKind kind) => kind switch
    {
        DoseDueKind.OverdueDoseTwo => "overdue_dose2",
        DoseDueKind.PriorityDoseThree => "priority_dose3",
        _ => "priority_dose4",
    };

    private static string Iso(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
