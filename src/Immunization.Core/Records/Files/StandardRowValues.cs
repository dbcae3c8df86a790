using System.Globalization;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using NodaTime;

namespace Immunization.Core.Records.Files;

/// <summary>
/// The current row's values, parsed strictly from the reader's spans (columns by their position in
/// <see cref="StandardColumns"/>); a bad value throws <see cref="StandardFileException"/> naming its row and column. Short
/// codes (province, commune, nationality, vaccine) are shared between rows rather than allocated per row.
/// </summary>
internal sealed class StandardRowValues(StandardCsvReader reader, IReadOnlyList<string> columns)
{
    private const int MaxShared = 1 << 16;

    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

    public string Id() => reader.Span(0).ToString();

    public string? Optional(int column) => reader.Text(column);

    public PersonDetails Person() => new(
        citizenId: Optional(1),
        fullName: Optional(2),
        dateOfBirth: Date(3),
        sex: Sex(4),
        phone: Optional(5),
        provinceCode: Digits(6, 2),
        communeCode: Digits(7, 5),
        adminScheme: Scheme(8),
        address: Optional(9),
        nationality: Nationality(10));

    public Sex Sex(int column)
    {
        var value = reader.Span(column);
        if (value.IsEmpty)
        {
            return Identity.Sex.Unknown;
        }

        return SexCodes.TryParse(value, out var sex) ? sex : throw Error(column, "not a sex; expected M, F, Nam or Nữ");
    }

    public string? Digits(int column, int length)
    {
        var value = reader.Span(column);
        if (value.IsEmpty)
        {
            return null;
        }

        return value.Length == length && !value.ContainsAnyExceptInRange('0', '9')
            ? Shared(value)
            : throw Error(column, string.Create(CultureInfo.InvariantCulture, $"expected a code of {length} digits"));
    }

    public AdministrativeScheme? Scheme(int column) => reader.Span(column) switch
    {
        "" => null,
        "old" => AdministrativeScheme.Old,
        "new" => AdministrativeScheme.New,
        _ => throw Error(column, "expected old (units before 1 July 2025) or new"),
    };

    public string? Nationality(int column)
    {
        var value = reader.Span(column);
        if (value.IsEmpty)
        {
            return null;
        }

        return value.Length == 2 && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1])
            ? Shared(value)
            : throw Error(column, "expected an ISO 3166 alpha-2 code such as VN");
    }

    public string? VaccineCode(int column)
    {
        var value = reader.Span(column);
        if (value.IsEmpty)
        {
            return null;
        }

        return (value.Length <= 3 && !value.ContainsAnyExceptInRange('0', '9')) || value.StartsWith("VN-", StringComparison.OrdinalIgnoreCase)
            ? Shared(value)
            : throw Error(column, "expected a CVX code (digits) or a local code starting with VN-");
    }

    public int? Integer(int column, int min, int max)
    {
        var value = reader.Span(column);
        if (value.IsEmpty)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Error(column, string.Create(CultureInfo.InvariantCulture, $"expected a whole number from {min} to {max}"));
    }

    public LocalDate? FullDate(int column)
    {
        var value = reader.Span(column);
        if (value.IsEmpty)
        {
            return null;
        }

        return PartialDate.TryParse(value, out var date) && date.TryGetLocalDate(out var day)
            ? day
            : throw Error(column, "expected a date as yyyy-MM-dd or dd/MM/yyyy");
    }

    public PartialDate? Date(int column)
    {
        var value = reader.Span(column);
        if (value.IsEmpty)
        {
            return null;
        }

        return PartialDate.TryParse(value, out var date)
            ? date
            : throw Error(column, "expected a date as yyyy-MM-dd, yyyy-MM, yyyy or dd/MM/yyyy");
    }

    private StandardFileException Error(int column, string reason) => new(reader.File, reader.Row, columns[column], reason);

    /// <summary>One string per distinct short code, up to <see cref="MaxShared"/> codes (then a new string each time).</summary>
    private string Shared(ReadOnlySpan<char> value)
    {
        var lookup = _shared.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var text))
        {
            return text;
        }

        text = value.ToString();
        if (_shared.Count < MaxShared)
        {
            _shared.Add(text, text);
        }

        return text;
    }
}
