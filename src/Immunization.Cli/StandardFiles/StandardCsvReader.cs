using System.Globalization;
using Immunization.Cli.Matching;
using nietras.SeparatedValues;

namespace Immunization.Cli.StandardFiles;

/// <summary>
/// The one reader of the project's standard files (<c>register.csv</c>, <c>records.csv</c>, <c>truth.csv</c>): it checks a
/// file's structure the same way for every command and hands each data row's fields, as text, to a mode that reads them.
/// </summary>
/// <remarks>
/// <para>Structure (both modes): a header row naming every column once; every column asked for present (in any order, extra
/// columns ignored); blank rows skipped; every other row as wide as the header, its quotes balanced; the id column (when
/// there is one) present on every row, without control characters, and — when asked — each id once. Problems are
/// <see cref="StandardFileException"/>s naming the file, the row and the column, never a value.</para>
/// <para>Values: the <em>strict</em> mode (<see cref="StandardFileReader"/>: <c>evaluate</c>, <c>report</c>, tests) parses
/// each value and refuses a bad one at its row and column; the <em>lenient</em> mode (<c>link --register</c>, through
/// <c>IdentityFiles</c>) hands the text to Matching's lenient parse, which reads an unreadable value as missing and counts
/// it.</para>
/// </remarks>
internal sealed class StandardCsvReader : IDisposable
{
    private readonly SepReader _sep;
    private readonly string _file;
    private readonly int[] _indexes;
    private readonly int _width;
    private readonly int _idIndex;
    private readonly Dictionary<string, int>? _seenIds;
    private int _row = 1;

    private StandardCsvReader(SepReader sep, string file, IReadOnlyList<string> columns, string? idColumn, bool uniqueIds)
    {
        _sep = sep;
        _file = file;
        string[] header;
        try
        {
            header = CsvInput.ReadHeader(sep, file);
        }
        catch (StandardFileException e) when (e.Row == 1 && e.Column is null && e.Reason.StartsWith("the file is empty", StringComparison.Ordinal))
        {
            throw new StandardFileException(file, 1, null, "the file is empty; expected a header row: " + string.Join(',', columns));
        }

        _width = header.Length;
        _indexes = new int[columns.Count];
        var missing = new List<string>();
        for (var i = 0; i < columns.Count; i++)
        {
            _indexes[i] = Array.IndexOf(header, columns[i]);
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
        _idIndex = idColumn is null ? -1 : Array.IndexOf(columns.ToArray(), idColumn);
        _seenIds = uniqueIds && idColumn is not null ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
    }

    /// <summary>The file's name as errors show it.</summary>
    public string File => _file;

    /// <summary>The column every row must fill (its value without control characters), or <see langword="null"/>.</summary>
    public string? IdColumn { get; }

    /// <summary>The 1-based number of the current row (the header is row 1).</summary>
    public int Row => _row;

    /// <summary>Opens a file by path (UTF-8, or the encoding its byte-order mark names).</summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">The columns read, by name; <see cref="Text"/> takes their positions in this list.</param>
    /// <param name="idColumn">One of <paramref name="columns"/> that every row must fill, or <see langword="null"/>.</param>
    /// <param name="uniqueIds">Whether each id may appear once only (both rows are named when it does not).</param>
    public static StandardCsvReader Open(string path, IReadOnlyList<string> columns, string? idColumn, bool uniqueIds)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new CliInputException($"{path}: file not found.");
        }

        var file = Path.GetFileName(path);
        var sep = CsvInput.Open(() => Options().FromFile(path), file);
        return Start(sep, file, columns, idColumn, uniqueIds);
    }

    /// <summary>Reads a text (a file already open, or one row in memory); <paramref name="fileName"/> names it in errors.</summary>
    public static StandardCsvReader Open(TextReader text, string fileName, IReadOnlyList<string> columns, string? idColumn, bool uniqueIds)
    {
        var sep = CsvInput.Open(() => Options().From(text), fileName);
        return Start(sep, fileName, columns, idColumn, uniqueIds);
    }

    /// <summary>Moves to the next data row, checking its structure and its id; <see langword="false"/> at the end of the file.</summary>
    public bool Next()
    {
        if (!CsvInput.NextRow(_sep, _file, ref _row))
        {
            return false;
        }

        CsvInput.CheckWidth(_sep.Current, _width, _file);
        if (_idIndex >= 0)
        {
            CheckId();
        }

        return true;
    }

    /// <summary>The text of the <paramref name="column"/>th column asked for, on the current row (empty when empty).</summary>
    public ReadOnlySpan<char> Span(int column) => _sep.Current[_indexes[column]].Span;

    /// <summary>The text of the <paramref name="column"/>th column asked for, or <see langword="null"/> when the field is empty.</summary>
    public string? Text(int column)
    {
        var span = Span(column);
        return span.IsEmpty ? null : span.ToString();
    }

    public void Dispose() => _sep.Dispose();

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

    private static StandardCsvReader Start(SepReader sep, string file, IReadOnlyList<string> columns, string? idColumn, bool uniqueIds)
    {
        try
        {
            return new StandardCsvReader(sep, file, columns, idColumn, uniqueIds);
        }
        catch
        {
            sep.Dispose();
            throw;
        }
    }

    // No header and no column-count check by Sep: its messages quote the row (personal data); CsvInput checks both.
    private static SepReaderOptions Options() =>
        Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true });

    private void CheckId()
    {
        var id = Span(_idIndex);
        if (id.IsWhiteSpace())
        {
            throw new StandardFileException(_file, _row, IdColumn, "a value is required");
        }

        if (!IsWritableId(id))
        {
            // An id is copied into every output file; a NUL or escape character there would be written raw.
            throw new StandardFileException(_file, _row, IdColumn, "holds a control character (NUL, tab, escape, ...); ids are written to the output as they are");
        }

        if (_seenIds is not null)
        {
            var text = id.ToString();
            if (!_seenIds.TryAdd(text, _row))
            {
                throw new CliInputException(
                    string.Create(CultureInfo.InvariantCulture, $"{_file}, rows {_seenIds[text]} and {_row}: the same {IdColumn}; each must appear once."));
            }
        }
    }
}
