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
            var (tableIds, tableValues) = plan.ColumnSets[f].Length == 1
                ? tables[t].ColumnData(ColumnIndex(plan, f, tables, t, plan.Columns[f]))
                : Combine(plan, f, tables, t);
            // Map the table's own value ids to the field's shared ids: normalisation runs once per distinct value.
            var map = new int[tableValues.Count];
            for (var v = 0; v < map.Length; v++)
            {
                var normalized = plan.ColumnSets[f].Length == 1 ? Normalize(tableValues[v], plan.Normalizations[f]) : tableValues[v];
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

    /// <summary>Separates the columns' values in the value of a field that reads several columns.</summary>
    internal const char ColumnSeparator = '\u001F';

    private static int ColumnIndex(MatchPlan plan, int f, IReadOnlyList<RecordTable> tables, int t, string name)
    {
        var column = tables[t].IndexOf(name);
        if (column < 0)
        {
            throw new ArgumentException($"Field '{plan.Names[f]}' reads column '{name}', which input {t + 1} does not have.", nameof(tables));
        }

        return column;
    }

    /// <summary>
    /// The value ids of a field that reads several columns: one id per distinct combination of the columns' value ids,
    /// found pairwise column by column without building a string per record; the value of each combination, its columns'
    /// normalised values joined by <see cref="ColumnSeparator"/> (empty when all are empty), is built once.
    /// </summary>
    private static (ReadOnlyMemory<int> Ids, List<string> Values) Combine(MatchPlan plan, int f, IReadOnlyList<RecordTable> tables, int t)
    {
        var set = plan.ColumnSets[f];
        var data = new (ReadOnlyMemory<int> Ids, List<string> Values)[set.Length];
        for (var c = 0; c < set.Length; c++)
        {
            data[c] = tables[t].ColumnData(ColumnIndex(plan, f, tables, t, set[c]));
        }

        var rows = data[0].Ids.Length;
        var combined = data[0].Ids.ToArray();
        // The value ids (per column so far) of each combination, flattened: combination k's are at k * width.
        var previousParts = new List<int>();
        var width = 1;
        var distinct = data[0].Values.Count + 1; // ids from -1: shift by one
        for (var k = 0; k < distinct; k++)
        {
            previousParts.Add(k - 1);
        }

        for (var r = 0; r < rows; r++)
        {
            combined[r]++;
        }

        for (var c = 1; c < set.Length; c++)
        {
            var next = new Dictionary<(int, int), int>();
            var nextParts = new List<int>();
            var column = data[c].Ids.Span;
            for (var r = 0; r < rows; r++)
            {
                var pair = (combined[r], column[r]);
                if (!next.TryGetValue(pair, out var id))
                {
                    id = next.Count;
                    next.Add(pair, id);
                    for (var i = 0; i < width; i++)
                    {
                        nextParts.Add(previousParts[(pair.Item1 * width) + i]);
                    }

                    nextParts.Add(column[r]);
                }

                combined[r] = id;
            }

            previousParts = nextParts;
            width++;
            distinct = next.Count;
        }

        var texts = new string[distinct];
        var normalized = new string[set.Length];
        for (var k = 0; k < distinct; k++)
        {
            var any = false;
            for (var c = 0; c < set.Length; c++)
            {
                var v = previousParts[(k * width) + c];
                normalized[c] = v < 0 ? "" : Normalize(data[c].Values[v], plan.Normalizations[f]);
                any |= normalized[c].Length > 0;
            }

            texts[k] = any ? string.Join(ColumnSeparator, normalized) : "";
        }

        return (combined, [.. texts]);
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
