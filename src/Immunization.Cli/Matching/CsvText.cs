using System.Globalization;

namespace Immunization.Cli.Matching;

/// <summary>Writes CSV fields with RFC 4180 quoting, and numbers in the invariant culture.</summary>
internal static class CsvText
{
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Number(double value, string format = "0.####") => value.ToString(format, CultureInfo.InvariantCulture);

    public static void WriteRow(TextWriter writer, params ReadOnlySpan<string?> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Field(fields[i]));
        }

        writer.Write('\n');
    }
}
