using System.Globalization;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Records;
using Immunization.Core.Records.Files;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Linking;

namespace Immunization.Cli.Matching;

/// <summary>
/// The lenient mode of the standard-file reader (Core's <see cref="StandardCsvReader"/>): reads the identity columns of
/// <c>register.csv</c> or <c>records.csv</c> in batches and parses each batch's rows into <see cref="IdentityRecord"/>s on all
/// cores with Matching's lenient parse.
/// </summary>
/// <remarks>
/// The file's structure is checked strictly, as in every mode (every identity column present, every row as wide as the
/// header, each id once and without control characters); each value leniently: a value that does not parse is counted in
/// <see cref="IdentityFileStats"/> and read as missing. Errors name the file, the row and the column, never a value: rows
/// hold personal data.
/// </remarks>
internal static class IdentityFiles
{
    // 8,192 rows: a batch's arrays (its records, the linker's results) stay under the large object heap's 85,000 bytes, so
    // they and what they hold are collected young once the batch is done. Larger batches put them on the large object heap,
    // which only a full collection frees: every batch's strings and records then lived on into generation 2 and the
    // process's memory grew by hundreds of MB during a 1 M-record link.
    private const int BatchSize = 8_192;

    /// <summary>The identity columns read after the id, in <see cref="IdentityRecord.FromText"/> order.</summary>
    private static readonly string[] s_columns =
        ["citizen_id", "full_name", "date_of_birth", "sex", "phone", "province_code", "commune_code", "admin_scheme", "nationality"];

    /// <summary>Reads <paramref name="path"/> batch by batch; <paramref name="idColumn"/> is <c>person_id</c> or <c>record_id</c>.</summary>
    public static IEnumerable<IdentityRecord[]> ReadBatches(string path, string idColumn, IdentityFileStats stats)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: file not found.");
        }

        using var text = StandardFilePaths.OpenText(path);
        var reader = StandardCsvReader.Open(text, Path.GetFileName(path), [idColumn, .. s_columns], idColumn, uniqueIds: true);
        var rows = new RowBuffer(BatchSize, s_columns.Length);
        while (reader.Next())
        {
            rows.Add(reader);
            if (rows.Count == BatchSize)
            {
                yield return Parse(rows, stats);
                rows.Clear();
            }
        }

        if (rows.Count > 0)
        {
            yield return Parse(rows, stats);
        }
    }

    private static IdentityRecord[] Parse(RowBuffer rows, IdentityFileStats stats)
    {
        var batch = new IdentityRecord[rows.Count];
        Parallel.For(0, rows.Count, i =>
        {
            batch[i] = IdentityRecord.FromFields(rows.Id(i), rows.Field(i, 0), rows.Field(i, 1), rows.Field(i, 2), rows.Field(i, 3),
                rows.Field(i, 4), rows.Field(i, 5), rows.Field(i, 6), rows.Field(i, 7), rows.Field(i, 8));
        });
        stats.Add(batch);
        return batch;
    }

    /// <summary>Reads <c>truth.csv</c> (<c>record_id,person_id</c>; empty person: not in the register) with the strict reader.</summary>
    public static Dictionary<string, string?> ReadTruth(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: file not found.");
        }

        var truth = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (record, person) in StandardFilePaths.ReadFile(path, StandardFileReader.ReadTruth))
        {
            truth[record] = person;
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
