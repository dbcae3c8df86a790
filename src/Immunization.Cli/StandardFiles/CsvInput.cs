using System.Globalization;
using System.Text;
using Immunization.Core.Records.Files;
using nietras.SeparatedValues;

namespace Immunization.Cli.StandardFiles;

/// <summary>
/// Opens and steps Sep readers without letting Sep's own messages out: they quote rows (personal data) and come with a
/// stack trace. Every problem becomes a <see cref="StandardFileException"/> naming the file, the row and, where there is one,
/// the column. Readers are opened without Sep's header handling (<see cref="ReadHeader"/> reads it), so that a repeated
/// column name or a missing header row is reported by position, not by Sep quoting the first row.
/// </summary>
internal static class CsvInput
{
    /// <summary>At most this many characters of an offending value are shown in a message.</summary>
    public const int MaxShown = 40;

    /// <summary>Creates the reader with <paramref name="open"/>, turning Sep's errors on the first row into clear ones.</summary>
    public static SepReader Open(Func<SepReader> open, string file)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new StandardFileException(file, 1, null, Why(e));
        }
    }

    /// <summary>
    /// Reads the first row as the header: every name once, not all empty. Throws naming the column (by position; the
    /// name may be a data value when the file has no header row).
    /// </summary>
    public static string[] ReadHeader(SepReader reader, string file)
    {
        if (!Next(reader, file, 0))
        {
            throw new StandardFileException(file, 1, null, "the file is empty; expected a header row");
        }

        var row = reader.Current;
        var names = new string[row.ColCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = row[i].ToString();
        }

        if (names.All(n => n.Trim().Length == 0))
        {
            throw new StandardFileException(file, 1, null, "the first row is blank; expected a header row");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (!seen.TryAdd(names[i], i))
            {
                throw new StandardFileException(file, 1, Position(i),
                    string.Create(CultureInfo.InvariantCulture,
                        $"the same name as column {seen[names[i]] + 1}; each column must be named once (is the first row a header row?)"));
            }
        }

        return names;
    }

    /// <summary>Moves to the next row; <paramref name="lastRow"/> is the 1-based number of the row read before.</summary>
    public static bool Next(SepReader reader, string file, int lastRow)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new StandardFileException(file, lastRow + 1, null, Why(e));
        }
    }

    /// <summary>
    /// Moves to the next row that is not blank (blank rows are skipped wherever they are); <paramref name="lastRow"/> is the
    /// 1-based number of the row read before, and becomes that of the row moved to. The row is <c>reader.Current</c>.
    /// </summary>
    public static bool NextRow(SepReader reader, string file, ref int lastRow)
    {
        while (Next(reader, file, lastRow))
        {
            lastRow = RowNumber(reader.Current);
            if (!IsBlank(reader.Current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The 1-based row number of a row (the header is row 1).</summary>
    public static int RowNumber(SepReader.Row row) => row.RowIndex + 1;

    /// <summary>Whether the row is an empty line (or only spaces): skipped, not a record, wherever it is.</summary>
    public static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row.Span.Trim().IsEmpty;

    /// <summary>
    /// Refuses a row with an odd number of quotes: a quote not closed before the end of the file, or a stray quote inside an
    /// unquoted field. Sep would read the rest of the file into that field (and say nothing at the end of the file).
    /// </summary>
    public static void CheckQuotes(SepReader.Row row, string file)
    {
        if (row.Span.Count('"') % 2 != 0)
        {
            throw new StandardFileException(file, RowNumber(row), null,
                "a quote is not closed, or a field holds a stray quote (a quote inside a field must be doubled and the field quoted)");
        }
    }

    /// <summary>
    /// Refuses a row with unbalanced quotes (<see cref="CheckQuotes"/>) or whose number of fields is not the header's, saying
    /// whether a quote is the likely cause.
    /// </summary>
    public static void CheckWidth(SepReader.Row row, int width, string file)
    {
        CheckQuotes(row, file);
        if (row.ColCount == width)
        {
            return;
        }

        var fields = string.Create(CultureInfo.InvariantCulture, $"{row.ColCount} fields where the header has {width}");
        var reason = row.Span.Contains('"')
            ? "a quote is not closed, or a field holds a stray quote (a quote inside a field must be doubled and the field quoted); " +
              "read from there, the row has " + fields
            : fields;
        throw new StandardFileException(file, RowNumber(row), null, reason);
    }

    /// <summary>"column 3": a column by its 1-based position.</summary>
    public static string Position(int index) => string.Create(CultureInfo.InvariantCulture, $"{index + 1}");

    /// <summary>
    /// A value as it may appear in a message: at most <see cref="MaxShown"/> characters, control characters escaped.
    /// Never use it for personal fields (names, identity numbers, phones, dates of birth): those are not shown at all.
    /// </summary>
    public static string Shown(string value)
    {
        var text = new StringBuilder(Math.Min(value.Length, MaxShown) + 32);
        foreach (var c in value.Length <= MaxShown ? value : value[..MaxShown])
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        if (value.Length > MaxShown)
        {
            text.Append(CultureInfo.InvariantCulture, $"… ({value.Length:N0} characters)");
        }

        return text.ToString();
    }

    private static string Why(Exception e) => e switch
    {
        NotSupportedException => "the row is longer than the reader's limit of 16,777,216 characters (or has more columns than it supports); " +
            "if no such row should exist, look for a quote that is not closed",
        ArgumentException => "the header row could not be read (a column named twice?)",
        _ => "not valid CSV (a quote is not closed?)",
    };
}
