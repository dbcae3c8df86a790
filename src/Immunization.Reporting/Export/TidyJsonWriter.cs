using System.Globalization;
using System.Text.Json;
using Ardalis.GuardClauses;
using Immunization.Reporting.Coverage;

namespace Immunization.Reporting.Export;

/// <summary>Writes indicator rows as a JSON array (UTF-8, indented, rows in the order given, values rounded to 4 decimals).</summary>
public static class TidyJsonWriter
{
    /// <summary>Writes the rows.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="stream">Where to write; not closed.</param>
    public static void Write(IEnumerable<IndicatorRow> rows, Stream stream)
    {
        Guard.Against.Null(rows);
        Guard.Against.Null(stream);
        var list = rows.Select(r => new TidyJsonRow(
            r.Indicator,
            r.Scheme,
            r.UnitCode,
            r.UnitName,
            r.Period,
            r.Disaggregation,
            r.Figure.Numerator,
            r.Figure.Denominator,
            r.Figure.Value is null ? null : decimal.Parse(TidyFormat.Value(r.Figure), CultureInfo.InvariantCulture),
            TidyFormat.Flags(r.Figure.Flags) is { Length: > 0 } f ? f.Split('|') : [])).ToList();
        JsonSerializer.Serialize(stream, list, ReportingJsonContext.Default.ListTidyJsonRow);
    }
}
