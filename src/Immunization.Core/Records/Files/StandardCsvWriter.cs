using System.Globalization;
using System.Text;
using Ardalis.GuardClauses;

namespace Immunization.Core.Records.Files;

/// <summary>
/// The one CSV writer of the project: the standard files, every file the tool writes and Reporting's CSV exports. RFC 4180:
/// comma-separated, CRLF line ends (as the standard files), a field quoted only when it holds a comma, a quote, a line
/// break, or leading or trailing spaces (quotes inside doubled); numbers in the invariant culture, formatted without making
/// a string.
/// </summary>
/// <remarks>
/// <para>
/// Over a <see cref="Stream"/> the text is UTF-8 without a byte-order mark and disposing the writer flushes and closes the
/// stream; over a <see cref="TextWriter"/> the fields are written to it as they come and disposing the writer leaves it open.
/// </para>
/// <para>Ids are written as they were read; the readers refuse an id holding a control character, so none is ever written raw.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: one writer per file, used by one thread at a time.</threadsafety>
public sealed class StandardCsvWriter : IDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private bool _atLineStart = true;

    /// <summary>Creates a writer of UTF-8 text (no byte-order mark) to a stream; disposing the writer closes the stream.</summary>
    /// <param name="stream">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public StandardCsvWriter(Stream stream)
    {
        Guard.Against.Null(stream);
        _writer = new StreamWriter(stream, s_utf8, bufferSize: 1 << 16);
        _ownsWriter = true;
    }

    /// <summary>Creates a writer to a text writer, which disposing this writer leaves open.</summary>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public StandardCsvWriter(TextWriter writer)
    {
        _writer = Guard.Against.Null(writer);
    }

    /// <summary>Formats a number as the writer does: the invariant culture and <paramref name="format"/> (e.g. <c>0.##</c>).</summary>
    /// <param name="value">The number.</param>
    /// <param name="format">The .NET number format.</param>
    /// <returns>The text.</returns>
    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Writes one field of the current row, quoted when it needs to be.</summary>
    /// <param name="value">The field; empty for a missing value.</param>
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

    /// <summary>Writes one field of the current row, quoted when it needs to be.</summary>
    /// <param name="value">The field; <see langword="null"/> writes an empty field.</param>
    public void Field(string? value) => Field(value.AsSpan());

    /// <summary>Writes a whole number (invariant culture), or an empty field for <see langword="null"/>.</summary>
    /// <param name="value">The number.</param>
    public void Field(int? value)
    {
        Span<char> buffer = stackalloc char[11];
        if (value is { } v && v.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
        {
            Field(buffer[..written]);
        }
        else
        {
            Field(ReadOnlySpan<char>.Empty);
        }
    }

    /// <summary>Writes a number in the invariant culture with <paramref name="format"/> (e.g. <c>0.##</c>).</summary>
    /// <param name="value">The number.</param>
    /// <param name="format">The .NET number format.</param>
    public void Field(double value, string format)
    {
        Span<char> buffer = stackalloc char[64];
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            Field(buffer[..written]);
        }
        else
        {
            Field(Number(value, format));
        }
    }

    /// <summary>Ends the current row (CRLF).</summary>
    public void EndRow()
    {
        _writer.Write("\r\n");
        _atLineStart = true;
    }

    /// <summary>Writes a whole row: the fields, then the line end.</summary>
    /// <param name="fields">The fields; a <see langword="null"/> field is written empty.</param>
    public void Row(params ReadOnlySpan<string?> fields)
    {
        foreach (var field in fields)
        {
            Field(field);
        }

        EndRow();
    }

    /// <summary>Writes a whole row: the fields, then the line end.</summary>
    /// <param name="fields">The fields.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is <see langword="null"/>.</exception>
    public void Row(IEnumerable<string> fields)
    {
        Guard.Against.Null(fields);
        foreach (var field in fields)
        {
            Field(field);
        }

        EndRow();
    }

    /// <summary>Flushes what was written to the underlying writer or stream.</summary>
    public void Flush() => _writer.Flush();

    /// <summary>Flushes and closes the stream of a writer created over a stream; a text writer given is left open.</summary>
    public void Dispose()
    {
        if (_ownsWriter)
        {
            _writer.Dispose();
        }
    }

    private static bool NeedsQuotes(ReadOnlySpan<char> value) =>
        !value.IsEmpty && (value.IndexOfAny(",\"\r\n") >= 0 || value[0] == ' ' || value[^1] == ' ');
}
