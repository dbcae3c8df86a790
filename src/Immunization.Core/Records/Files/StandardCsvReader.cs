using System.Globalization;
using Ardalis.GuardClauses;

namespace Immunization.Core.Records.Files;

/// <summary>
/// Reads the rows of a standard file (<c>register.csv</c>, <c>records.csv</c>, <c>truth.csv</c>) as text, checking its
/// structure, for a reader of its own values (<see cref="StandardFileReader"/> reads them into records; a tool may hand the
/// text to another parse). One row is in memory at a time; fields are spans of a reused buffer.
/// </summary>
/// <remarks>
/// Structure: a header row naming every column once; every column asked for present (in any order, extra columns
/// ignored); blank rows skipped; every other row as wide as the header, its quotes balanced; the id column (when there is
/// one) filled on every row, without control characters, and (when asked) each id once. Problems are
/// <see cref="StandardFileException"/>s naming the file, the row and the column, never a value.
/// </remarks>
public sealed class StandardCsvReader
{
    private const string QuoteProblem =
        "a quote is not closed, or a field holds a stray quote (a quote inside a field must be doubled and the field quoted)";

    private readonly CsvRowParser _csv;
    private readonly int[] _indexes;
    private readonly int _width;
    private readonly int _idIndex;
    private readonly Dictionary<string, int>? _seenIds;

    // The current row's id as a string once made (by the duplicate check or CurrentId), and the row it belongs to.
    private string? _currentId;
    private int _currentIdRow;

    private StandardCsvReader(TextReader text, string file, IReadOnlyList<string>? columns, string? idColumn, bool uniqueIds, bool trimFields)
    {
        File = file;
        _csv = new CsvRowParser(text, file, trimFields);
        Header = ReadHeader(columns);
        _width = Header.Count;
        columns ??= Header;
        _indexes = new int[columns.Count];
        var missing = new List<string>();
        for (var i = 0; i < columns.Count; i++)
        {
            _indexes[i] = IndexOf(Header, columns[i]);
            if (_indexes[i] < 0)
            {
                missing.Add(columns[i]);
            }
        }

        if (missing.Count > 0)
        {
            throw new StandardFileException(file, 1, missing[0],
                $"the header has no {string.Join(", ", missing.Select(m => "'" + m + "'"))} column{(missing.Count == 1 ? "" : "s")}; " +
                "expected " + string.Join(',', columns));
        }

        IdColumn = idColumn;
        _idIndex = idColumn is null ? -1 : IndexOf(columns, idColumn);
        _seenIds = uniqueIds && idColumn is not null ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
    }

    /// <summary>The file's name as errors show it.</summary>
    public string File { get; }

    /// <summary>The names in the header row, in the file's order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The column every row must fill (its value without control characters), or <see langword="null"/>.</summary>
    public string? IdColumn { get; }

    /// <summary>The 1-based number of the current row (the header is row 1).</summary>
    public int Row { get; private set; } = 1;

    /// <summary>How many fields the current row has (the header's number once <see cref="Check"/> has passed).</summary>
    public int FieldCount => _csv.FieldCount;

    /// <summary>Starts reading <paramref name="text"/> and reads its header row.</summary>
    /// <param name="text">The file's text; the caller disposes it.</param>
    /// <param name="fileName">The file's name as errors show it.</param>
    /// <param name="columns">The columns read, by name; <see cref="Span"/> takes their positions in this list. <see langword="null"/>: every column of the header, in its order.</param>
    /// <param name="idColumn">One of <paramref name="columns"/> that every row must fill, or <see langword="null"/>.</param>
    /// <param name="uniqueIds">Whether each id may appear once only (both rows are named when it does not).</param>
    /// <param name="trimFields">Whether spaces around each field (and inside its quotes) are dropped, header names included.</param>
    /// <exception cref="StandardFileException">The file is empty, its header repeats a name or lacks a column asked for.</exception>
    public static StandardCsvReader Open(
        TextReader text, string fileName, IReadOnlyList<string>? columns, string? idColumn = null, bool uniqueIds = false, bool trimFields = false)
    {
        Guard.Against.Null(text);
        Guard.Against.NullOrWhiteSpace(fileName);
        if (idColumn is not null && columns is not null && IndexOf(columns, idColumn) < 0)
        {
            throw new ArgumentException("The id column must be one of the columns read.", nameof(idColumn));
        }

        return new StandardCsvReader(text, fileName, columns, idColumn, uniqueIds, trimFields);
    }

    /// <summary>
    /// Moves to the next data row (blank rows skipped), checking its structure and its id; <see langword="false"/> at the end.
    /// </summary>
    /// <exception cref="StandardFileException">The row is not as wide as the header, its quotes are unbalanced, or its id is missing, unwritable or repeated.</exception>
    public bool Next()
    {
        if (!NextRow())
        {
            return false;
        }

        Check();
        return true;
    }

    /// <summary>
    /// Moves to the next data row (blank rows skipped) without checking it; <see cref="Check"/> then checks it. For a reader
    /// that goes on past a bad row.
    /// </summary>
    public bool NextRow()
    {
        while (_csv.MoveNext())
        {
            Row = _csv.RowNumber;
            if (!_csv.IsBlank)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks the row moved to by <see cref="NextRow"/> as <see cref="Next"/> does.</summary>
    /// <exception cref="StandardFileException">The row's structure or id is wrong.</exception>
    public void Check()
    {
        CheckWidth();
        if (_idIndex >= 0)
        {
            CheckId();
        }
    }

    /// <summary>
    /// Refuses the current row when its quotes are unbalanced (a quote not closed, or a stray quote inside an unquoted field),
    /// for a reader that accepts rows narrower than the header and so does not call <see cref="Check"/> on them.
    /// </summary>
    /// <exception cref="StandardFileException">The row's quotes are unbalanced.</exception>
    public void CheckQuotes()
    {
        if (_csv.RawRow.Count('"') % 2 != 0)
        {
            throw new StandardFileException(File, Row, null, QuoteProblem);
        }
    }

    /// <summary>The text of the <paramref name="column"/>th column asked for, on the current row (empty when empty or past the row's end).</summary>
    public ReadOnlySpan<char> Span(int column) => _csv[_indexes[column]];

    /// <summary>
    /// The id of the current row as a string: with unique ids, the string the duplicate check keeps (so a reader that keeps the
    /// id as well holds it once); otherwise a new string.
    /// </summary>
    /// <returns>The id column's text on the current row.</returns>
    /// <exception cref="InvalidOperationException">The reader has no id column.</exception>
    public string CurrentId()
    {
        if (_idIndex < 0)
        {
            throw new InvalidOperationException("The reader has no id column.");
        }

        if (_currentId is { } id && _currentIdRow == Row)
        {
            return id;
        }

        _currentId = Span(_idIndex).ToString();
        _currentIdRow = Row;
        return _currentId;
    }

    /// <summary>The text of the <paramref name="column"/>th column asked for, or <see langword="null"/> when the field is empty.</summary>
    public string? Text(int column)
    {
        var span = Span(column);
        return span.IsEmpty ? null : span.ToString();
    }

    /// <summary>Whether an id may be written to an output file as it is: no control character (NUL, tab, escape, ...).</summary>
    public static bool IsWritableId(ReadOnlySpan<char> id)
    {
        foreach (var c in id)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private string[] ReadHeader(IReadOnlyList<string>? columns)
    {
        if (!_csv.MoveNext())
        {
            throw new StandardFileException(File, 1, null,
                "the file is empty; expected a header row" + (columns is null ? "" : ": " + string.Join(',', columns)));
        }

        var names = new string[_csv.FieldCount];
        var blank = true;
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _csv[i].ToString();
            blank &= names[i].AsSpan().Trim().IsEmpty;
        }

        if (blank)
        {
            throw new StandardFileException(File, 1, null, "the first row is blank; expected a header row");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (!seen.TryAdd(names[i], i))
            {
                throw new StandardFileException(File, 1, Position(i),
                    string.Create(CultureInfo.InvariantCulture,
                        $"the same name as column {seen[names[i]] + 1}; each column must be named once (is the first row a header row?)"));
            }
        }

        return names;
    }

    /// <summary>"3": a column by its 1-based position.</summary>
    private static string Position(int index) => string.Create(CultureInfo.InvariantCulture, $"{index + 1}");

    private void CheckWidth()
    {
        CheckQuotes();
        if (_csv.FieldCount == _width)
        {
            return;
        }

        var fields = string.Create(CultureInfo.InvariantCulture, $"{_csv.FieldCount} fields where the header has {_width}");
        throw new StandardFileException(File, Row, null, _csv.RawRow.Contains('"') ? QuoteProblem + "; read from there, the row has " + fields : fields);
    }

    private void CheckId()
    {
        var id = Span(_idIndex);
        if (id.IsWhiteSpace())
        {
            throw new StandardFileException(File, Row, IdColumn, "a value is required");
        }

        if (!IsWritableId(id))
        {
            // An id is copied into every output file; a NUL or escape character there would be written raw.
            throw new StandardFileException(File, Row, IdColumn, "holds a control character (NUL, tab, escape, ...); ids are written to the output as they are");
        }

        if (_seenIds is not null)
        {
            var text = id.ToString();
            if (!_seenIds.TryAdd(text, Row))
            {
                throw StandardFileException.Duplicate(File, _seenIds[text], Row, IdColumn!);
            }

            _currentId = text;
            _currentIdRow = Row;
        }
    }
}
