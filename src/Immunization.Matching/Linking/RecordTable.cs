using Ardalis.GuardClauses;

namespace Immunization.Matching.Linking;

/// <summary>
/// Records to link or de-duplicate, stored by column: each value is trimmed and interned once as it is added, so a column
/// holds one small integer per record and one string per distinct value.
/// </summary>
/// <remarks>
/// <para>
/// Fill a table with <see cref="AddRecord"/> and <see cref="Set(int, int, ReadOnlySpan{char})"/>; reading a file is the caller's
/// business (the command-line tool reads CSV). An empty or white-space value is missing.
/// </para>
/// </remarks>
/// <threadsafety>Not thread-safe while being filled; safe to read from several threads once filled.</threadsafety>
public sealed class RecordTable
{
    private const int Missing = -1;
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _columnIndex;
    private int _count;
    private int _capacity;

    /// <summary>Initializes an empty table with the given column names.</summary>
    /// <param name="columns">The column names, distinct.</param>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A column name is empty or repeated.</exception>
    public RecordTable(IReadOnlyList<string> columns)
    {
        Guard.Against.Null(columns);
        _columns = new Column[columns.Count];
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            var name = Guard.Against.NullOrWhiteSpace(columns[c], nameof(columns));
            if (!_columnIndex.TryAdd(name, c))
            {
                throw new ArgumentException($"Column '{name}' appears twice.", nameof(columns));
            }

            _columns[c] = new Column(name);
        }

        _capacity = 16;
        foreach (var column in _columns)
        {
            column.Ids = new int[_capacity];
        }
    }

    /// <summary>Gets the column names.</summary>
    public IReadOnlyList<string> Columns => Array.ConvertAll(_columns, c => c.Name);

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
        if (_count == _capacity)
        {
            _capacity *= 2;
            foreach (var column in _columns)
            {
                var ids = column.Ids;
                Array.Resize(ref ids, _capacity);
                column.Ids = ids;
            }
        }

        foreach (var column in _columns)
        {
            column.Ids[_count] = Missing;
        }

        return _count++;
    }

    /// <summary>Sets a value of a record; the value is trimmed, and an empty value means missing.</summary>
    /// <param name="record">The record's index.</param>
    /// <param name="column">The column's index.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentOutOfRangeException">The record or column index is out of range.</exception>
    public void Set(int record, int column, ReadOnlySpan<char> value)
    {
        Guard.Against.OutOfRange(record, nameof(record), 0, _count - 1);
        Guard.Against.OutOfRange(column, nameof(column), 0, _columns.Length - 1);
        var c = _columns[column];
        value = value.Trim();
        if (value.IsEmpty)
        {
            c.Ids[record] = Missing;
            return;
        }

        var lookup = c.Index.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(value, out var id))
        {
            var text = value.ToString();
            id = c.Values.Count;
            c.Values.Add(text);
            c.Index.Add(text, id);
        }

        c.Ids[record] = id;
    }

    /// <summary>Returns a record's value in a column, or <see langword="null"/> when it is missing.</summary>
    /// <param name="record">The record's index.</param>
    /// <param name="column">The column's index.</param>
    /// <returns>The trimmed value, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The record or column index is out of range.</exception>
    public string? Get(int record, int column)
    {
        Guard.Against.OutOfRange(record, nameof(record), 0, _count - 1);
        Guard.Against.OutOfRange(column, nameof(column), 0, _columns.Length - 1);
        var id = _columns[column].Ids[record];
        return id < 0 ? null : _columns[column].Values[id];
    }

    /// <summary>The value ids of a column, one per record (-1 for missing), and its distinct values.</summary>
    internal (ReadOnlyMemory<int> Ids, List<string> Values) ColumnData(int column) =>
        (_columns[column].Ids.AsMemory(0, _count), _columns[column].Values);

    private sealed class Column(string name)
    {
        public string Name { get; } = name;

        public int[] Ids { get; set; } = [];

        public List<string> Values { get; } = [];

        public Dictionary<string, int> Index { get; } = new(StringComparer.Ordinal);
    }
}
