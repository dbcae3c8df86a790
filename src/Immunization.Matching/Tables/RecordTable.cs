using Ardalis.GuardClauses;

namespace Immunization.Matching.Tables;

/// <summary>
/// Records to link or de-duplicate: each record's values, trimmed, kept as text in a few large blocks of characters
/// (no string per value), so that a table costs about two bytes a character plus eight bytes a value (a value set again
/// keeps its old text too). One table holds up to 2<sup>31</sup> characters.
/// </summary>
/// <remarks>
/// <para>
/// Fill a table with <see cref="AddRecord"/> and <see cref="Set(int, int, ReadOnlySpan{char})"/>; reading a file is the caller's
/// business (the command-line tool reads CSV). An empty or white-space value is missing. Read values with
/// <see cref="GetSpan"/> (no allocation) or <see cref="Get"/> (a new string each call).
/// </para>
/// </remarks>
/// <threadsafety>Not thread-safe while being filled; safe to read from several threads once filled.</threadsafety>
public sealed class RecordTable
{
    // Blocks of 32,768 characters (64 KB) stay below the large object heap's threshold; a longer value gets a block of its own.
    private const int TextBlockShift = 15;
    private const int TextBlockSize = 1 << TextBlockShift;
    private const int MaxTextBlocks = 1 << (31 - TextBlockShift);
    // Records are stored in blocks of 1,024, so growing never copies what is already stored.
    private const int RecordBlockShift = 10;
    private const int RecordBlockSize = 1 << RecordBlockShift;

    private readonly string[] _columns;
    private readonly Dictionary<string, int> _columnIndex;
    private readonly List<char[]> _text = [];
    private readonly List<int[]> _cells = [];
    private int _textUsed = TextBlockSize;
    private int _count;

    /// <summary>Initializes an empty table with the given column names.</summary>
    /// <param name="columns">The column names, distinct.</param>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A column name is empty or repeated.</exception>
    public RecordTable(IReadOnlyList<string> columns)
    {
        Guard.Against.Null(columns);
        _columns = new string[columns.Count];
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            var name = Guard.Against.NullOrWhiteSpace(columns[c], nameof(columns));
            if (!_columnIndex.TryAdd(name, c))
            {
                throw new ArgumentException($"Column '{name}' appears twice.", nameof(columns));
            }

            _columns[c] = name;
        }
    }

    /// <summary>Gets the column names.</summary>
    public IReadOnlyList<string> Columns => Array.AsReadOnly(_columns);

    /// <summary>Gets the number of records.</summary>
    public int Count => _count;

    /// <summary>Returns the index of a column, or -1 when the table has no such column.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The column's index, or -1.</returns>
    public int IndexOf(string column) => _columnIndex.TryGetValue(column, out var c) ? c : -1;

    /// <summary>Adds a record whose values are all missing and returns its index.</summary>
    /// <returns>The new record's index, starting at 0.</returns>
    public int AddRecord()
    {
        if ((_count & (RecordBlockSize - 1)) == 0)
        {
            // Two ints a value, start and length; a fresh array is all zeros, which reads as missing.
            _cells.Add(new int[RecordBlockSize * _columns.Length * 2]);
        }

        return _count++;
    }

    /// <summary>Sets a value of a record; the value is trimmed, and an empty value means missing.</summary>
    /// <param name="record">The record's index.</param>
    /// <param name="column">The column's index.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentOutOfRangeException">The record or column index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The table already holds 2<sup>31</sup> characters of values (about 4 GB).</exception>
    public void Set(int record, int column, ReadOnlySpan<char> value)
    {
        Guard.Against.OutOfRange(record, nameof(record), 0, _count - 1);
        Guard.Against.OutOfRange(column, nameof(column), 0, _columns.Length - 1);
        value = value.Trim();
        var cells = _cells[record >> RecordBlockShift];
        var cell = (((record & (RecordBlockSize - 1)) * _columns.Length) + column) * 2;
        if (value.IsEmpty)
        {
            cells[cell + 1] = 0;
            return;
        }

        // A value's start is one int: block number and offset. Past 2^31 characters it would wrap, so refuse clearly instead.
        if (_text.Count >= MaxTextBlocks - 1)
        {
            throw new InvalidOperationException(
                $"The table holds {(long)_text.Count << TextBlockShift:N0} characters, the most one table holds; split the input.");
        }

        int start;
        if (value.Length > TextBlockSize)
        {
            start = _text.Count << TextBlockShift;
            _text.Add(value.ToArray());
            _textUsed = TextBlockSize;
        }
        else
        {
            if (_textUsed + value.Length > TextBlockSize)
            {
                _text.Add(new char[TextBlockSize]);
                _textUsed = 0;
            }

            start = ((_text.Count - 1) << TextBlockShift) + _textUsed;
            value.CopyTo(_text[^1].AsSpan(_textUsed));
            _textUsed += value.Length;
        }

        cells[cell] = start;
        cells[cell + 1] = value.Length;
    }

    /// <summary>Returns a record's value in a column, or an empty span when it is missing; no allocation.</summary>
    /// <param name="record">The record's index.</param>
    /// <param name="column">The column's index.</param>
    /// <returns>The trimmed value, valid as long as the table; empty when missing.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The record or column index is out of range.</exception>
    public ReadOnlySpan<char> GetSpan(int record, int column)
    {
        Guard.Against.OutOfRange(record, nameof(record), 0, _count - 1);
        Guard.Against.OutOfRange(column, nameof(column), 0, _columns.Length - 1);
        return Value(record, column);
    }

    /// <summary>Returns a record's value in a column as a new string, or <see langword="null"/> when it is missing.</summary>
    /// <param name="record">The record's index.</param>
    /// <param name="column">The column's index.</param>
    /// <returns>The trimmed value, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The record or column index is out of range.</exception>
    public string? Get(int record, int column)
    {
        var value = GetSpan(record, column);
        return value.IsEmpty ? null : value.ToString();
    }

    /// <summary>The value without range checks (indexes already checked by the caller).</summary>
    internal ReadOnlySpan<char> Value(int record, int column)
    {
        var cells = _cells[record >> RecordBlockShift];
        var cell = (((record & (RecordBlockSize - 1)) * _columns.Length) + column) * 2;
        var length = cells[cell + 1];
        if (length == 0)
        {
            return [];
        }

        var start = cells[cell];
        return _text[start >> TextBlockShift].AsSpan(start & (TextBlockSize - 1), length);
    }
}
