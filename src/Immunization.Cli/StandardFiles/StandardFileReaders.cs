using System.Globalization;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using NodaTime;

namespace Immunization.Cli.StandardFiles;

/// <summary>
/// Reads the project's standard files row by row (streaming: one row in memory at a time). Columns are found by their
/// header names, in any order; extra columns are ignored. Accepted variants: dates as <c>yyyy-MM-dd</c>, <c>yyyy-MM</c>,
/// <c>yyyy</c> or <c>dd/MM/yyyy</c> (read into <see cref="PartialDate"/>); sex as <c>M</c>/<c>F</c> or <c>Nam</c>/<c>Nữ</c> (any case,
/// with or without the tone mark; also <c>Male</c>/<c>Female</c>), parsed by Core's <see cref="PartialDate"/> and
/// <see cref="SexCodes"/>. Empty fields are missing data (<see langword="null"/>). A bad value throws
/// <see cref="StandardFileException"/> naming the file, row and column.
/// </summary>
internal static class StandardFileReader
{
    /// <summary>Reads <c>register.csv</c>.</summary>
    /// <param name="reader">The file's text.</param>
    /// <param name="fileName">The name used in error messages.</param>
    public static IEnumerable<RegisterEntry> ReadRegister(TextReader reader, string fileName)
    {
        foreach (var row in Rows(reader, fileName, StandardColumns.Register))
        {
            yield return new RegisterEntry(row.Required("person_id"), row.Person());
        }
    }

    /// <summary>Reads <c>records.csv</c>.</summary>
    public static IEnumerable<DoseRecord> ReadRecords(TextReader reader, string fileName)
    {
        foreach (var row in Rows(reader, fileName, StandardColumns.Records))
        {
            yield return new DoseRecord(row.Required("record_id"), row.Person())
            {
                VaccineCode = row.VaccineCode("vaccine_code"),
                DoseDate = row.FullDate("dose_date"),
                DoseNumber = row.Integer("dose_number", 1, 99),
                SiteId = row.Optional("site_id"),
                PriorityGroup = row.Integer("priority_group", 1, 11),
            };
        }
    }

    /// <summary>Reads <c>truth.csv</c>: record id and person id (<see langword="null"/> when the person is not in the register).</summary>
    public static IEnumerable<(string RecordId, string? PersonId)> ReadTruth(TextReader reader, string fileName)
    {
        foreach (var row in Rows(reader, fileName, StandardColumns.Truth))
        {
            yield return (row.Required("record_id"), row.Optional("person_id"));
        }
    }

    /// <summary>Opens a file and reads it with <paramref name="read"/>, naming the file in errors.</summary>
    public static IEnumerable<T> ReadFile<T>(string path, Func<TextReader, string, IEnumerable<T>> read)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var item in read(reader, Path.GetFileName(path)))
        {
            yield return item;
        }
    }

    private static IEnumerable<RowView> Rows(TextReader text, string fileName, string[] columns)
    {
        using var reader = StandardCsvReader.Open(text, fileName, columns, idColumn: columns[0], uniqueIds: false);
        var view = new RowView(reader, columns);
        while (reader.Next())
        {
            view.Load();
            yield return view;
        }
    }

    /// <summary>The current row's fields by column name, parsed strictly; reused from row to row.</summary>
    private sealed class RowView(StandardCsvReader reader, string[] columns)
    {
        private readonly string?[] _values = new string?[columns.Length];

        public void Load()
        {
            for (var i = 0; i < _values.Length; i++)
            {
                _values[i] = reader.Text(i);
            }
        }

        private string? Value(string column) => _values[Array.IndexOf(columns, column)];

        private StandardFileException Error(string column, string reason) => new(reader.File, reader.Row, column, reason);

        public string? Optional(string column) => Value(column);

        public string Required(string column) => Value(column) ?? throw Error(column, "a value is required");

        public PersonDetails Person() => new()
        {
            CitizenId = Optional("citizen_id"),
            FullName = Optional("full_name"),
            DateOfBirth = Date("date_of_birth"),
            Sex = Sex("sex"),
            Phone = Optional("phone"),
            ProvinceCode = Digits("province_code", 2),
            CommuneCode = Digits("commune_code", 5),
            AdminScheme = Scheme("admin_scheme"),
            Address = Optional("address"),
            Nationality = Nationality("nationality"),
        };

        public Sex Sex(string column)
        {
            var value = Value(column);
            if (value is null)
            {
                return Core.Identity.Sex.Unknown;
            }

            return SexCodes.TryParse(value, out var sex) ? sex : throw Error(column, "not a sex; expected M, F, Nam or Nữ");
        }

        public string? Digits(string column, int length)
        {
            var value = Value(column);
            if (value is null)
            {
                return null;
            }

            return value.Length == length && value.All(char.IsAsciiDigit)
                ? value
                : throw Error(column, string.Create(CultureInfo.InvariantCulture, $"expected a code of {length} digits"));
        }

        public AdministrativeScheme? Scheme(string column) => Value(column) switch
        {
            null => null,
            "old" => AdministrativeScheme.Old,
            "new" => AdministrativeScheme.New,
            _ => throw Error(column, "expected old (units before 1 July 2025) or new"),
        };

        public string? Nationality(string column)
        {
            var value = Value(column);
            return value is null || (value.Length == 2 && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1]))
                ? value
                : throw Error(column, "expected an ISO 3166 alpha-2 code such as VN");
        }

        public string? VaccineCode(string column)
        {
            var value = Value(column);
            return value is null || (value.Length <= 3 && value.All(char.IsAsciiDigit)) ||
                   value.StartsWith("VN-", StringComparison.OrdinalIgnoreCase)
                ? value
                : throw Error(column, "expected a CVX code (digits) or a local code starting with VN-");
        }

        public int? Integer(string column, int min, int max)
        {
            var value = Value(column);
            if (value is null)
            {
                return null;
            }

            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n
                : throw Error(column, string.Create(CultureInfo.InvariantCulture, $"expected a whole number from {min} to {max}"));
        }

        public LocalDate? FullDate(string column)
        {
            var value = Value(column);
            if (value is null)
            {
                return null;
            }

            return PartialDate.TryParse(value, out var date) && date.TryGetLocalDate(out var day)
                ? day
                : throw Error(column, "expected a date as yyyy-MM-dd or dd/MM/yyyy");
        }

        public PartialDate? Date(string column)
        {
            var value = Value(column);
            if (value is null)
            {
                return null;
            }

            return PartialDate.TryParse(value, out var date)
                ? date
                : throw Error(column, "expected a date as yyyy-MM-dd, yyyy-MM, yyyy or dd/MM/yyyy");
        }
    }
}
