using Immunization.Core.Records.Files;
using Immunization.Matching.Tables;

namespace Immunization.Cli.StandardFiles;

/// <summary>Reads a generic CSV file (header row, comma-separated, RFC 4180 quotes, fields trimmed) into a <see cref="RecordTable"/>.</summary>
/// <remarks>Trimming makes FEBRL's <c>", "</c> separators read as plain commas.</remarks>
internal static class CsvRecordTables
{
    /// <summary>Reads <paramref name="path"/>; values of <paramref name="idColumn"/> (copied into the output) must hold no control character.</summary>
    public static RecordTable Read(string path, string? idColumn)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: file not found.");
        }

        var file = Path.GetFileName(path);
        using var text = StandardFilePaths.OpenText(path);
        var reader = StandardCsvReader.Open(text, file, columns: null, trimFields: true);
        var columns = reader.Header.ToArray();
        for (var c = 0; c < columns.Length; c++)
        {
            if (columns[c].Length == 0)
            {
                throw new StandardFileException(file, 1, CsvInput.Position(c), "the column has no name; every column needs one");
            }
        }

        RecordTable table;
        try
        {
            table = new RecordTable(columns);
        }
        catch (ArgumentException e)
        {
            throw new CliInputException($"{path}: header: {e.Message}");
        }

        var id = idColumn is null ? -1 : Array.IndexOf(columns, idColumn);
        while (reader.Next())
        {
            if (id >= 0 && !StandardCsvReader.IsWritableId(reader.Span(id)))
            {
                throw new StandardFileException(file, reader.Row, idColumn,
                    "holds a control character (NUL, tab, escape, ...); ids are written to the output as they are");
            }

            var r = table.AddRecord();
            for (var c = 0; c < columns.Length; c++)
            {
                table.Set(r, c, reader.Span(c));
            }
        }

        return table;
    }
}
