using System.Text.Json.Serialization;

namespace Immunization.Reporting.Export;

/// <summary>Maps one indicator and disaggregation of the tidy table to a DHIS2 data element and category option combo.</summary>
public sealed class Dhis2ElementMapping
{
    /// <summary>The indicator (for example <c>people_1plus</c>).</summary>
    [JsonPropertyName("indicator")]
    public required string Indicator { get; init; }

    /// <summary>The disaggregation (for example <c>age:18+</c> or <c>all</c>).</summary>
    [JsonPropertyName("disaggregation")]
    public required string Disaggregation { get; init; }

    /// <summary>The DHIS2 data element (uid or code).</summary>
    [JsonPropertyName("dataElement")]
    public required string DataElement { get; init; }

    /// <summary>The DHIS2 category option combo, or <see langword="null"/> for the default.</summary>
    [JsonPropertyName("categoryOptionCombo")]
    public string? CategoryOptionCombo { get; init; }
}
