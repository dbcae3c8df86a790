using System.Globalization;
using Ardalis.GuardClauses;
using Immunization.Reporting.Coverage;

namespace Immunization.Reporting.Export;

/// <summary>Writes indicator rows as the tidy long CSV (UTF-8, <c>\n</c> line ends, RFC 4180 quoting, rows in the order given).</summary>
public static class TidyCsvWriter
{
    /// <summary>The header line's columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["indicator", "scheme", "unit_code", "unit_name", "period", "disaggregation", "numerator", "denominator", "value", "flags"];

    /// <summary>Writes the header and the rows.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="writer">Where to write; not closed.</param>
    public static void Write(IEnumerable<IndicatorRow> rows, TextWriter writer)
    {
        Guard.Against.Null(rows);
        Guard.Against.Null(writer);
        writer.Write(string.Join(',', Columns));
        writer.Write('\n');
        foreach (var row in rows)
        {
            Field(writer, row.Indicator);
            writer.Write(',');
            Field(writer, row.Scheme);
            writer.Write(',');
            Field(writer, row.UnitCode);
            writer.Write(',');
            Field(writer, row.UnitName);
            writer.Write(',');
            Field(writer, row.Period);
            writer.Write(',');
            Field(writer, row.Disaggregation);
            writer.Write(',');
            writer.Write(row.Figure.Numerator.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(TidyFormat.Denominator(row.Figure));
            writer.Write(',');
            writer.Write(TidyFormat.Value(row.Figure));
            writer.Write(',');
            writer.Write(TidyFormat.Flags(row.Figure.Flags));
            writer.Write('\n');
        }
    }

    /// <summary>Writes one field, quoted when it holds a comma, a quote or a line break.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="value">The field.</param>
    internal static void Field(TextWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
