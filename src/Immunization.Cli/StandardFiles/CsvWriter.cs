using System.Text;

namespace Immunization.Cli.StandardFiles;

/// <summary>
/// Writes RFC 4180 CSV: UTF-8 without a byte-order mark, comma-separated, CRLF line ends, a field quoted only when it
/// holds a comma, a quote, a line break, or leading or trailing spaces (quotes inside doubled).
/// </summary>
internal sealed class CsvWriter : IDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TextWriter _writer;
    private bool _atLineStart = true;

    public CsvWriter(Stream stream)
    {
        _writer = new StreamWriter(stream, s_utf8, bufferSize: 1 << 16);
    }

    public void Field(ReadOnlySpan<char> value)
    {
        if (!_atLineStart)
        {
            _writer.Write(',');
        }

        _atLineStart = false;
        if (!NeedsQuotes(value))
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                _writer.Write('"');
            }

            _writer.Write(c);
        }

        _writer.Write('"');
    }

    public void Field(string? value) => Field(value.AsSpan());

    public void Field(int? value)
    {
        Span<char> buffer = stackalloc char[11];
        if (value is { } v && v.TryFormat(buffer, out var written, default, System.Globalization.CultureInfo.InvariantCulture))
        {
            Field(buffer[..written]);
        }
        else
        {
            Field(ReadOnlySpan<char>.Empty);
        }
    }

    public void EndRow()
    {
        _writer.Write("\r\n");
        _atLineStart = true;
    }

    public void Row(IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            Field(field);
        }

        EndRow();
    }

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    private static bool NeedsQuotes(ReadOnlySpan<char> value) =>
        !value.IsEmpty && (value.IndexOfAny(",\"\r\n") >= 0 || value[0] == ' ' || value[^1] == ' ');
}
