using Immunization.Core.Records.Files;

namespace Immunization.Cli.Matching;

/// <summary>
/// A batch of rows of a standard file as text: each row's id as a string (the record keeps it) and its other fields copied
/// one after another into one reused character buffer, so that a batch is parsed without a string per field.
/// </summary>
/// <remarks>
/// Reused batch after batch (<see cref="Clear"/>): its arrays are allocated once for the whole read, and the texts of a batch
/// parsed already are overwritten by the next, never kept alive by it.
/// </remarks>
internal sealed class RowBuffer
{
    private readonly int _fields;
    private readonly string[] _ids;

    // Where each field ends in _text, row after row: field f of row r ends at _ends[r * _fields + f].
    private readonly int[] _ends;
    private char[] _text;

    /// <param name="rows">The most rows held at once.</param>
    /// <param name="fields">The fields of a row after its id.</param>
    public RowBuffer(int rows, int fields)
    {
        _fields = fields;
        _ids = new string[rows];
        _ends = new int[rows * fields];
        _text = new char[rows * fields * 16];
    }

    /// <summary>The rows held.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the reader's current row: its id column (column 0, its string shared with the duplicate check), then columns 1 to the number of fields.</summary>
    public void Add(StandardCsvReader reader)
    {
        var row = Count;
        _ids[row] = reader.CurrentId();
        var length = row == 0 ? 0 : _ends[(row * _fields) - 1];
        for (var f = 0; f < _fields; f++)
        {
            var field = reader.Span(f + 1);
            if (length + field.Length > _text.Length)
            {
                Array.Resize(ref _text, Math.Max(_text.Length * 2, length + field.Length));
            }

            field.CopyTo(_text.AsSpan(length));
            length += field.Length;
            _ends[(row * _fields) + f] = length;
        }

        Count++;
    }

    /// <summary>The id of row <paramref name="row"/>.</summary>
    public string Id(int row) => _ids[row];

    /// <summary>The text of field <paramref name="field"/> (0 is the first after the id) of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<char> Field(int row, int field)
    {
        var end = (row * _fields) + field;
        var start = end == 0 ? 0 : _ends[end - 1];
        return _text.AsSpan(start, _ends[end] - start);
    }

    /// <summary>Empties the buffer for the next batch (the ids are released: the records parsed from them hold them).</summary>
    public void Clear()
    {
        Array.Clear(_ids, 0, Count);
        Count = 0;
    }
}
