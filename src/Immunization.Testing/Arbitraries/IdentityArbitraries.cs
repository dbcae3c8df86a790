using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Immunization.Core.Identity;
using Immunization.Core.Text;
using NodaTime;

namespace Immunization.Testing.Arbitraries;

/// <summary>
/// FsCheck generators of realistic Vietnamese identity values: citizen identity numbers (CCCD and CMND), names with tone
/// marks written in the ways data entry writes them, partial dates of birth and phone numbers in their many writings.
/// </summary>
/// <remarks>
/// <para>
/// The <c>…Arbitrary()</c> methods return <see cref="Arbitrary{T}"/> values and can be registered with FsCheck as a whole
/// (<c>[Property(Arbitrary = [typeof(IdentityArbitraries)])]</c>) or used one by one with <c>Prop.ForAll</c>. The other
/// methods return <see cref="Gen{T}"/> values to combine into generators of larger records.
/// </para>
/// <para>Generated values are drawn from small realistic pools (common family and given names, real mobile prefixes).</para>
/// </remarks>
/// <threadsafety>All members are thread-safe; generators are immutable.</threadsafety>
public static class IdentityArbitraries
{
    private static readonly string[] s_familyNames =
    [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
        "Trương", "Đinh", "Quách", "Tôn",
    ];

    private static readonly string[] s_middleNames =
    [
        "Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu", "Gia", "Bảo", "Kim", "Thùy", "Hoài", "Khánh",
    ];

    // Both tone placements of oa/oe/uy appear on purpose: hòa/hoà, thủy/thuỷ, khỏe/khoẻ, thúy/thuý.
    private static readonly string[] s_givenNames =
    [
        "Anh", "Hòa", "Hoà", "Thủy", "Thuỷ", "Khỏe", "Khoẻ", "Thúy", "Thuý", "Hùng", "Dũng", "Lan", "Hương", "Hường", "Tuấn", "Quý",
        "Hoài", "Nguyệt", "Trường", "Giang", "Yến", "Oanh", "Huyền", "Đức", "Phương", "Ngọc", "Tiến", "Vy", "Khoa", "Toàn",
        "Quỳnh", "Loan", "Thoại", "Nhung", "Đạt", "Huy", "Ước", "Giữ",
    ];

    // Two-digit prefixes of 10-digit mobile numbers (after the 0): the allocated ones PhoneNumber accepts.
    private static readonly int[] s_mobilePrefixes =
    [
        32, 33, 34, 35, 36, 37, 38, 39, 52, 55, 56, 58, 59, 70, 76, 77, 78, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92,
        93, 94, 95, 96, 97, 98, 99,
    ];

    // Serials 1–999999: 0 is a placeholder. 678901 after "012345" would make the placeholder 012345678901 (digits in
    // sequence), which CitizenId.CreateCccd refuses; leaving this one serial out keeps every generated CCCD valid.
    private static readonly Gen<int> s_cccdSerials = Gen.Choose(1, 999_999).Select(serial => serial == 678_901 ? 678_902 : serial);

    // Area codes (after the 0) of landlines since 2017: 24 Hà Nội and 28 TP Hồ Chí Minh have 8-digit subscribers, the others 7.
    private static readonly int[] s_areaCodes = [24, 28, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 236, 251, 292, 296];

    /// <summary>Generates <see cref="Sex.Male"/> or <see cref="Sex.Female"/>.</summary>
    /// <returns>The generator.</returns>
    public static Gen<Sex> Sexes() => Gen.Elements(Sex.Male, Sex.Female);

    /// <summary>Generates GSO codes of the 63 provinces a CCCD may name (<see cref="CitizenId.ProvinceCodes"/>).</summary>
    /// <returns>The generator.</returns>
    public static Gen<int> CccdProvinceCodes() => Gen.Elements<int>(CitizenId.ProvinceCodes);

    /// <summary>
    /// Generates a CCCD for a holder of the given sex and birth year, from any province and with any serial that does not
    /// make a placeholder (see <see cref="CitizenId"/>).
    /// </summary>
    /// <param name="sex">The holder's sex: male or female.</param>
    /// <param name="birthYear">The holder's birth year, 1900–2399.</param>
    /// <returns>The generator.</returns>
    public static Gen<CitizenId> CccdFor(Sex sex, int birthYear) =>
        from province in CccdProvinceCodes()
        from serial in s_cccdSerials
        select CitizenId.CreateCccd(province, sex, birthYear, serial);

    /// <summary>Generates a CCCD registered in the given province for a holder of the given sex and birth year (any serial).</summary>
    /// <param name="provinceCode">The GSO code of the province (one of <see cref="CitizenId.ProvinceCodes"/>).</param>
    /// <param name="sex">The holder's sex: male or female.</param>
    /// <param name="birthYear">The holder's birth year, 1900–2399.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is outside its range.</exception>
    public static Gen<CitizenId> CccdFor(int provinceCode, Sex sex, int birthYear)
    {
        _ = CitizenId.CreateCccd(provinceCode, sex, birthYear, 1); // fail now, not when sampled
        return s_cccdSerials.Select(serial => CitizenId.CreateCccd(provinceCode, sex, birthYear, serial));
    }

    /// <summary>
    /// Generates a CCCD together with the sex and birth year it was generated for (birth years 1900–2099, with the century
    /// boundaries 1999/2000 and 1900/2099 generated often).
    /// </summary>
    /// <returns>The generator of (number, sex, birth year).</returns>
    public static Gen<(CitizenId Id, Sex Sex, int BirthYear)> CccdsWithHolder() =>
        from sex in Sexes()
        from year in Gen.OneOf(Gen.Choose(1900, 2099), Gen.Elements(1900, 1999, 2000, 2001, 2099))
        from id in CccdFor(sex, year)
        select (id, sex, year);

    /// <summary>Generates 12-digit CCCD numbers.</summary>
    /// <returns>The generator.</returns>
    public static Gen<CitizenId> Cccds() => CccdsWithHolder().Select(h => h.Id);

    /// <summary>Generates legacy 9-digit CMND numbers (never a placeholder such as <c>000000000</c> or <c>123456789</c>).</summary>
    /// <returns>The generator.</returns>
    public static Gen<CitizenId> Cmnds() =>
        Gen.Choose(0, 999_999_999)
            .Select(n => CitizenId.TryParse(n.ToString("D9", CultureInfo.InvariantCulture), out var id) ? id : default)
            .Where(id => id.Kind == CitizenIdKind.Cmnd);

    /// <summary>Generates citizen identity numbers: four CCCD for each CMND.</summary>
    /// <returns>The generator.</returns>
    public static Gen<CitizenId> CitizenIds() => Gen.OneOf(Cccds(), Cccds(), Cccds(), Cccds(), Cmnds());

    /// <summary>The arbitrary of <see cref="CitizenIds"/>, shrinking nothing.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<CitizenId> CitizenIdArbitrary() => CitizenIds().ToArbitrary();

    /// <summary>The arbitrary of <see cref="Sexes"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Sex> SexArbitrary() => Sexes().ToArbitrary();

    /// <summary>
    /// Generates Vietnamese names in their canonical spelling (family, one or two middle names, given name), composed (NFC),
    /// with both tone placements of <c>oa</c>/<c>oe</c>/<c>uy</c>.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<string> CleanPersonNameTexts() =>
        from family in Gen.Elements(s_familyNames)
        from middleCount in Gen.Choose(0, 2)
        from middles in Gen.Elements(s_middleNames).ArrayOf(middleCount)
        from given in Gen.Elements(s_givenNames)
        select string.Join(' ', [family, .. middles, given]);

    /// <summary>
    /// Generates Vietnamese names written as data entry writes them: composed or decomposed, with or without tone marks
    /// (and <c>D</c> for <c>Đ</c>), in upper, lower or mixed case, with extra spaces.
    /// </summary>
    /// <returns>The generator of name texts; every one is accepted by <see cref="PersonName.Parse"/>.</returns>
    public static Gen<string> PersonNameTexts() =>
        from clean in CleanPersonNameTexts()
        from writing in Gen.Choose(0, 5)
        select writing switch
        {
            0 => clean,
            1 => LatinNormalization.ToFormD(clean),
            2 => RemoveDiacritics(clean),
            3 => clean.ToUpperInvariant(),
            4 => LatinNormalization.ToFormD(clean.ToLowerInvariant()),
            _ => "  " + clean.Replace(" ", "   ", StringComparison.Ordinal) + " ",
        };

    /// <summary>Generates parsed names from <see cref="PersonNameTexts"/>.</summary>
    /// <returns>The generator.</returns>
    public static Gen<PersonName> PersonNames() => PersonNameTexts().Select(t => PersonName.Parse(t));

    /// <summary>The arbitrary of <see cref="PersonNames"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PersonName> PersonNameArbitrary() => PersonNames().ToArbitrary();

    /// <summary>Generates partial dates of the given precision with years 1900–2030.</summary>
    /// <param name="precision">The precision: year, month or day.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is <see cref="DatePrecision.None"/>.</exception>
    public static Gen<PartialDate> PartialDatesOf(DatePrecision precision)
    {
        if (precision is not (DatePrecision.Year or DatePrecision.Month or DatePrecision.Day))
        {
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "Generate years, months or days.");
        }

        return from year in Gen.Choose(1900, 2030)
               from month in Gen.Choose(1, 12)
               from day in Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(year, month))
               select precision switch
               {
                   DatePrecision.Year => new PartialDate(year),
                   DatePrecision.Month => PartialDate.FromYearMonth(year, month),
                   _ => PartialDate.FromDate(year, month, day),
               };
    }

    /// <summary>Generates partial dates (years 1900–2030), known to the day twice as often as to the month or the year.</summary>
    /// <returns>The generator.</returns>
    public static Gen<PartialDate> PartialDates() =>
        Gen.OneOf(
            PartialDatesOf(DatePrecision.Day),
            PartialDatesOf(DatePrecision.Day),
            PartialDatesOf(DatePrecision.Month),
            PartialDatesOf(DatePrecision.Year));

    /// <summary>The arbitrary of <see cref="PartialDates"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PartialDate> PartialDateArbitrary() => PartialDates().ToArbitrary();

    /// <summary>Generates mobile numbers with the allocated prefixes (those <see cref="PhoneNumber"/> accepts).</summary>
    /// <returns>The generator.</returns>
    public static Gen<PhoneNumber> MobileNumbers() =>
        from prefix in Gen.Elements(s_mobilePrefixes)
        from subscriber in Gen.Choose(0, 9_999_999)
        select PhoneNumber.Parse(string.Create(CultureInfo.InvariantCulture, $"0{prefix}{subscriber:D7}"));

    /// <summary>Generates landline numbers in the numbering in force since 2017 (<c>02x</c> area codes).</summary>
    /// <returns>The generator.</returns>
    public static Gen<PhoneNumber> LandlineNumbers() =>
        from area in Gen.Elements(s_areaCodes)
        from subscriber in Gen.Choose(0, area < 100 ? 99_999_999 : 9_999_999)
        select PhoneNumber.Parse(area < 100
            ? string.Create(CultureInfo.InvariantCulture, $"0{area}{subscriber:D8}")
            : string.Create(CultureInfo.InvariantCulture, $"0{area}{subscriber:D7}"));

    /// <summary>Generates phone numbers: four mobiles for each landline.</summary>
    /// <returns>The generator.</returns>
    public static Gen<PhoneNumber> PhoneNumbers() =>
        Gen.OneOf(MobileNumbers(), MobileNumbers(), MobileNumbers(), MobileNumbers(), LandlineNumbers());

    /// <summary>The arbitrary of <see cref="PhoneNumbers"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PhoneNumber> PhoneNumberArbitrary() => PhoneNumbers().ToArbitrary();

    /// <summary>
    /// Generates ways of writing <paramref name="number"/>: national, <c>+84</c>, <c>84</c>, <c>0084</c>, without its leading 0,
    /// grouped with spaces, dots, dashes or parentheses, and for mobiles converted in 2018 also their legacy 11-digit form.
    /// </summary>
    /// <param name="number">The number; not the <see langword="default"/> value.</param>
    /// <returns>The generator of texts; each one parses back to <paramref name="number"/>.</returns>
    public static Gen<string> PhoneNumberWritings(PhoneNumber number)
    {
        var national = number.ToString();
        var legacy = number.ToLegacyMobileForm();
        var forms = legacy is null ? Gen.Constant(national) : Gen.Elements(national, legacy);
        return from digits in forms
               from style in Gen.Choose(0, 8)
               select Write(digits, style);
    }

    /// <summary>Generates phone numbers together with one of their writings (see <see cref="PhoneNumberWritings"/>).</summary>
    /// <returns>The generator of (number, writing).</returns>
    public static Gen<(PhoneNumber Number, string Text)> PhoneNumbersWithWriting() =>
        from number in PhoneNumbers()
        from text in PhoneNumberWritings(number)
        select (number, text);

    private static string Write(string national, int style)
    {
        var significant = national[1..];
        return style switch
        {
            0 => national,
            1 => "+84" + significant,
            2 => "84" + significant,
            3 => "0084 " + significant,
            4 => significant,
            5 => Group(national, ' '),
            6 => Group(national, '.'),
            7 => "(+84) " + Group(significant, '-'),
            _ => "(" + national[..4] + ") " + Group(national[4..], ' '),
        };
    }

    private static string Group(string digits, char separator)
    {
        var builder = new StringBuilder(digits.Length + 4);
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                builder.Append(separator);
            }

            builder.Append(digits[i]);
        }

        return builder.ToString();
    }

    private static string RemoveDiacritics(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in LatinNormalization.ToFormD(text))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }

        return builder.ToString();
    }
}
