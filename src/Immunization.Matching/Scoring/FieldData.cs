using System.Globalization;
using Immunization.Matching.Comparators;
using Immunization.Matching.Configuration;
using Immunization.Matching.Tables;

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
        var rows = 0;
        foreach (var table in tables)
        {
            rows += table.Count;
        }

        // One interner for all fields: a field has at most one distinct value per record.
        var interner = new ValueInterner(rows);
        var result = new FieldData[plan.Names.Length];
        for (var f = 0; f < result.Length; f++)
        {
            result[f] = Build(plan, f, tables, interner);
        }

        return result;
    }

    /// <summary>
    /// Normalises each record's value of the field into a buffer and interns it, so that a string is made only per distinct
    /// value; a field that reads several columns has as value its columns' normalised values joined by
    /// <see cref="ColumnSeparator"/>, missing only when all are empty.
    /// </summary>
    private static FieldData Build(MatchPlan plan, int f, IReadOnlyList<RecordTable> tables, ValueInterner interner)
    {
        interner.Clear();
        var set = plan.ColumnSets[f];
        var normalization = plan.Normalizations[f];
        var keyedOnFirst = plan.KeyedOnFirstColumn(f);
        var counts = new int[interner.Capacity];
        var ids = new int[tables.Count][];
        var present = new int[tables.Count];
        var buffer = new char[256];
        var scratch = new char[256];
        var columns = new int[set.Length];
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            for (var c = 0; c < set.Length; c++)
            {
                columns[c] = ColumnIndex(plan, f, tables, t, set[c]);
            }

            var target = new int[table.Count];
            for (var r = 0; r < target.Length; r++)
            {
                var value = set.Length == 1
                    ? Normalize(table.Value(r, columns[0]), normalization, ref buffer)
                    : keyedOnFirst && table.Value(r, columns[0]).IsWhiteSpace()
                        ? []
                        : Join(table, r, columns, normalization, ref buffer, ref scratch);
                if (value.IsEmpty)
                {
                    target[r] = -1;
                    continue;
                }

                var id = interner.Intern(value);
                target[r] = id;
                counts[id]++;
                present[t]++;
            }

            ids[t] = target;
        }

        var valueArray = interner.ToArray();
        return new FieldData(valueArray, counts.AsSpan(0, valueArray.Length).ToArray(), ids)
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

    /// <summary>The columns' normalised values joined by <see cref="ColumnSeparator"/>, or empty when all are empty.</summary>
    private static ReadOnlySpan<char> Join(RecordTable table, int record, int[] columns, Normalization normalization, ref char[] buffer,
        ref char[] scratch)
    {
        var length = 0;
        var any = false;
        for (var c = 0; c < columns.Length; c++)
        {
            var value = Normalize(table.Value(record, columns[c]), normalization, ref scratch);
            any |= !value.IsEmpty;
            var needed = length + value.Length + 1;
            if (needed > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
            }

            if (c > 0)
            {
                buffer[length++] = ColumnSeparator;
            }

            value.CopyTo(buffer.AsSpan(length));
            length += value.Length;
        }

        return any ? buffer.AsSpan(0, length) : [];
    }

    /// <summary>A value normalised as the field says; the result is the value itself or lies in <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> value, Normalization normalization, ref char[] buffer)
    {
        value = value.Trim();
        if (normalization == Normalization.Trim || value.IsEmpty)
        {
            return value;
        }

        if (value.Length > buffer.Length)
        {
            buffer = new char[Math.Max(value.Length, buffer.Length * 2)];
        }

        if (normalization == Normalization.LowerCase)
        {
            return buffer.AsSpan(0, value.ToLowerInvariant(buffer));
        }

        var n = 0;
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return buffer.AsSpan(0, n);
    }
}
