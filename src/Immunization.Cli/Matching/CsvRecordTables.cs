using Immunization.Matching.Linking;
using nietras.SeparatedValues;

namespace Immunization.Cli.Matching;

/// <summary>Reads a generic CSV file (header row, comma-separated, RFC 4180 quotes, fields trimmed) into a <see cref="RecordTable"/>.</summary>
/// <remarks>Trimming makes FEBRL's <c>", "</c> separators read as plain commas.</remarks>
internal static class CsvRecordTables
{
    public static RecordTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: file not found.");
        }

        try
        {
            // Column counts are checked here, not by Sep, whose messages quote the row (personal data).
            using var reader = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true })
                .FromFile(path);
            var columns = reader.Header.ColNames;
            if (columns.Count == 0 || (columns.Count == 1 && columns[0].Length == 0))
            {
                throw new CliInputException($"{path}: no header row.");
            }

            RecordTable table;
            try
            {
                table = new RecordTable([.. columns]);
            }
            catch (ArgumentException e)
            {
                throw new CliInputException($"{path}: header: {e.Message}");
            }

            var lastRow = 1;
            while (Next(reader, path, lastRow))
            {
                var row = reader.Current;
                lastRow = row.RowIndex + 1;
                if (row.ColCount != columns.Count)
                {
                    throw new CliInputException($"{path}, row {lastRow}: {row.ColCount} fields where the header has {columns.Count}.");
                }

                var r = table.AddRecord();
                for (var c = 0; c < columns.Count; c++)
                {
                    table.Set(r, c, row[c].Span);
                }
            }

            return table;
        }
        catch (InvalidDataException)
        {
            throw new CliInputException($"{path}, row 1: the header row is not valid CSV.");
        }
    }

    private static bool Next(SepReader reader, string path, int lastRow)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (InvalidDataException)
        {
            throw new CliInputException($"{path}, row {lastRow + 1}: not valid CSV (an unclosed quote?).");
        }
    }
}

/// <summary>An input file or option is wrong; the message says which and why, and the command exits with code 2.</summary>
internal sealed class CliInputException(string message) : Exception(message);
