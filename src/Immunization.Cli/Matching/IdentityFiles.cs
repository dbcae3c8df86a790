using System.Globalization;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Records;
using nietras.SeparatedValues;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Cli.Matching;

/// <summary>
/// Reads the identity columns of the project's standard files (<c>register.csv</c>, <c>records.csv</c>) by name, in batches,
/// parsing each batch's rows into <see cref="IdentityRecord"/>s on all cores.
/// </summary>
/// <remarks>
/// The file's structure is checked strictly (every identity column present, every row as wide as the header, each id once),
/// each value leniently: a value that does not parse is counted in <see cref="IdentityFileStats"/> and read as missing.
/// Errors name the file, the row and the column, never a value: rows hold personal data.
/// </remarks>
internal static class IdentityFiles
{
    private const int BatchSize = 65_536;

    /// <summary>The identity columns read, in <see cref="IdentityRecord.FromText"/> order.</summary>
    private static readonly string[] s_columns =
        ["citizen_id", "full_name", "date_of_birth", "sex", "phone", "province_code", "commune_code", "admin_scheme", "nationality"];

    /// <summary>Reads <paramref name="path"/> batch by batch; <paramref name="idColumn"/> is <c>person_id</c> or <c>record_id</c>.</summary>
    public static IEnumerable<IdentityRecord[]> ReadBatches(string path, string idColumn, IdentityFileStats stats)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: file not found.");
        }

        var file = Path.GetFileName(path);
        using var reader = Open(path);
        var header = CsvInput.ReadHeader(reader, file);
        var indexes = new int[s_columns.Length + 1];
        var missing = new List<string>();
        indexes[0] = IndexOf(header, idColumn, missing);
        for (var c = 0; c < s_columns.Length; c++)
        {
            indexes[c + 1] = IndexOf(header, s_columns[c], missing);
        }

        if (missing.Count > 0)
        {
            throw new CliInputException($"{path}: the header has no {string.Join(", ", missing.Select(m => "'" + m + "'"))} " +
                $"column{(missing.Count == 1 ? "" : "s")}; the identity columns are {idColumn},{string.Join(',', s_columns)}.");
        }

        var width = indexes.Length;
        var columnCount = header.Length;
        var rows = new string?[BatchSize * width];
        var rowNumbers = new int[BatchSize];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        var lastRow = 1;
        while (CsvInput.NextRow(reader, file, ref lastRow))
        {
            var row = reader.Current;

            CsvInput.CheckWidth(row, columnCount, file);
            for (var c = 0; c < width; c++)
            {
                rows[(count * width) + c] = row[indexes[c]].ToString();
            }

            var id = rows[count * width];
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new CliInputException($"{file}, row {lastRow}: '{idColumn}' is empty.");
            }

            if (!seen.TryAdd(id, lastRow))
            {
                throw new CliInputException($"{file}, rows {seen[id]} and {lastRow}: the same {idColumn}; each must appear once.");
            }

            rowNumbers[count] = lastRow;
            if (++count == BatchSize)
            {
                yield return Parse(rows, count, width, stats);
                count = 0;
            }
        }

        if (count > 0)
        {
            yield return Parse(rows, count, width, stats);
        }
    }

    private static SepReader Open(string path) =>
        // No header and no column-count check by Sep: its messages quote the row (personal data); CsvInput checks both.
        CsvInput.Open(() => Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true })
            .FromFile(path), Path.GetFileName(path));

    private static IdentityRecord[] Parse(string?[] rows, int count, int width, IdentityFileStats stats)
    {
        var batch = new IdentityRecord[count];
        Parallel.For(0, count, i =>
        {
            var o = i * width;
            batch[i] = IdentityRecord.FromText(rows[o]!, rows[o + 1], rows[o + 2], rows[o + 3], rows[o + 4], rows[o + 5], rows[o + 6],
                rows[o + 7], rows[o + 8], rows[o + 9]);
        });
        stats.Add(batch);
        return batch;
    }

    private static int IndexOf(string[] header, string column, List<string> missing)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] == column)
            {
                return i;
            }
        }

        missing.Add(column);
        return -1;
    }

    /// <summary>Reads <c>truth.csv</c> (<c>record_id,person_id</c>; empty person: not in the register).</summary>
    public static Dictionary<string, string?> ReadTruth(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: file not found.");
        }

        var file = Path.GetFileName(path);
        using var reader = Open(path);
        var header = CsvInput.ReadHeader(reader, file);
        var missing = new List<string>();
        var record = IndexOf(header, "record_id", missing);
        var person = IndexOf(header, "person_id", missing);
        if (missing.Count > 0)
        {
            throw new CliInputException($"{path}: the header has no {string.Join(", ", missing.Select(m => "'" + m + "'"))} column.");
        }

        var columnCount = header.Length;
        var truth = new Dictionary<string, string?>(StringComparer.Ordinal);
        var lastRow = 1;
        while (CsvInput.NextRow(reader, file, ref lastRow))
        {
            var row = reader.Current;

            CsvInput.CheckWidth(row, columnCount, file);

            var p = row[person].ToString();
            truth[row[record].ToString()] = p.Length == 0 ? null : p;
        }

        return truth;
    }
}

/// <summary>What one standard file held: rows read and, per identity column, values present but unreadable.</summary>
internal sealed class IdentityFileStats(string file)
{
    private static readonly (IdentityField Field, string Column)[] s_fields =
    [
        (IdentityField.CitizenId, "citizen_id"), (IdentityField.FullName, "full_name"), (IdentityField.DateOfBirth, "date_of_birth"),
        (IdentityField.Sex, "sex"), (IdentityField.Phone, "phone"), (IdentityField.Residence, "province_code/commune_code"),
    ];

    private readonly long[] _unreadable = new long[s_fields.Length];

    public string File { get; } = file;

    public long Rows { get; private set; }

    public long Unreadable(IdentityField field) => _unreadable[Array.FindIndex(s_fields, f => f.Field == field)];

    public void Add(IdentityRecord[] batch)
    {
        Rows += batch.Length;
        foreach (var record in batch)
        {
            for (var f = 0; f < s_fields.Length; f++)
            {
                if (record.IsUnreadable(s_fields[f].Field))
                {
                    _unreadable[f]++;
                }
            }
        }
    }

    /// <summary>One line naming counts per column, or <see langword="null"/> when every value was readable; never a value.</summary>
    public string? Summary()
    {
        var parts = new List<string>();
        for (var f = 0; f < s_fields.Length; f++)
        {
            if (_unreadable[f] > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{s_fields[f].Column} {_unreadable[f]}"));
            }
        }

        return parts.Count == 0
            ? null
            : $"{File}: unreadable values (reported as invalid, matched as missing): {string.Join(", ", parts)}";
    }
}
