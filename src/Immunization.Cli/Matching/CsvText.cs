using System.Globalization;

namespace Immunization.Cli.Matching;

/// <summary>Writes CSV fields with RFC 4180 quoting, and numbers in the invariant culture.</summary>
internal static class CsvText
{
    public static string Number(double value, string format = "0.####") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Writes one field, quoted when it needs to be, without making a string.</summary>
    public static void WriteField(TextWriter writer, ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                writer.Write('"');
            }

            writer.Write(c);
        }

        writer.Write('"');
    }

    /// <summary>Writes a number in the invariant culture without making a string.</summary>
    public static void WriteNumber(TextWriter writer, double value, string format)
    {
        Span<char> buffer = stackalloc char[64];
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            writer.Write(buffer[..written]);
        }
        else
        {
            writer.Write(Number(value, format));
        }
    }

    public static void WriteRow(TextWriter writer, params ReadOnlySpan<string?> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteField(writer, fields[i]);
        }

        writer.Write('\n');
    }
}
