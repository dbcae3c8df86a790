using System.Text.Json.Serialization;

namespace Immunization.Reporting.Export;

/// <summary>A DHIS2 <c>dataValueSets</c> payload (values as strings, period and org unit per value).</summary>
internal sealed record Dhis2DataValueSet(
    [property: JsonPropertyName("dataSet")] string? DataSet,
    [property: JsonPropertyName("dataValues")] IReadOnlyList<Dhis2DataValue> DataValues);
