using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;

namespace Immunization.Core.Identity;

/// <summary>
/// A Vietnamese citizen identity number: the 12-digit CCCD (Căn cước công dân) or the legacy 9-digit CMND
/// (Chứng minh nhân dân).
/// </summary>
/// <remarks>
/// <para>
/// A CCCD is structured: digits 1–3 are the province of birth registration (<c>0</c> followed by the 2-digit GSO code of
/// one of the 63 provinces that existed before 1 July 2025, e.g. <c>001</c> Hà Nội, <c>079</c> TP Hồ Chí Minh);
/// digit 4 encodes sex and century (even: male, odd: female; 0/1 born 1900–1999, 2/3 2000–2099, 4/5 2100–2199,
/// 6/7 2200–2299, 8/9 2300–2399); digits 5–6 are the last two digits of the birth year; digits 7–12 a serial number.
/// Parsing checks the length, the digits and the province code; <see cref="CheckAgainst(Sex, int)"/> checks sex and
/// birth year against a person.
/// </para>
/// <para>
/// <b>Placeholders.</b> Dirty registers fill a missing number with filler such as <c>000000000</c> or <c>123456789</c>;
/// accepted, one filler would link every record that carries it. Parsing therefore rejects, as a placeholder and not a
/// real number: a number whose digits are all the same (<c>111111111</c>); a number whose digits count up or down by one
/// throughout, wrapping from 9 to 0 (<c>123456789</c>, <c>012345678</c>, <c>987654321</c>, <c>234567890</c>,
/// <c>012345678901</c>); and a CCCD whose serial (digits 7–12) is <c>000000</c>. <see cref="CreateCccd"/> refuses the
/// same numbers, so every value it builds parses back.
/// </para>
/// <para>
/// Input may have white space around it and single spaces, dots or dashes between digit groups
/// (<c>001 090 012345</c>, <c>001.090.012345</c>), as numbers are often copied from cards; anything else is rejected,
/// including a separator before the first digit, after the last one (<c>079185000123.</c>) or next to another separator.
/// <see cref="ToString()"/> always writes the bare digits.
/// </para>
/// <para>
/// The number is stored in one <see cref="long"/> plus its kind. The <see langword="default"/> value has kind
/// <see cref="CitizenIdKind.None"/>, formats as an empty string and equals only itself.
/// </para>
/// <para>
/// Exception messages describe what is wrong with the input but never contain the number, nor any character of it:
/// an unexpected character is described by its kind and position ("a letter at position 12").
/// </para>
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for more information.</threadsafety>
public readonly struct CitizenId : IEquatable<CitizenId>, IComparable<CitizenId>
{
    private const int MaxInputLength = 40;

    // GSO codes of the 63 provinces before the 2025 reform; a CCCD writes them as "0" + code.
    private static readonly ImmutableArray<int> s_provinceCodes =
    [
        1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45, 46,
        48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94,
        95, 96,
    ];

    private static readonly bool[] s_isProvinceCode = BuildProvinceLookup();

    private readonly long _digits;
    private readonly CitizenIdKind _kind;

    private CitizenId(long digits, CitizenIdKind kind)
    {
        _digits = digits;
        _kind = kind;
    }

    /// <summary>
    /// The GSO codes (1–96) of the 63 provinces that may open a CCCD, as the CCCD writes them after its leading <c>0</c>:
    /// the provinces as they were before the reform of 1 July 2025. Sorted ascending.
    /// </summary>
    public static ImmutableArray<int> ProvinceCodes => s_provinceCodes;

    /// <summary>
    /// Gets the number's digits as a number (the 12 digits of a CCCD or the 9 of a CMND, leading zeros dropped), or 0 for
    /// the default value; <see cref="ToString()"/> writes the same digits zero-padded to the kind's length.
    /// </summary>
    public long Number => _digits;

    /// <summary>Gets the kind of number: CCCD, CMND, or <see cref="CitizenIdKind.None"/> for the default value.</summary>
    public CitizenIdKind Kind => _kind;

    /// <summary>
    /// Gets the GSO code of the province of birth registration (digits 1–3 of a CCCD, e.g. 1 for Hà Nội, 79 for
    /// TP Hồ Chí Minh), or <see langword="null"/> for a CMND.
    /// </summary>
    public int? ProvinceCode => _kind == CitizenIdKind.Cccd ? (int)(_digits / 1_000_000_000L) : null;

    /// <summary>Gets the sex encoded in digit 4 of a CCCD, or <see cref="Identity.Sex.Unknown"/> for a CMND.</summary>
    public Sex Sex => _kind == CitizenIdKind.Cccd ? (SexCenturyDigit % 2 == 0 ? Sex.Male : Sex.Female) : Sex.Unknown;

    /// <summary>
    /// Gets the full birth year encoded in digits 4–6 of a CCCD (century from digit 4, year of century from digits 5–6),
    /// or <see langword="null"/> for a CMND.
    /// </summary>
    public int? BirthYear => _kind == CitizenIdKind.Cccd ? BirthCentury + YearOfCentury : null;

    private int SexCenturyDigit => (int)(_digits / 100_000_000L % 10);

    private int BirthCentury => 1900 + (SexCenturyDigit / 2 * 100);

    private int YearOfCentury => (int)(_digits / 1_000_000L % 100);

    /// <summary>Returns whether two numbers are equal.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when both have the same kind and digits.</returns>
    public static bool operator ==(CitizenId left, CitizenId right) => left.Equals(right);

    /// <summary>Returns whether two numbers differ.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when kind or digits differ.</returns>
    public static bool operator !=(CitizenId left, CitizenId right) => !left.Equals(right);

    /// <summary>Returns whether one number sorts before another (by kind, then digits).</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(CitizenId left, CitizenId right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether one number sorts after another (by kind, then digits).</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(CitizenId left, CitizenId right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether one number sorts before or equal to another.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort after <paramref name="right"/>.</returns>
    public static bool operator <=(CitizenId left, CitizenId right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether one number sorts after or equal to another.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort before <paramref name="right"/>.</returns>
    public static bool operator >=(CitizenId left, CitizenId right) => left.CompareTo(right) >= 0;

    /// <summary>Returns whether <paramref name="provinceCode"/> is the GSO code of one of the 63 provinces a CCCD may name.</summary>
    /// <param name="provinceCode">A GSO province code, e.g. 79.</param>
    /// <returns><see langword="true"/> when the code is in <see cref="ProvinceCodes"/>.</returns>
    public static bool IsProvinceCode(int provinceCode) =>
        (uint)provinceCode < (uint)s_isProvinceCode.Length && s_isProvinceCode[provinceCode];

    /// <summary>Builds a CCCD from its parts.</summary>
    /// <param name="provinceCode">The GSO code of the province of birth registration (one of <see cref="ProvinceCodes"/>).</param>
    /// <param name="sex">The holder's sex: <see cref="Identity.Sex.Male"/> or <see cref="Identity.Sex.Female"/>.</param>
    /// <param name="birthYear">The holder's birth year, 1900–2399.</param>
    /// <param name="serial">The serial number, 1–999999 (digits 7–12); 0 would make a placeholder.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is outside its range.</exception>
    /// <exception cref="ArgumentException">
    /// The parts make a placeholder (see the remarks of <see cref="CitizenId"/>): the digits <c>012345678901</c>.
    /// </exception>
    public static CitizenId CreateCccd(int provinceCode, Sex sex, int birthYear, int serial)
    {
        if (!IsProvinceCode(provinceCode))
        {
            throw new ArgumentOutOfRangeException(nameof(provinceCode), provinceCode, "Not the GSO code of one of the 63 provinces.");
        }

        if (sex is not (Sex.Male or Sex.Female))
        {
            throw new ArgumentOutOfRangeException(nameof(sex), sex, "A CCCD encodes only male or female.");
        }

        Guard.Against.OutOfRange(birthYear, nameof(birthYear), 1900, 2399);
        Guard.Against.OutOfRange(serial, nameof(serial), 1, 999_999);
        var sexCentury = ((birthYear - 1900) / 100 * 2) + (sex == Sex.Female ? 1 : 0);
        var digits = (provinceCode * 1_000_000_000L) + (sexCentury * 100_000_000L) + (birthYear % 100 * 1_000_000L) + serial;
        if (IsPlaceholder(digits, 12))
        {
            throw new ArgumentException("The parts make a placeholder, not a real number: its digits run in sequence.", nameof(serial));
        }

        return new CitizenId(digits, CitizenIdKind.Cccd);
    }

    /// <summary>Reads a CCCD or CMND.</summary>
    /// <param name="text">12 or 9 digits, optionally grouped with single spaces, dots or dashes.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">The text is not a valid number; the message says why (never the number itself).</exception>
    public static CitizenId Parse(ReadOnlySpan<char> text)
    {
        var error = TryParseCore(text, out var result);
        return error is null ? result : throw new FormatException(error);
    }

    /// <summary>Tries to read a CCCD or CMND.</summary>
    /// <param name="text">12 or 9 digits, optionally grouped with single spaces, dots or dashes.</param>
    /// <param name="result">The number, or <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when the text is a valid number.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out CitizenId result) => TryParseCore(text, out result) is null;

    /// <summary>
    /// Checks this CCCD against a person's sex and birth year and says which parts disagree.
    /// </summary>
    /// <param name="sex">The person's sex; <see cref="Identity.Sex.Unknown"/> skips the sex check.</param>
    /// <param name="birthYear">The person's birth year.</param>
    /// <returns>
    /// <see cref="CitizenIdDiscrepancies.None"/> when consistent; otherwise the parts that disagree; or
    /// <see cref="CitizenIdDiscrepancies.NotEncoded"/> when this is not a CCCD.
    /// </returns>
    public CitizenIdDiscrepancies CheckAgainst(Sex sex, int birthYear)
    {
        if (_kind != CitizenIdKind.Cccd)
        {
            return CitizenIdDiscrepancies.NotEncoded;
        }

        var result = CitizenIdDiscrepancies.None;
        if (sex != Sex.Unknown && sex != Sex)
        {
            result |= CitizenIdDiscrepancies.Sex;
        }

        if (Math.DivRem(birthYear, 100, out var yearOfCentury) * 100 != BirthCentury)
        {
            result |= CitizenIdDiscrepancies.Century;
        }

        if (yearOfCentury != YearOfCentury)
        {
            result |= CitizenIdDiscrepancies.Year;
        }

        return result;
    }

    /// <summary>Checks this CCCD against a person's sex and date of birth (only its year is encoded in the number).</summary>
    /// <param name="sex">The person's sex; <see cref="Identity.Sex.Unknown"/> skips the sex check.</param>
    /// <param name="dateOfBirth">The person's date of birth, of any precision; <see langword="default"/> checks only the sex.</param>
    /// <returns>As <see cref="CheckAgainst(Sex, int)"/>.</returns>
    public CitizenIdDiscrepancies CheckAgainst(Sex sex, PartialDate dateOfBirth)
    {
        if (dateOfBirth.Precision == DatePrecision.None)
        {
            return CheckAgainst(sex, BirthYear ?? 0) & (CitizenIdDiscrepancies.Sex | CitizenIdDiscrepancies.NotEncoded);
        }

        return CheckAgainst(sex, dateOfBirth.Year);
    }

    /// <summary>Checks this CCCD against a person's sex and date of birth.</summary>
    /// <param name="sex">The person's sex; <see cref="Identity.Sex.Unknown"/> skips the sex check.</param>
    /// <param name="dateOfBirth">The person's date of birth.</param>
    /// <returns>As <see cref="CheckAgainst(Sex, int)"/>.</returns>
    public CitizenIdDiscrepancies CheckAgainst(Sex sex, LocalDate dateOfBirth) => CheckAgainst(sex, dateOfBirth.Year);

    /// <inheritdoc/>
    public bool Equals(CitizenId other) => _digits == other._digits && _kind == other._kind;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is CitizenId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_digits, _kind);

    /// <inheritdoc/>
    public int CompareTo(CitizenId other)
    {
        var byKind = _kind.CompareTo(other._kind);
        return byKind != 0 ? byKind : _digits.CompareTo(other._digits);
    }

    /// <summary>Formats the number as its bare digits: 12 for a CCCD, 9 for a CMND, empty for the default value.</summary>
    /// <returns>The digits.</returns>
    public override string ToString() => _kind switch
    {
        CitizenIdKind.Cccd => _digits.ToString("D12", CultureInfo.InvariantCulture),
        CitizenIdKind.Cmnd => _digits.ToString("D9", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    private static string? TryParseCore(ReadOnlySpan<char> text, out CitizenId result)
    {
        result = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return "A citizen identity number is empty.";
        }

        if (text.Length > MaxInputLength)
        {
            return $"A citizen identity number has 12 (CCCD) or 9 (CMND) digits; the text is {text.Length} characters long.";
        }

        long digits = 0;
        var count = 0;
        var previousWasSeparator = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (++count <= 12)
                {
                    digits = (digits * 10) + (c - '0');
                }

                previousWasSeparator = false;
            }
            else if (c is ' ' or '.' or '-')
            {
                if (count == 0 || previousWasSeparator)
                {
                    return $"A citizen identity number may have single spaces, dots or dashes only between digits; found one at position {i + 1}.";
                }

                previousWasSeparator = true;
            }
            else
            {
                return $"A citizen identity number has only digits; found {InputCharacters.Describe(c)} at position {i + 1}.";
            }
        }

        if (previousWasSeparator)
        {
            return $"A citizen identity number may have single spaces, dots or dashes only between digits; found one at position {text.Length}.";
        }

        if (count is 9 or 12 && IsPlaceholder(digits, count))
        {
            return "A citizen identity number whose digits are all the same or run in sequence is a placeholder, not a real number.";
        }

        if (count == 12 && digits % 1_000_000L == 0)
        {
            return "A CCCD whose serial (its last 6 digits) is all zeros is a placeholder, not a real number.";
        }

        if (count == 9)
        {
            result = new CitizenId(digits, CitizenIdKind.Cmnd);
            return null;
        }

        if (count != 12)
        {
            return count is 10 or 11
                ? $"A CCCD has 12 digits; found {count}."
                : $"A citizen identity number has 12 digits (CCCD) or 9 (CMND); found {count}.";
        }

        var province = (int)(digits / 1_000_000_000L);
        if (!IsProvinceCode(province))
        {
            return "The first 3 digits of a CCCD must be the code of one of the 63 provinces (001–096); they are not.";
        }

        result = new CitizenId(digits, CitizenIdKind.Cccd);
        return null;
    }

    // All digits the same, or each digit one more (or one less) than the one before, modulo 10: the fillers typed when the
    // real number is not known. A CCCD's serial of zeros is checked apart, with its own reason.
    private static bool IsPlaceholder(long digits, int count)
    {
        var last = (int)(digits % 10);
        bool same = true, up = true, down = true;
        for (var i = 1; i < count; i++)
        {
            digits /= 10;
            var previous = (int)(digits % 10);
            same &= previous == last;
            up &= (previous + 1) % 10 == last;
            down &= (last + 1) % 10 == previous;
            last = previous;
        }

        return same || up || down;
    }

    private static bool[] BuildProvinceLookup()
    {
        var lookup = new bool[100];
        foreach (var code in s_provinceCodes)
        {
            lookup[code] = true;
        }

        return lookup;
    }
}
