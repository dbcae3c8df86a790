using System.Globalization;
using Immunization.Matching.Comparators;
using Immunization.Matching.Configuration;
using Immunization.Matching.Linking;

namespace Immunization.Matching.Scoring;

/// <summary>
/// The values of one compared field across one or two tables, normalised and interned once: a value id per record,
/// and per distinct value its text, its occurrence count and (for dates and numbers) its parsed form.
/// </summary>
internal sealed class FieldData
{
    private FieldData(string[] values, int[] counts, int[][] ids)
    {
        Values = values;
        Counts = counts;
        Ids = ids;
    }

    /// <summary>Normalised distinct values, indexed by value id.</summary>
    public string[] Values { get; }

    /// <summary>Occurrences of each value over all tables.</summary>
    public int[] Counts { get; }

    /// <summary>Value id per record, per table (-1 when missing).</summary>
    public int[][] Ids { get; }

    /// <summary>Packed date per value (<see cref="DateKey"/>), or <see cref="DateKey.Invalid"/>; only for date fields.</summary>
    public int[] Dates { get; private init; } = [];

    /// <summary>Parsed number per value, NaN when not a number; only for number fields.</summary>
    public double[] Numbers { get; private init; } = [];

    /// <summary>Number of non-missing values in each table.</summary>
    public int[] Present { get; private init; } = [];

    public static FieldData[] Build(MatchPlan plan, IReadOnlyList<RecordTable> tables)
    {
        var result = new FieldData[plan.Names.Length];
        for (var f = 0; f < result.Length; f++)
        {
            result[f] = Build(plan, f, tables);
        }

        return result;
    }

    private static FieldData Build(MatchPlan plan, int f, IReadOnlyList<RecordTable> tables)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<string>();
        var counts = new List<int>();
        var ids = new int[tables.Count][];
        var present = new int[tables.Count];
        for (var t = 0; t < tables.Count; t++)
        {
            var column = tables[t].IndexOf(plan.Columns[f]);
            if (column < 0)
            {
                throw new ArgumentException(
                    $"Field '{plan.Names[f]}' reads column '{plan.Columns[f]}', which input {t + 1} does not have.", nameof(tables));
            }

            var (tableIds, tableValues) = tables[t].ColumnData(column);
            // Map the table's own value ids to the field's shared ids: normalisation runs once per distinct value.
            var map = new int[tableValues.Count];
            for (var v = 0; v < map.Length; v++)
            {
                var normalized = Normalize(tableValues[v], plan.Normalizations[f]);
                if (normalized.Length == 0)
                {
                    map[v] = -1;
                    continue;
                }

                if (!index.TryGetValue(normalized, out var id))
                {
                    id = values.Count;
                    index.Add(normalized, id);
                    values.Add(normalized);
                    counts.Add(0);
                }

                map[v] = id;
            }

            var source = tableIds.Span;
            var target = new int[source.Length];
            for (var r = 0; r < source.Length; r++)
            {
                var id = source[r] < 0 ? -1 : map[source[r]];
                target[r] = id;
                if (id >= 0)
                {
                    counts[id]++;
                    present[t]++;
                }
            }

            ids[t] = target;
        }

        var valueArray = values.ToArray();
        return new FieldData(valueArray, counts.ToArray(), ids)
        {
            Present = present,
            Dates = plan.Formats[f] == ValueFormat.Date ? Array.ConvertAll(valueArray, v => DateKey.Parse(v)) : [],
            Numbers = plan.Formats[f] == ValueFormat.Number
                ? Array.ConvertAll(valueArray, v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN)
                : [],
        };
    }

    internal static string Normalize(string value, Normalization normalization)
    {
        switch (normalization)
        {
            case Normalization.LowerCase:
                return value.Trim().ToLowerInvariant();
            case Normalization.Alphanumeric:
                Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
                var n = 0;
                foreach (var c in value)
                {
                    if (char.IsLetterOrDigit(c))
                    {
                        buffer[n++] = char.ToLowerInvariant(c);
                    }
                }

                return new string(buffer[..n]);
            default:
                return value.Trim();
        }
    }
}
