using Immunization.Cli.StandardFiles;
using Immunization.Core.Records;
using Immunization.Core.Records.Files;
using Immunization.Reporting.Export;
using Immunization.Reporting.WorkLists;
using NodaTime;
using NodaTime.Text;

namespace Immunization.Cli.Reporting;

/// <summary>
/// Reads the work lists the commune police returned: the CSV files <c>report</c> wrote (<see cref="WorkListCsvWriter"/>) with
/// the answer columns filled. A file or row that cannot be read becomes a <see cref="ReturnProblem"/> (file, row, column),
/// never an exception, so that the other files and rows are still applied; no problem quotes a value.
/// </summary>
internal static class ReturnedListFiles
{
    private static readonly (IdentityField Field, string Column)[] s_corrections =
    [
        .. new[] { IdentityField.CitizenId, IdentityField.FullName, IdentityField.DateOfBirth, IdentityField.Sex, IdentityField.Phone, IdentityField.Residence }
            .Select(f => (f, ReturnApplier.CorrectionColumn(f))),
    ];

    /// <summary>A returned list with the dates written in it.</summary>
    internal sealed record Returned(ReturnedList List, LocalDate DrawnUp, LocalDate Due);

    /// <summary>Reads every <c>*.csv</c> file of a folder, in ordinal order of the file names; <paramref name="files"/> is how many there were (the lists read and those refused).</summary>
    public static List<Returned> ReadFolder(string directory, List<ReturnProblem> problems, out int files)
    {
        var lists = new List<Returned>();
        var paths = Directory.GetFiles(directory, "*.csv");
        files = paths.Length;
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            if (Read(path, problems) is { } list)
            {
                lists.Add(list);
            }
        }

        return lists;
    }

    /// <summary>Reads one returned list; <see langword="null"/> (with a problem) when the file as a whole cannot be used.</summary>
    public static Returned? Read(string path, List<ReturnProblem> problems)
    {
        string file = Path.GetFileName(path);
        List<(int Line, Dictionary<string, string> Row)> rows;
        try
        {
            rows = [.. ReportFiles.ReadTable(path, ["list_id", "drawn_up", "due", "record_id", "action"])];
        }
        catch (StandardFileException e)
        {
            problems.Add(new ReturnProblem(file, e.Row, e.Column, e.Reason + "; nothing applied from this file"));
            return null;
        }

        if (rows.Count == 0)
        {
            problems.Add(new ReturnProblem(file, 1, null, "no rows; nothing applied from this file"));
            return null;
        }

        var (firstLine, first) = rows[0];
        string listId = first["list_id"].Trim();
        if (listId.Length == 0)
        {
            problems.Add(new ReturnProblem(file, firstLine, "list_id", "empty; nothing applied from this file"));
            return null;
        }

        var drawnUp = LocalDatePattern.Iso.Parse(first["drawn_up"].Trim());
        var due = LocalDatePattern.Iso.Parse(first["due"].Trim());
        if (!drawnUp.Success || !due.Success || due.Value < drawnUp.Value)
        {
            problems.Add(new ReturnProblem(file, firstLine, drawnUp.Success ? "due" : "drawn_up", "expected a date as yyyy-MM-dd (due not before drawn_up); nothing applied from this file"));
            return null;
        }

        var returned = new List<ReturnedRow>(rows.Count);
        foreach (var (line, row) in rows)
        {
            if (!string.Equals(row["list_id"].Trim(), listId, StringComparison.Ordinal))
            {
                problems.Add(new ReturnProblem(file, line, "list_id", "not the list of the file's first row; row not applied"));
                continue;
            }

            string recordId = row["record_id"].Trim();
            if (recordId.Length == 0)
            {
                problems.Add(new ReturnProblem(file, line, "record_id", "empty; row not applied"));
                continue;
            }

            var corrections = new Dictionary<IdentityField, string>();
            foreach (var (field, column) in s_corrections)
            {
                if (row.TryGetValue(column, out var value) && value.Trim().Length > 0)
                {
                    corrections[field] = value.Trim();
                }
            }

            string action = row["action"].Trim().ToLowerInvariant();
            ReturnAction? parsed = action switch
            {
                "confirmed" => ReturnAction.Confirmed,
                "corrected" => ReturnAction.Corrected,
                "could_not_verify" => ReturnAction.CouldNotVerify,
                "" when corrections.Count > 0 => ReturnAction.Corrected,
                _ => null,
            };
            if (parsed is not { } answer)
            {
                problems.Add(new ReturnProblem(file, line, "action", action.Length == 0
                    ? "no answer (expected confirmed, corrected or could_not_verify); row not applied"
                    : "expected confirmed, corrected or could_not_verify; row not applied"));
                continue;
            }

            if (answer != ReturnAction.Corrected && corrections.Count > 0)
            {
                var column = s_corrections.First(c => corrections.ContainsKey(c.Field)).Column;
                problems.Add(new ReturnProblem(file, line, column, "a corrected value with action '" + action + "'; row not applied (write 'corrected' to apply it)"));
                continue;
            }

            returned.Add(new ReturnedRow(line, recordId, answer, corrections));
        }

        return new Returned(new ReturnedList(file, listId, returned), drawnUp.Value, due.Value);
    }
}
