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
            using var reader = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.All }).FromFile(path);
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

            foreach (var row in reader)
            {
                if (row.ColCount != columns.Count)
                {
                    throw new CliInputException($"{path}: row {row.RowIndex + 1}: {row.ColCount} fields where the header has {columns.Count}.");
                }

                var r = table.AddRecord();
                for (var c = 0; c < columns.Count; c++)
                {
                    table.Set(r, c, row[c].Span);
                }
            }

            return table;
        }
        catch (InvalidDataException e)
        {
            throw new CliInputException($"{path}: {e.Message}");
        }
    }
}

/// <summary>An input file or option is wrong; the message says which and why, and the command exits with code 2.</summary>
internal sealed class CliInputException(string message) : Exception(message);
