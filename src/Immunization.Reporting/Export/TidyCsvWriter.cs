using System.Globalization;
using Ardalis.GuardClauses;
using Immunization.Core.Records.Files;
using Immunization.Reporting.Coverage;

namespace Immunization.Reporting.Export;

/// <summary>
/// Writes indicator rows as the tidy long CSV, with the project's one CSV writer (<see cref="StandardCsvWriter"/>: RFC 4180
/// quoting, CRLF line ends), rows in the order given.
/// </summary>
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
        using var csv = new StandardCsvWriter(writer);
        csv.Row(Columns);
        foreach (var row in rows)
        {
            csv.Field(row.Indicator);
            csv.Field(row.Scheme);
            csv.Field(row.UnitCode);
            csv.Field(row.UnitName);
            csv.Field(row.Period);
            csv.Field(row.Disaggregation);
            csv.Field(row.Figure.Numerator.ToString(CultureInfo.InvariantCulture));
            csv.Field(TidyFormat.Denominator(row.Figure));
            csv.Field(TidyFormat.Value(row.Figure));
            csv.Field(TidyFormat.Flags(row.Figure.Flags));
            csv.EndRow();
        }
    }
}
