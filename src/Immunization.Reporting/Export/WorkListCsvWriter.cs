using Ardalis.GuardClauses;
using Immunization.Core.Records;
using Immunization.Reporting.WorkLists;

namespace Immunization.Reporting.Export;

/// <summary>
/// Writes one commune's work list as CSV: the records to check, then empty columns for the police's answer
/// (<c>action</c>: confirmed, corrected or could_not_verify, and the corrected fields).
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
        writer.Write(string.Join(',', Columns));
        writer.Write('\n');
        string drawnUp = list.DrawnUp.ToString("yyyy-MM-dd", null), due = list.Due.ToString("yyyy-MM-dd", null);
        foreach (var item in list.Items)
        {
            string[] fields =
            [
                list.Id, list.CommuneCode, drawnUp, due, item.RecordId, VerificationNames.Name(item.Outcome), item.PersonId ?? "",
                string.Join(';', item.DifferingFields.Select(ReturnApplier.ColumnName)), item.Reason ?? "",
            ];
            for (int i = 0; i < fields.Length; i++)
            {
                TidyCsvWriter.Field(writer, fields[i]);
                writer.Write(',');
            }

            writer.Write(",,,,,,\n");
        }
    }
}
