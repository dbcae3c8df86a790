using System.Text;

namespace Immunization.Cli.StandardFiles;

/// <summary>
/// The one CSV writer of the tool (every file every command writes): RFC 4180, UTF-8 without a byte-order mark,
/// comma-separated, CRLF line ends (as the standard files), a field quoted only when it holds a comma, a quote, a line
/// break, or leading or trailing spaces (quotes inside doubled); numbers in the invariant culture, formatted without
/// making a string.
/// </summary>
/// <remarks>
/// Ids are copied into output files as they were read; the readers refuse an id holding a control character (NUL, escape,
/// ...) at its file, row and column, so none is ever written raw.
/// </remarks>
internal sealed class CsvWriter : IDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TextWriter _writer;
    private bool _atLineStart = true;

    /// <summary>Creates (or replaces) the file at <paramref name="path"/> and writes to it.</summary>
    public CsvWriter(string path)
        : this(File.Create(path))
    {
    }

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

    /// <summary>Writes a number in the invariant culture with <paramref name="format"/> (e.g. <c>0.##</c>).</summary>
    public void Field(double value, string format)
    {
        Span<char> buffer = stackalloc char[64];
        if (value.TryFormat(buffer, out var written, format, System.Globalization.CultureInfo.InvariantCulture))
        {
            Field(buffer[..written]);
        }
        else
        {
            Field(Number(value, format));
        }
    }

    /// <summary>A number as the writer formats it (invariant culture).</summary>
    public static string Number(double value, string format) => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    public void EndRow()
    {
        _writer.Write("\r\n");
        _atLineStart = true;
    }

    public void Row(params ReadOnlySpan<string?> fields)
    {
        foreach (var field in fields)
        {
            Field(field);
        }

        EndRow();
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
