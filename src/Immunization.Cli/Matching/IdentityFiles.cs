using Immunization.Matching.Linking;
using nietras.SeparatedValues;

namespace Immunization.Cli.Matching;

/// <summary>
/// Reads the identity columns of the project's standard files (<c>register.csv</c>, <c>records.csv</c>) by name, in batches,
/// parsing each batch's rows into <see cref="IdentityRecord"/>s on all cores.
/// </summary>
internal static class IdentityFiles
{
    private const int BatchSize = 65_536;

    private static readonly string[] s_columns =
        ["citizen_id", "full_name", "date_of_birth", "sex", "phone", "province_code", "commune_code", "admin_scheme", "nationality"];

    /// <summary>Reads <paramref name="path"/> batch by batch; <paramref name="idColumn"/> is <c>person_id</c> or <c>record_id</c>.</summary>
    public static IEnumerable<IdentityRecord[]> ReadBatches(string path, string idColumn)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: file not found.");
        }

        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        var header = reader.Header;
        var indexes = new int[s_columns.Length + 1];
        indexes[0] = IndexOf(header, idColumn, path, required: true);
        for (var c = 0; c < s_columns.Length; c++)
        {
            indexes[c + 1] = IndexOf(header, s_columns[c], path, required: false);
        }

        var width = indexes.Length;
        var rows = new string?[BatchSize * width];
        var count = 0;
        foreach (var row in reader)
        {
            for (var c = 0; c < width; c++)
            {
                rows[(count * width) + c] = indexes[c] < 0 ? null : row[indexes[c]].ToString();
            }

            if (string.IsNullOrWhiteSpace(rows[count * width]))
            {
                throw new CliInputException($"{path}: row {row.RowIndex + 1}: '{idColumn}' is empty.");
            }

            if (++count == BatchSize)
            {
                yield return Parse(rows, count, width);
                count = 0;
            }
        }

        if (count > 0)
        {
            yield return Parse(rows, count, width);
        }
    }

    private static IdentityRecord[] Parse(string?[] rows, int count, int width)
    {
        var batch = new IdentityRecord[count];
        Parallel.For(0, count, i =>
        {
            var o = i * width;
            batch[i] = IdentityRecord.FromText(rows[o]!, rows[o + 1], rows[o + 2], rows[o + 3], rows[o + 4], rows[o + 5], rows[o + 6],
                rows[o + 7], rows[o + 8], rows[o + 9]);
        });
        return batch;
    }

    private static int IndexOf(SepReaderHeader header, string column, string path, bool required)
    {
        for (var i = 0; i < header.ColNames.Count; i++)
        {
            if (header.ColNames[i] == column)
            {
                return i;
            }
        }

        if (required)
        {
            throw new CliInputException($"{path}: the header has no '{column}' column.");
        }

        return -1;
    }

    /// <summary>Reads <c>truth.csv</c> (<c>record_id,person_id</c>; empty person: not in the register).</summary>
    public static Dictionary<string, string?> ReadTruth(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: file not found.");
        }

        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        var record = IndexOf(reader.Header, "record_id", path, required: true);
        var person = IndexOf(reader.Header, "person_id", path, required: true);
        var truth = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            var p = row[person].ToString();
            truth[row[record].ToString()] = p.Length == 0 ? null : p;
        }

        return truth;
    }
}
