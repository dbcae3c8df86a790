using System.Text.Json.Serialization;

namespace Immunization.Reporting.Export;

/// <summary>One DHIS2 data value.</summary>
internal sealed record Dhis2DataValue(
    [property: JsonPropertyName("dataElement")] string DataElement,
    [property: JsonPropertyName("categoryOptionCombo")] string? CategoryOptionCombo,
    [property: JsonPropertyName("attributeOptionCombo")] string? AttributeOptionCombo,
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("orgUnit")] string OrgUnit,
    [property: JsonPropertyName("value")] string Value);
