using System.Globalization;
using System.Text.Json;
using Ardalis.GuardClauses;
using Immunization.Reporting.Coverage;

namespace Immunization.Reporting.Export;

/// <summary>Writes indicator rows as a DHIS2 <c>dataValueSets</c> JSON payload: counts only, in the rows' order.</summary>
public static class Dhis2Writer
{
    /// <summary>Writes the rows the mapping covers.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="mapping">The mapping.</param>
    /// <param name="stream">Where to write; not closed.</param>
    /// <returns>How many data values were written.</returns>
    public static int Write(IEnumerable<IndicatorRow> rows, Dhis2Mapping mapping, Stream stream)
    {
        Guard.Against.Null(rows);
        Guard.Against.Null(mapping);
        Guard.Against.Null(stream);
        var elements = new Dictionary<(string, string), Dhis2ElementMapping>();
        foreach (var e in mapping.DataElements)
        {
            elements.TryAdd((e.Indicator, e.Disaggregation), e);
        }

        var values = new List<Dhis2DataValue>();
        foreach (var row in rows)
        {
            if (!elements.TryGetValue((row.Indicator, row.Disaggregation), out var element))
            {
                continue;
            }

            if (!mapping.OrgUnits.TryGetValue(row.UnitCode, out var orgUnit))
            {
                if (!mapping.UnmappedUnitsAsCode)
                {
                    continue;
                }

                orgUnit = row.UnitCode;
            }

            values.Add(new Dhis2DataValue(
                element.DataElement,
                element.CategoryOptionCombo,
                mapping.AttributeOptionCombo,
                row.Period,
                orgUnit,
                row.Figure.Numerator.ToString(CultureInfo.InvariantCulture)));
        }

        JsonSerializer.Serialize(stream, new Dhis2DataValueSet(mapping.DataSet, values), ReportingJsonContext.Default.Dhis2DataValueSet);
        return values.Count;
    }
}
