using System.Text.Json;
using System.Text.Json.Serialization;
using Ardalis.GuardClauses;

namespace Immunization.Reporting.Export;

/// <summary>
/// How the tidy table maps to DHIS2: data set, data elements and category option combos per indicator and
/// disaggregation, and org units per unit code. Only counts are sent (a proportion's numerator); DHIS2 computes its own
/// indicators from counts.
/// </summary>
public sealed class Dhis2Mapping
{
    /// <summary>The data set, or <see langword="null"/>.</summary>
    [JsonPropertyName("dataSet")]
    public string? DataSet { get; init; }

    /// <summary>The attribute option combo, or <see langword="null"/> for the default.</summary>
    [JsonPropertyName("attributeOptionCombo")]
    public string? AttributeOptionCombo { get; init; }

    /// <summary>The data elements; rows with no mapping are not sent.</summary>
    [JsonPropertyName("dataElements")]
    public IReadOnlyList<Dhis2ElementMapping> DataElements { get; init; } = [];

    /// <summary>Org units by unit code; a code not listed is sent as itself (for <c>idScheme=CODE</c>) unless <see cref="UnmappedUnitsAsCode"/> is off.</summary>
    [JsonPropertyName("orgUnits")]
    public IReadOnlyDictionary<string, string> OrgUnits { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether a unit code with no org unit is sent as itself (otherwise its rows are not sent).</summary>
    [JsonPropertyName("unmappedUnitsAsCode")]
    public bool UnmappedUnitsAsCode { get; init; } = true;

    /// <summary>Reads a mapping from JSON.</summary>
    /// <param name="stream">The JSON.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="JsonException">The JSON is not a mapping.</exception>
    public static Dhis2Mapping Read(Stream stream)
    {
        Guard.Against.Null(stream);
        var mapping = JsonSerializer.Deserialize(stream, ReportingJsonContext.Default.Dhis2Mapping)
            ?? throw new JsonException("The DHIS2 mapping is empty (null).");

        // JSON may say null where the model has a default, or leave required values null: refuse it here, not later.
        if (mapping.DataElements is null || mapping.OrgUnits is null)
        {
            throw new JsonException("The DHIS2 mapping needs 'dataElements' (a list) and 'orgUnits' (an object), not null.");
        }

        for (var i = 0; i < mapping.DataElements.Count; i++)
        {
            if (mapping.DataElements[i] is not { Indicator: not null, Disaggregation: not null, DataElement: not null })
            {
                throw new JsonException($"The DHIS2 mapping's dataElements[{i}] needs 'indicator', 'disaggregation' and 'dataElement'.");
            }
        }

        return mapping;
    }
}
