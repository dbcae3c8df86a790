using System.Text.Json.Serialization;

namespace Immunization.Reporting.Export;

/// <summary>A row of the tidy JSON: the CSV's columns, numbers as numbers, flags as a list.</summary>
internal sealed record TidyJsonRow(
    [property: JsonPropertyName("indicator")] string Indicator,
    [property: JsonPropertyName("scheme")] string Scheme,
    [property: JsonPropertyName("unitCode")] string UnitCode,
    [property: JsonPropertyName("unitName")] string UnitName,
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("disaggregation")] string Disaggregation,
    [property: JsonPropertyName("numerator")] long Numerator,
    [property: JsonPropertyName("denominator")] long? Denominator,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("flags")] IReadOnlyList<string> Flags);
