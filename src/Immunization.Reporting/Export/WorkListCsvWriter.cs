using Ardalis.GuardClauses;
using Immunization.Core.Records;
using Immunization.Core.Records.Files;
using Immunization.Reporting.WorkLists;

namespace Immunization.Reporting.Export;

/// <summary>
/// Writes one commune's work list as CSV: the records to check, then empty columns for the police's answer
/// (<c>action</c>: confirmed, corrected or could_not_verify, and the corrected fields). Written with the project's one CSV
/// writer (<see cref="StandardCsvWriter"/>: RFC 4180 quoting, CRLF line ends).
/// </summary>
public static class WorkListCsvWriter
{
    /// <summary>The header line's columns.</summary>
    /// <remarks>The answer columns after <c>action</c> are <see cref="ReturnApplier.CorrectionColumn"/> of each field, in field order.</remarks>
    public static IReadOnlyList<string> Columns { get; } =
        ["list_id", "commune_code", "drawn_up", "due", "record_id", "outcome", "person_id", "differing_fields", "reason", "action",
            .. Enum.GetValues<IdentityField>().Select(ReturnApplier.CorrectionColumn)];

    /// <summary>Writes the list.</summary>
    /// <param name="list">The list.</param>
    /// <param name="writer">Where to write; not closed.</param>
    public static void Write(WorkList list, TextWriter writer)
    {
        Guard.Against.Null(list);
        Guard.Against.Null(writer);
        using var csv = new StandardCsvWriter(writer);
        csv.Row(Columns);
        string drawnUp = list.DrawnUp.ToString("yyyy-MM-dd", null), due = list.Due.ToString("yyyy-MM-dd", null);
        foreach (var item in list.Items)
        {
            string[] fields =
            [
                list.Id, list.CommuneCode, drawnUp, due, item.RecordId, VerificationNames.Name(item.Outcome), item.PersonId ?? "",
                string.Join(';', item.DifferingFields.Select(ReturnApplier.ColumnName)), item.Reason ?? "",
            ];
            foreach (var field in fields)
            {
                csv.Field(field);
            }

            // The answer columns, empty.
            for (int i = fields.Length; i < Columns.Count; i++)
            {
                csv.Field(string.Empty);
            }

            csv.EndRow();
        }
    }
}
