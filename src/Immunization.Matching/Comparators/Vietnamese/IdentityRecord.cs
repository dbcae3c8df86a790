using System.Globalization;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;

namespace Immunization.Matching.Comparators.Vietnamese;

/// <summary>
/// The identity part of a register entry or of a vaccination record, as the Vietnamese matcher compares it: identity
/// number, name, date of birth, sex, phone, residence and nationality. Any part may be missing.
/// </summary>
/// <remarks>
/// <para>
/// Build one with <see cref="FromText"/>, which reads each part leniently: a part that does not parse is treated as missing
/// (its raw text is not kept), so that one bad field never hides the others. Residence is given as codes of the current
/// administrative scheme (communes after 1 July 2025); mapping old codes to new ones is the caller's business, done once.
/// </para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class IdentityRecord
{
    /// <summary>Initializes a record from values already parsed.</summary>
    /// <param name="id">The record's or person's identifier.</param>
    /// <param name="citizenId">The identity number, or <see langword="default"/> when missing or not valid.</param>
    /// <param name="name">The name, or <see langword="default"/> when missing.</param>
    /// <param name="dateOfBirth">The date of birth, or <see langword="default"/> when missing.</param>
    /// <param name="sex">The sex, <see cref="Sex.Unknown"/> when missing.</param>
    /// <param name="phone">The phone number, or <see langword="default"/> when missing.</param>
    /// <param name="provinceCode">The province code in the current scheme, or <see langword="null"/>.</param>
    /// <param name="communeCode">The commune code in the current scheme, or <see langword="null"/>.</param>
    /// <param name="nationality">The ISO 3166 alpha-2 nationality, or <see langword="null"/> when unknown (taken as Vietnamese).</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public IdentityRecord(string id, CitizenId citizenId, PersonName name, PartialDate dateOfBirth, Sex sex, PhoneNumber phone,
        string? provinceCode, string? communeCode, string? nationality)
        : this(id, citizenId, name, dateOfBirth, sex, phone, provinceCode, communeCode, NormalizeNationality(nationality), normalized: true)
    {
    }

    // The constructor with the nationality already normalised (NormalizeNationality).
    private IdentityRecord(string id, CitizenId citizenId, PersonName name, PartialDate dateOfBirth, Sex sex, PhoneNumber phone,
        string? provinceCode, string? communeCode, string? nationality, bool normalized)
    {
        ArgumentNullException.ThrowIfNull(id);
        _ = normalized;
        Id = id;
        CitizenId = citizenId;
        Name = name;
        DateOfBirth = dateOfBirth;
        Sex = sex;
        Phone = phone;
        ProvinceCode = string.IsNullOrWhiteSpace(provinceCode) ? null : provinceCode.Trim();
        CommuneCode = string.IsNullOrWhiteSpace(communeCode) ? null : communeCode.Trim();
        Nationality = nationality;
    }

    private static readonly string[] s_vietnamNames = ["VN", "VNM", "Việt Nam", "Viet Nam", "Vietnam", "Việtnam"];

    // Registers write Viet Nam in several ways; all of them are the one country the register covers.
    private static string? NormalizeNationality(ReadOnlySpan<char> nationality)
    {
        var text = nationality.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        foreach (var name in s_vietnamNames)
        {
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return "VN";
            }
        }

        Span<char> upper = text.Length <= 64 ? stackalloc char[text.Length] : new char[text.Length];
        text.ToUpperInvariant(upper);
        return new string(upper);
    }

    /// <summary>Gets the record's or person's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the identity number (CCCD or CMND), or <see langword="default"/> when missing or not valid.</summary>
    public CitizenId CitizenId { get; }

    /// <summary>Gets the name, or <see langword="default"/> when missing.</summary>
    public PersonName Name { get; }

    /// <summary>Gets the date of birth, or <see langword="default"/> when missing.</summary>
    public PartialDate DateOfBirth { get; }

    /// <summary>Gets the sex.</summary>
    public Sex Sex { get; }

    /// <summary>Gets the phone number, or <see langword="default"/> when missing.</summary>
    public PhoneNumber Phone { get; }

    /// <summary>Gets the province code in the current scheme, or <see langword="null"/>.</summary>
    public string? ProvinceCode { get; }

    /// <summary>Gets the commune code in the current scheme, or <see langword="null"/>.</summary>
    public string? CommuneCode { get; }

    /// <summary>Gets the nationality (ISO 3166 alpha-2, upper case), or <see langword="null"/> when unknown.</summary>
    public string? Nationality { get; }

    /// <summary>
    /// Gets whether the record is of a Vietnamese citizen (nationality <c>VN</c>, <c>VNM</c>, <c>Việt Nam</c>, <c>Viet Nam</c>,
    /// <c>Vietnam</c>, in any case, or unknown): only those are checked against the register.
    /// </summary>
    public bool IsVietnameseCitizen => Nationality is null or "VN";

    /// <summary>Builds a record from text as found in files; parts that do not parse are treated as missing.</summary>
    /// <param name="id">The record's or person's identifier.</param>
    /// <param name="citizenId">The identity number as written.</param>
    /// <param name="fullName">The full name as written.</param>
    /// <param name="dateOfBirth">The date of birth (<c>yyyy-MM-dd</c>, <c>yyyy-MM</c>, <c>yyyy</c>, <c>dd/MM/yyyy</c>).</param>
    /// <param name="sex">The sex (<c>M</c>/<c>F</c>, <c>Nam</c>/<c>Nữ</c>).</param>
    /// <param name="phone">The phone number in any common writing.</param>
    /// <param name="provinceCode">The province code, in <paramref name="scheme"/>.</param>
    /// <param name="communeCode">The commune code, in <paramref name="scheme"/>.</param>
    /// <param name="scheme">
    /// The administrative scheme the codes are written in: <c>old</c> (before 1 July 2025) or <c>new</c> (the default).
    /// Old codes are mapped to the new commune and province they went into; a split commune matches any of its parts;
    /// unknown codes are treated as missing.
    /// </param>
    /// <param name="nationality">The ISO 3166 alpha-2 nationality.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public static IdentityRecord FromText(string id, string? citizenId, string? fullName, string? dateOfBirth, string? sex, string? phone,
        string? provinceCode, string? communeCode, string? scheme, string? nationality) =>
        FromFields(id, citizenId.AsSpan(), fullName.AsSpan(), dateOfBirth.AsSpan(), sex.AsSpan(), phone.AsSpan(), provinceCode.AsSpan(),
            communeCode.AsSpan(), scheme.AsSpan(), nationality.AsSpan());

    /// <summary>
    /// Builds a record from the text of each field as found in a file (an empty span for an empty field), as
    /// <see cref="FromText"/> does,
    /// without making a string of any field but the id: for readers of large files that hold a row's fields in a buffer.
    /// </summary>
    /// <param name="id">The record's or person's identifier.</param>
    /// <param name="citizenId">The identity number as written.</param>
    /// <param name="fullName">The full name as written.</param>
    /// <param name="dateOfBirth">The date of birth (<c>yyyy-MM-dd</c>, <c>yyyy-MM</c>, <c>yyyy</c>, <c>dd/MM/yyyy</c>).</param>
    /// <param name="sex">The sex (<c>M</c>/<c>F</c>, <c>Nam</c>/<c>Nữ</c>).</param>
    /// <param name="phone">The phone number in any common writing.</param>
    /// <param name="provinceCode">The province code, in <paramref name="scheme"/>.</param>
    /// <param name="communeCode">The commune code, in <paramref name="scheme"/>.</param>
    /// <param name="scheme">The administrative scheme the codes are written in: <c>old</c> or <c>new</c> (the default).</param>
    /// <param name="nationality">The ISO 3166 alpha-2 nationality.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public static IdentityRecord FromFields(string id, ReadOnlySpan<char> citizenId, ReadOnlySpan<char> fullName, ReadOnlySpan<char> dateOfBirth,
        ReadOnlySpan<char> sex, ReadOnlySpan<char> phone, ReadOnlySpan<char> provinceCode, ReadOnlySpan<char> communeCode,
        ReadOnlySpan<char> scheme, ReadOnlySpan<char> nationality)
    {
        Guard.Against.Null(id);
        var unreadable = 0;
        if (!PersonName.TryParse(fullName, out var name) && !fullName.IsWhiteSpace())
        {
            unreadable |= 1 << (int)IdentityField.FullName;
        }

        if (!PartialDate.TryParse(dateOfBirth, out var dob) && !dateOfBirth.IsWhiteSpace())
        {
            unreadable |= 1 << (int)IdentityField.DateOfBirth;
        }

        if (!SexCodes.TryParse(sex, out var s) && !sex.IsWhiteSpace())
        {
            unreadable |= 1 << (int)IdentityField.Sex;
        }

        if (!PhoneNumber.TryParse(phone, out var p) && !phone.IsWhiteSpace())
        {
            unreadable |= 1 << (int)IdentityField.Phone;
        }

        var (province, commune, parts) = ToCurrentScheme(provinceCode, communeCode, scheme);
        if ((commune is null && !communeCode.IsWhiteSpace()) || (province is null && !provinceCode.IsWhiteSpace()))
        {
            unreadable |= 1 << (int)IdentityField.Residence;
        }

        var (cid, unparsedLength, unparsedDigits, unreadableId) = ParseCitizenId(citizenId);
        if (cid.Kind == CitizenIdKind.None && !citizenId.IsWhiteSpace())
        {
            unreadable |= 1 << (int)IdentityField.CitizenId;
        }

        return new IdentityRecord(id, cid, name, dob, s, p, province, commune, NormalizeNationality(nationality), normalized: true)
        {
            UnreadableFields = unreadable,
            CommuneCodeParts = parts,
            UnparsedCitizenIdDigits = unparsedDigits,
            UnparsedCitizenIdLength = unparsedLength,
            HasUnreadableCitizenId = unreadableId,
        };
    }

    /// <summary>
    /// Reads an identity number leniently, as <see cref="FromText"/> does: a CCCD or CMND, else the 9 or 12 digits of a
    /// number without their structure (length 0 when there are none), and whether there is text that is no number at all.
    /// </summary>
    internal static (CitizenId Parsed, int UnparsedLength, long UnparsedDigits, bool Unreadable) ParseCitizenId(string? text) =>
        ParseCitizenId(text.AsSpan());

    /// <summary>Reads an identity number leniently from a span (see <see cref="ParseCitizenId(string?)"/>).</summary>
    internal static (CitizenId Parsed, int UnparsedLength, long UnparsedDigits, bool Unreadable) ParseCitizenId(ReadOnlySpan<char> text)
    {
        if (CitizenId.TryParse(text, out var cid))
        {
            return (cid, 0, 0, false);
        }

        var count = DigitCount(text);
        return (cid, count, count == 0 ? 0 : Digits(text), count == 0 && !text.IsWhiteSpace());
    }

    /// <summary>
    /// The digits of an identity number that has the length of a CCCD or CMND but not its structure (a mistyped province
    /// code, say): still compared, so that the typo can be recognised and explained, but never trusted as a valid number.
    /// </summary>
    internal long UnparsedCitizenIdDigits { get; private init; }

    /// <summary>
    /// The fields whose text was present but did not parse, one bit per <see cref="IdentityField"/> (<c>1 &lt;&lt; field</c>):
    /// reported as <c>invalid</c> rather than <c>missing</c>, and counted per column by the caller.
    /// </summary>
    internal int UnreadableFields { get; private init; }

    /// <summary>
    /// Returns whether <paramref name="field"/> held text that did not parse (a date <c>1990-13-45</c>, a sex <c>X</c>, an
    /// unknown commune code): the part reads as missing, and a link reports it as <c>invalid</c>.
    /// </summary>
    /// <param name="field">The field (<see cref="IdentityField.Residence"/> covers the province and commune codes).</param>
    /// <returns><see langword="true"/> when the field was present in the text but not readable.</returns>
    public bool IsUnreadable(IdentityField field) => (UnreadableFields & (1 << (int)field)) != 0;

    /// <summary>Whether the identity-number field held text that is no CCCD or CMND at all (a passport number, say).</summary>
    internal bool HasUnreadableCitizenId { get; private init; }

    /// <summary>12 or 9 when <see cref="UnparsedCitizenIdDigits"/> holds a number, else 0.</summary>
    internal int UnparsedCitizenIdLength { get; private init; }

    private static int DigitCount(ReadOnlySpan<char> text)
    {
        if (text.IsWhiteSpace() || text.Length > 40)
        {
            return 0;
        }

        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
            else if (c is not (' ' or '.' or '-'))
            {
                return 0;
            }
        }

        return count is 12 or 9 ? count : 0;
    }

    private static long Digits(ReadOnlySpan<char> text)
    {
        if (DigitCount(text) == 0)
        {
            return 0;
        }

        long value = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                value = (value * 10) + (c - '0');
            }
        }

        return value;
    }

    /// <summary>
    /// The residence in the current scheme, as <see cref="FromText"/> reads it: province and commune codes of the new scheme
    /// and, for a commune of the old scheme that was split, the codes of its parts; nulls where a code is missing or unknown.
    /// </summary>
    internal static (string? Province, string? Commune, string[]? Parts) ToCurrentScheme(string? provinceCode, string? communeCode,
        string? scheme) =>
        ToCurrentScheme(provinceCode.AsSpan(), communeCode.AsSpan(), scheme.AsSpan());

    /// <summary>The residence in the current scheme from spans (see <see cref="ToCurrentScheme(string?, string?, string?)"/>).</summary>
    internal static (string? Province, string? Commune, string[]? Parts) ToCurrentScheme(ReadOnlySpan<char> provinceCode,
        ReadOnlySpan<char> communeCode, ReadOnlySpan<char> scheme)
    {
        var catalog = AdministrativeUnitCatalog.Vietnam;
        var from = scheme.Trim().Equals("old", StringComparison.OrdinalIgnoreCase) ? AdministrativeScheme.Old : AdministrativeScheme.New;
        if (!communeCode.IsWhiteSpace() && catalog.TryGetByCode(from, communeCode.Trim(), out var commune)
            && commune.Level == AdministrativeLevel.Commune)
        {
            if (from == AdministrativeScheme.New)
            {
                return (commune.ToNewProvince().Code, commune.Code, null);
            }

            var shares = commune.MapToNew();
            var current = shares[0].Unit;
            string[]? parts = null;
            if (shares.Length > 1)
            {
                // A split commune: the person lives in one of its parts, any of which must match.
                parts = new string[shares.Length];
                for (var i = 0; i < shares.Length; i++)
                {
                    parts[i] = shares[i].Unit.Code;
                }
            }

            return (current.ToNewProvince().Code, current.Code, parts);
        }

        if (!provinceCode.IsWhiteSpace() && catalog.TryGetByCode(from, provinceCode.Trim(), out var province)
            && province.Level == AdministrativeLevel.Province)
        {
            return (province.ToNewProvince().Code, null, null);
        }

        return (null, null, null);
    }

    /// <summary>
    /// For an old-scheme commune split among several new communes on 1 July 2025, the codes of all of them
    /// (<see cref="CommuneCode"/>, the first, included): the record matches a person in any part. Otherwise <see langword="null"/>.
    /// </summary>
    internal string[]? CommuneCodeParts { get; private init; }

    /// <summary>The national significant number of the phone, 0 when missing.</summary>
    internal long PhoneDigits => Phone.NationalNumber;
}
