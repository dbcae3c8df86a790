using System.Buffers;

namespace Immunization.Core.Records.Files;

/// <summary>
/// Splits a text into CSV rows and fields (RFC 4180: comma separator, double quotes, CRLF, LF or CR line endings, a leading
/// byte-order mark skipped; optionally spaces around fields trimmed) over one reusable buffer: a field is a span of that buffer, or of a scratch buffer when it was
/// quoted; no string is made unless the caller makes one.
/// </summary>
/// <remarks>
/// Quotes are read as the common readers do: every quote toggles quoting, wherever it stands, so a separator or line end
/// between two quotes is text; a field that starts with a quote is unescaped (its enclosing quotes dropped, a doubled quote
/// read as one); other fields are kept as written. A quote never closed makes the rest of the text one row: the callers
/// refuse a row with an odd number of quotes (<see cref="RawRow"/>).
/// </remarks>
internal sealed class CsvRowParser
{
    /// <summary>A row longer than this (16 Mi characters) is refused: it is almost surely a quote never closed.</summary>
    public const int MaxRowLength = 16 * 1024 * 1024;

    private static readonly SearchValues<char> s_special = SearchValues.Create(",\"\r\n");

    private readonly TextReader _reader;
    private readonly string _file;
    private readonly bool _trim;
    private char[] _buffer = new char[1 << 16];
    private int _end;
    private int _next;
    private bool _eof;
    private bool _started;
    private int _rowStart;
    private int _rowEnd;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private bool[] _unescaped = new bool[16];
    private char[] _scratch = new char[256];
    private int _scratchUsed;

    public CsvRowParser(TextReader reader, string file, bool trim)
    {
        _reader = reader;
        _file = file;
        _trim = trim;
    }

    private enum Step
    {
        Row,
        More,
        End,
    }

    /// <summary>How many rows have been read (the current row's 1-based number).</summary>
    public int RowNumber { get; private set; }

    /// <summary>The current row's number of fields.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The current row as written, without its line ending.</summary>
    public ReadOnlySpan<char> RawRow => _buffer.AsSpan(_rowStart, _rowEnd - _rowStart);

    /// <summary>Whether the current row is an empty line or only spaces.</summary>
    public bool IsBlank => FieldCount == 1 && RawRow.Trim().IsEmpty;

    /// <summary>The <paramref name="index"/>th field of the current row, unescaped (empty past the row's end).</summary>
    public ReadOnlySpan<char> this[int index] =>
        index >= FieldCount ? default : FieldSpan(index);

    /// <summary>Moves to the next row; <see langword="false"/> at the end of the text.</summary>
    /// <exception cref="StandardFileException">The row is longer than <see cref="MaxRowLength"/>.</exception>
    public bool MoveNext()
    {
        while (true)
        {
            switch (Parse())
            {
                case Step.Row:
                    RowNumber++;
                    return true;
                case Step.End:
                    return false;
                default:
                    Fill();
                    break;
            }
        }
    }

    private Step Parse()
    {
        var end = _end;
        var pos = _next;
        if (pos == end)
        {
            return _eof ? Step.End : Step.More;
        }

        FieldCount = 0;
        _scratchUsed = 0;
        var fieldStart = pos;
        var inQuotes = false;
        while (true)
        {
            var rest = _buffer.AsSpan(pos, end - pos);
            var i = inQuotes ? rest.IndexOf('"') : rest.IndexOfAny(s_special);
            if (i < 0)
            {
                if (!_eof)
                {
                    return More();
                }

                AddField(fieldStart, end);
                return EndRow(end, end);
            }

            pos += i;
            var c = _buffer[pos];
            if (c == '"')
            {
                inQuotes = !inQuotes;
                pos++;
            }
            else if (c == ',')
            {
                AddField(fieldStart, pos);
                fieldStart = ++pos;
            }
            else if (c == '\r' && pos + 1 == end && !_eof)
            {
                // A CR at the end of the buffer: the LF that may follow is not read yet.
                return More();
            }
            else
            {
                AddField(fieldStart, pos);
                var next = c == '\r' && pos + 1 < end && _buffer[pos + 1] == '\n' ? pos + 2 : pos + 1;
                return EndRow(pos, next);
            }
        }
    }

    private Step More()
    {
        CheckLength(_end);
        return Step.More;
    }

    private void CheckLength(int rowEnd)
    {
        if (rowEnd - _next > MaxRowLength)
        {
            throw new StandardFileException(_file, RowNumber + 1, null,
                "the row is longer than the reader's limit of 16,777,216 characters (or has more columns than it supports); " +
                "if no such row should exist, look for a quote that is not closed");
        }
    }

    private Step EndRow(int rowEnd, int next)
    {
        CheckLength(rowEnd);
        _rowStart = _next;
        _rowEnd = rowEnd;
        _next = next;
        return Step.Row;
    }

    /// <summary>Adds the field written from <paramref name="start"/> to <paramref name="end"/>, unescaping it when it is quoted.</summary>
    private void AddField(int start, int end)
    {
        if (_trim)
        {
            while (start < end && _buffer[start] == ' ')
            {
                start++;
            }
        }

        var quoted = start < end && _buffer[start] == '"';
        var n = FieldCount;
        if (n == _starts.Length)
        {
            Array.Resize(ref _starts, n * 2);
            Array.Resize(ref _lengths, n * 2);
            Array.Resize(ref _unescaped, n * 2);
        }

        if (quoted)
        {
            _unescaped[n] = true;
            _starts[n] = _scratchUsed;
            _lengths[n] = Unescape(_buffer.AsSpan(start + 1, end - start - 1));
        }
        else
        {
            _unescaped[n] = false;
            _starts[n] = start;
            _lengths[n] = end - start;
        }

        if (_trim)
        {
            // Spaces inside the quotes too, as outside them.
            var field = FieldSpan(n);
            var trimmed = field.TrimStart(' ');
            _starts[n] += field.Length - trimmed.Length;
            _lengths[n] = trimmed.TrimEnd(' ').Length;
        }

        FieldCount = n + 1;
    }

    private ReadOnlySpan<char> FieldSpan(int n) =>
        _unescaped[n] ? _scratch.AsSpan(_starts[n], _lengths[n]) : _buffer.AsSpan(_starts[n], _lengths[n]);

    /// <summary>Copies a quoted field (its opening quote already dropped) into the scratch buffer; returns its length.</summary>
    private int Unescape(ReadOnlySpan<char> field)
    {
        if (_scratch.Length - _scratchUsed < field.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchUsed + field.Length));
        }

        var to = _scratch.AsSpan(_scratchUsed);
        var length = 0;
        var inQuotes = true;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (c != '"')
            {
                to[length++] = c;
            }
            else if (inQuotes && i + 1 < field.Length && field[i + 1] == '"')
            {
                to[length++] = '"';
                i++;
            }
            else
            {
                inQuotes = !inQuotes;
            }
        }

        _scratchUsed += length;
        return length;
    }

    private void Fill()
    {
        if (_next > 0)
        {
            Array.Copy(_buffer, _next, _buffer, 0, _end - _next);
            _end -= _next;
            _next = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return;
        }

        _end += read;
        if (!_started)
        {
            _started = true;
            if (_buffer[0] == '\uFEFF')
            {
                _next = 1;
            }
        }
    }
}
