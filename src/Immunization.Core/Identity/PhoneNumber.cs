using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Immunization.Core.Identity;

/// <summary>
/// A Vietnamese phone number, normalised so that every writing of one number gives the same value: <c>+84 912 345 678</c>,
/// <c>84912345678</c>, <c>0084-912-345-678</c>, <c>(091) 234.5678</c> and <c>0912345678</c> are equal.
/// </summary>
/// <remarks>
/// <para>
/// Accepted: an optional country prefix <c>+84</c>, <c>0084</c> or <c>84</c>; then the national number with its leading
/// <c>0</c>, or without it (spreadsheets drop it); spaces, dots, dashes and parentheses anywhere between digits.
/// After the prefix, the national significant number must be
/// </para>
/// <list type="bullet">
/// <item>
/// a mobile number: 9 digits starting with an allocated mobile prefix (<c>0912345678</c>): <c>032</c>–<c>039</c> (Viettel);
/// <c>052</c>, <c>056</c>, <c>058</c> (Vietnamobile), <c>055</c> (Wintel), <c>059</c> (Gmobile); <c>070</c>,
/// <c>076</c>–<c>079</c> (MobiFone); <c>081</c>–<c>089</c> (VinaPhone, Viettel <c>086</c>, Itelecom <c>087</c>, MobiFone
/// <c>089</c>); <c>090</c>–<c>099</c>. Unallocated prefixes such as <c>031</c>, <c>053</c>, <c>071</c> or <c>080</c> are
/// rejected: they are typing errors, not numbers anyone can call;
/// </item>
/// <item>
/// a legacy 11-digit mobile number (<c>01xx</c> + 7 digits), converted in 2018 to its 10-digit form by the official table:
/// Viettel 0162–0169 → 032–039; MobiFone 0120 → 070, 0121 → 079, 0122 → 077, 0126 → 076, 0128 → 078; VinaPhone
/// 0123 → 083, 0124 → 084, 0125 → 085, 0127 → 081, 0129 → 082; Vietnamobile 0186 → 056, 0188 → 058; Gmobile 0199 → 059.
/// So <c>01662345678</c> and <c>0362345678</c> are the same <see cref="PhoneNumber"/>;
/// </item>
/// <item>
/// a landline in the numbering in force since 2017: 10 digits starting with the area code of one of the 63 provinces
/// (before the 2025 reform): <c>024</c> Hà Nội and <c>028</c> TP Hồ Chí Minh, followed by 8 digits (<c>024 3825 1234</c>),
/// or a 3-digit code <c>0203</c>–<c>0299</c> (e.g. <c>0236</c> Đà Nẵng), followed by 7 digits. Codes in that range that
/// no province uses (<c>0217</c>, <c>0223</c>, …) are rejected.
/// </item>
/// </list>
/// <para>
/// Landlines in the pre-2017 numbering (e.g. <c>04 3825 1234</c>) are rejected, because their old area codes cannot be told
/// apart from today's mobile prefixes (<c>08</c> was TP Hồ Chí Minh, <c>08x</c> is now VinaPhone); so are service numbers
/// (<c>1800…</c>, <c>1900…</c>), the short codes, and a number of only zeros (a placeholder).
/// </para>
/// <para>
/// <see cref="ToString()"/> gives the national form (<c>0</c> + 9 or 10 digits), <see cref="ToE164"/> the international one.
/// The value is one <see cref="long"/>. Exception messages never contain the number nor any character of it (an
/// unexpected character is described by its kind and position); digit counts are given as the number was written:
/// with its leading <c>0</c>, after the country code, or without either.
/// </para>
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for more information.</threadsafety>
public readonly struct PhoneNumber : IEquatable<PhoneNumber>
{
    private const int MaxDigits = 16;
    private const int MaxInputLength = 40;

    // Index: the two digits after the "1" of a legacy 11-digit mobile number (0162 → 62). Value: the new 2-digit prefix, 0 if none.
    private static readonly byte[] s_legacyMobilePrefix = BuildLegacyTable();

    // National significant number (without the leading 0): 9 digits for mobiles, 10 for landlines.
    private readonly long _nationalSignificant;

    private PhoneNumber(long nationalSignificant) => _nationalSignificant = nationalSignificant;

    /// <summary>
    /// Gets the national significant number (the digits after the leading 0, as a number; e.g. 912345678 for
    /// 0912345678), or 0 for the default value.
    /// </summary>
    public long NationalNumber => _nationalSignificant;

    /// <summary>Gets whether this is a mobile or a landline number.</summary>
    public PhoneNumberKind Kind => _nationalSignificant switch
    {
        0 => PhoneNumberKind.None,
        < 1_000_000_000L => PhoneNumberKind.Mobile,
        _ => PhoneNumberKind.Landline,
    };

    /// <summary>Returns whether two numbers are equal.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when both normalise to the same number.</returns>
    public static bool operator ==(PhoneNumber left, PhoneNumber right) => left.Equals(right);

    /// <summary>Returns whether two numbers differ.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when they normalise to different numbers.</returns>
    public static bool operator !=(PhoneNumber left, PhoneNumber right) => !left.Equals(right);

    /// <summary>Reads a phone number in any of the writings described in the remarks of <see cref="PhoneNumber"/>.</summary>
    /// <param name="text">The number as written.</param>
    /// <returns>The normalised number.</returns>
    /// <exception cref="FormatException">The text is not a valid Vietnamese number; the message says why (never the number).</exception>
    public static PhoneNumber Parse(ReadOnlySpan<char> text)
    {
        var error = TryParseCore(text, out var result);
        return error is null ? result : throw new FormatException(error);
    }

    /// <summary>Tries to read a phone number in any of the writings described in the remarks of <see cref="PhoneNumber"/>.</summary>
    /// <param name="text">The number as written.</param>
    /// <param name="result">The normalised number, or <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when the text is a valid number.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out PhoneNumber result) => TryParseCore(text, out result) is null;

    /// <summary>
    /// Returns the legacy 11-digit national form of a mobile number that was converted in 2018 (e.g. <c>01662345678</c> for
    /// <c>0362345678</c>), or <see langword="null"/> when the number had no such form.
    /// </summary>
    /// <returns>The legacy form, or <see langword="null"/>.</returns>
    public string? ToLegacyMobileForm()
    {
        if (Kind != PhoneNumberKind.Mobile)
        {
            return null;
        }

        var prefix = (int)(_nationalSignificant / 10_000_000L);
        var legacy = Array.IndexOf(s_legacyMobilePrefix, (byte)prefix);
        return legacy < 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"01{legacy:D2}{_nationalSignificant % 10_000_000L:D7}");
    }

    /// <summary>Formats the number in E.164 form: <c>+84</c> and the national significant number, e.g. <c>+84912345678</c>.</summary>
    /// <returns>The text; empty for the <see langword="default"/> value.</returns>
    public string ToE164() =>
        _nationalSignificant == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"+84{_nationalSignificant}");

    /// <summary>Formats the number in national form: <c>0</c> and the national significant number, e.g. <c>0912345678</c>.</summary>
    /// <returns>The text (10 digits for mobiles, 11 for landlines); empty for the <see langword="default"/> value.</returns>
    public override string ToString() =>
        _nationalSignificant == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"0{_nationalSignificant}");

    /// <inheritdoc/>
    public bool Equals(PhoneNumber other) => _nationalSignificant == other._nationalSignificant;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is PhoneNumber other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _nationalSignificant.GetHashCode();

    private static string? TryParseCore(ReadOnlySpan<char> text, out PhoneNumber result)
    {
        result = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return "A phone number is empty.";
        }

        if (text.Length > MaxInputLength)
        {
            return $"A phone number is at most {MaxInputLength} characters long; the text has {text.Length}.";
        }

        Span<byte> digits = stackalloc byte[MaxDigits];
        var count = 0;
        var plus = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == MaxDigits)
                {
                    return $"A phone number has at most {MaxDigits} digits.";
                }

                digits[count++] = (byte)(c - '0');
            }
            else if (c == '+')
            {
                if (count > 0 || plus)
                {
                    return $"A '+' may only start a phone number; found one at position {i + 1}.";
                }

                plus = true;
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')'))
            {
                return $"A phone number has only digits, a leading '+', spaces, dots, dashes and parentheses; found {InputCharacters.Describe(c)} at position {i + 1}.";
            }
        }

        var all = digits[..count];
        if (count >= 3 && all.IndexOfAnyExcept((byte)0) < 0)
        {
            return "A phone number of only zeros is a placeholder, not a real number.";
        }

        scoped ReadOnlySpan<byte> national;
        Prefix prefix;
        if (plus)
        {
            if (count < 2 || all[0] != 8 || all[1] != 4)
            {
                return "An international phone number must start with +84 (Viet Nam).";
            }

            national = all[2..];
            prefix = Prefix.CountryCode;
        }
        else if (count >= 2 && all[0] == 0 && all[1] == 0)
        {
            if (count >= 3 && all[2] == 0)
            {
                return "A phone number cannot start with 000.";
            }

            if (count < 4 || all[2] != 8 || all[3] != 4)
            {
                return "A phone number starting with 00 is international and must continue with 84 (Viet Nam), as in 0084.";
            }

            national = all[4..];
            prefix = Prefix.CountryCode;
        }
        else if (count > 0 && all[0] == 0)
        {
            national = all[1..];
            prefix = Prefix.TrunkZero;
        }
        else if (count is 11 or 12 && all[0] == 8 && all[1] == 4)
        {
            national = all[2..];
            prefix = Prefix.CountryCode;
        }
        else
        {
            national = all; // a national number whose leading 0 was lost
            prefix = Prefix.None;
        }

        if (prefix == Prefix.CountryCode && !national.IsEmpty && national[0] == 0)
        {
            national = national[1..]; // "+84 (0) 912 …"
        }

        if (national.IsEmpty)
        {
            return "A phone number has no digits after its prefix.";
        }

        if (national.Length >= 4 && national[0] == 1 && national[1] is 8 or 9 && national[2] == 0 && national[3] == 0)
        {
            return "A service number (free-phone or premium-rate) is not a personal phone number.";
        }

        long value = 0;
        foreach (var d in national)
        {
            value = (value * 10) + d;
        }

        switch (national[0])
        {
            case 3 or 5 or 7 or 8 or 9:
                if (national.Length != 9)
                {
                    return LengthError("A mobile number", 9, national.Length, prefix);
                }

                if (!IsMobilePrefix((national[0] * 10) + national[1]))
                {
                    return "The number starts with a prefix that is not one of the allocated mobile prefixes (032–039, 052, 055, 056, 058, 059, 070, 076–079, 081–089, 090–099).";
                }

                result = new PhoneNumber(value);
                return null;
            case 2:
                if (national.Length != 10)
                {
                    return LengthError("A landline number", 10, national.Length, prefix);
                }

                if (!IsAreaCode(national))
                {
                    return "The number starts with 02 but its area code is not one of the 63 provincial area codes in use since 2017.";
                }

                result = new PhoneNumber(value);
                return null;
            case 1:
                if (national.Length != 10)
                {
                    return LengthError("A legacy mobile number", 10, national.Length, prefix);
                }

                var newPrefix = s_legacyMobilePrefix[(national[1] * 10) + national[2]];
                if (newPrefix == 0)
                {
                    return "An 11-digit mobile number must start with one of the prefixes converted in 2018 (0120–0129, 0162–0169, 0186, 0188, 0199).";
                }

                result = new PhoneNumber((newPrefix * 10_000_000L) + (value % 10_000_000L));
                return null;
            case 4 or 6:
                return "Numbers starting with 04 or 06 are landlines in the numbering before 2017, which is not supported.";
            default:
                return "A national number must start with 02 (landline) or 03, 05, 07, 08, 09 (mobile).";
        }
    }

    // Counts the digits the way the writer wrote them: with the leading 0 when it was there, after the country code otherwise.
    private static string LengthError(string what, int significantDigits, int found, Prefix prefix) => prefix switch
    {
        Prefix.TrunkZero => $"{what} has {significantDigits + 1} digits with its leading 0; found {found + 1}.",
        Prefix.CountryCode => $"{what} has {significantDigits} digits after the country code 84; found {found}.",
        _ => $"{what} has {significantDigits + 1} digits with its leading 0, or {significantDigits} without it; found {found}.",
    };

    private static bool IsMobilePrefix(int prefix) => prefix switch
    {
        >= 32 and <= 39 => true, // Viettel (0162–0169 before 2018)
        52 or 56 or 58 => true, // Vietnamobile
        55 => true, // Wintel (formerly Reddi)
        59 => true, // Gmobile
        70 or (>= 76 and <= 79) => true, // MobiFone
        >= 81 and <= 89 => true, // VinaPhone 081–085, 088; Viettel 086; Itelecom 087; MobiFone 089
        >= 90 and <= 99 => true,
        _ => false,
    };

    private static bool IsAreaCode(ReadOnlySpan<byte> national)
    {
        // Hà Nội (024) and TP Hồ Chí Minh (028) have 2-digit codes and 8-digit subscribers; the other 61 provinces 3-digit codes.
        if (national[1] is 4 or 8)
        {
            return true;
        }

        var code = (national[0] * 100) + (national[1] * 10) + national[2];
        return code switch
        {
            (>= 203 and <= 216) or (>= 218 and <= 222) or (>= 225 and <= 229) or (>= 232 and <= 239) => true,
            251 or 252 or (>= 254 and <= 263) or (>= 269 and <= 277) => true,
            (>= 290 and <= 294) or 296 or 297 or 299 => true,
            _ => false,
        };
    }

    private static byte[] BuildLegacyTable()
    {
        var table = new byte[100];
        for (var old = 62; old <= 69; old++)
        {
            table[old] = (byte)(old - 30); // Viettel 0162–0169 → 032–039
        }

        (int Old, int New)[] others =
        [
            (20, 70), (21, 79), (22, 77), (26, 76), (28, 78), // MobiFone
            (23, 83), (24, 84), (25, 85), (27, 81), (29, 82), // VinaPhone
            (86, 56), (88, 58), // Vietnamobile
            (99, 59), // Gmobile
        ];
        foreach (var (old, @new) in others)
        {
            table[old] = (byte)@new;
        }

        return table;
    }

    private enum Prefix
    {
        None,
        TrunkZero,
        CountryCode,
    }
}
