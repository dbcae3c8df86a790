using System.Numerics;
using System.Runtime.CompilerServices;
using Immunization.Core.Records;

namespace Immunization.Matching.Comparators.Vietnamese;

/// <summary>
/// The compact, pre-normalised form of an identity record that the Vietnamese comparators work on: integers only, except
/// the folded name key kept for the similarity test.
/// </summary>
internal struct IdentityKey
{
    public const int Missing = -1;
    public const int Unknown = -2;

    /// <summary>Digits of the identity number; 0 when missing (kept as <see cref="CitizenIdBcd"/> only).</summary>
    public long CitizenId
    {
        readonly get => IdentityComparison.FromBcd(CitizenIdBcd);
        set => CitizenIdBcd = IdentityComparison.Bcd(value);
    }

    /// <summary>Number of digits (12 CCCD, 9 CMND, 0 missing).</summary>
    public byte CitizenIdLength;

    /// <summary>Whether the number has a valid structure; an invalid one is compared but never trusted.</summary>
    public bool CitizenIdValid;

    /// <summary>Whether the field held text that is no identity number at all (reported as invalid, not missing).</summary>
    public bool CitizenIdUnreadable;

    /// <summary>
    /// The fields whose text was present but did not parse, one bit per <c>IdentityField</c> (the identity number's bit also
    /// for text that is no number at all): such a field reads as missing and is reported as <c>invalid</c>.
    /// </summary>
    public byte Unreadable;

    /// <summary>
    /// The identity number's digits packed 4 bits each (BCD), so that differing digits are found with one XOR; the only
    /// stored form of the number (12 digits fit).
    /// </summary>
    public ulong CitizenIdBcd;

    /// <summary>
    /// The sex a valid CCCD encodes (1 male, 2 female); 0 for a CMND, a number without a CCCD's structure, or when no
    /// comparison needs it. Only the general engine's <c>citizenId.consistent</c> level sets and reads it.
    /// </summary>
    public byte CitizenIdSex;

    /// <summary>The birth year a valid CCCD encodes (century and two digits); 0 whenever <see cref="CitizenIdSex"/> is 0.</summary>
    public short CitizenIdBirthYear;

    /// <summary>The phone's digits in BCD (0 when missing): the only stored form of the phone.</summary>
    public ulong PhoneBcd;

    /// <summary>The date of birth as <c>yyyyMMdd</c> digits in BCD (0 when not known to the day), computed from <see cref="DateOfBirth"/>.</summary>
    public readonly ulong DateBcd => IdentityComparison.DateBcd(DateOfBirth);

    /// <summary>Interned ids of the folded full key, family name, middle names and given name (Missing / Unknown otherwise).</summary>
    public int Name;
    public int Family;
    public int Middle;
    public int Given;

    /// <summary>Interned id of the name's syllables in sorted order: equal for any reordering of the same syllables.</summary>
    public int Sorted;

    /// <summary>Hash of the name with tone marks (to tell a tone-only difference from an exact agreement).</summary>
    public ulong TonedHash;

    /// <summary>Packed date of birth, year &lt;&lt; 9 | month &lt;&lt; 5 | day (month and day 0 when unknown); 0 when missing.</summary>
    public int DateOfBirth;

    /// <summary>0 unknown, 1 male, 2 female.</summary>
    public byte Sex;

    /// <summary>National significant number of the phone; 0 when missing (kept as <see cref="PhoneBcd"/> only).</summary>
    public long Phone
    {
        readonly get => IdentityComparison.FromBcd(PhoneBcd);
        set => PhoneBcd = IdentityComparison.Bcd(value);
    }

    /// <summary>Interned ids of province and commune codes (current scheme).</summary>
    public int Province;
    public int Commune;

    /// <summary>
    /// For an old commune split among several new ones, all of them (tokens, <see cref="Commune"/> first); otherwise
    /// <see langword="null"/>. Any part may be where the person lives.
    /// </summary>
    public int[]? CommuneParts;
}

/// <summary>The Vietnamese comparators: each returns a level index (0 = agreement), or -1 when a side is missing.</summary>
/// <remarks>Levels are documented in <see cref="IdentityLevels"/>; all work on <see cref="IdentityKey"/> integers.</remarks>
internal static class IdentityComparison
{
    /// <summary>The identity-number level from the digits (tests and one-off comparisons).</summary>
    public static int CitizenId(long a, byte lengthA, long b, byte lengthB) => CitizenIdBcd(Bcd(a), lengthA, Bcd(b), lengthB);

    /// <summary>The identity-number level from BCD digits: one differing digit is a substitution, two adjacent digits
    /// holding each other's value a transposition.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CitizenIdBcd(ulong a, byte lengthA, ulong b, byte lengthB)
    {
        if (lengthA == 0 || lengthB == 0 || lengthA != lengthB)
        {
            return -1;
        }

        if (a == b)
        {
            return IdentityLevels.CitizenIdExact;
        }

        return DigitEdit(a, b) switch
        {
            1 => IdentityLevels.CitizenIdSubstitution,
            2 => IdentityLevels.CitizenIdTransposition,
            _ => IdentityLevels.CitizenIdDifferent,
        };
    }

    /// <summary>
    /// Whether two identity numbers are consistent with the other record: at least one is a valid CCCD, and each CCCD
    /// encodes the sex and birth year the other record states. A CMND encodes neither, so a CMND side is checked only
    /// through the other side's CCCD; a record that states no sex or no birth year cannot be checked (false).
    /// </summary>
    /// <remarks>Symmetric by construction; reads <see cref="IdentityKey.CitizenIdSex"/>, <see cref="IdentityKey.CitizenIdBirthYear"/>,
    /// <see cref="IdentityKey.Sex"/> and the year of <see cref="IdentityKey.DateOfBirth"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CitizenIdConsistent(in IdentityKey a, in IdentityKey b) =>
        (a.CitizenIdSex != 0 || b.CitizenIdSex != 0) && EncodesStated(a, b) && EncodesStated(b, a);

    /// <summary>Whether <paramref name="number"/>'s CCCD (if it is one) encodes the sex and birth year <paramref name="person"/> states.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EncodesStated(in IdentityKey number, in IdentityKey person) =>
        number.CitizenIdSex == 0
        || (number.CitizenIdSex == person.Sex && person.DateOfBirth != 0 && number.CitizenIdBirthYear == person.DateOfBirth >> 9);

    /// <summary>Packs a non-negative number's decimal digits 4 bits each, lowest digit lowest.</summary>
    public static ulong Bcd(long value)
    {
        ulong bcd = 0;
        var shift = 0;
        while (value > 0 && shift < 64)
        {
            bcd |= (ulong)(value % 10) << shift;
            value /= 10;
            shift += 4;
        }

        return bcd;
    }

    /// <summary>The number whose decimal digits <paramref name="bcd"/> packs (the inverse of <see cref="Bcd"/> up to 16 digits).</summary>
    /// <remarks>Pairs of digits, then of pairs, and so on, are combined in all lanes at once (no loop over the digits).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FromBcd(ulong bcd)
    {
        // Each byte: high digit * 10 + low digit (0..99); then each 16-bit lane (0..9999); then each 32-bit lane.
        var x = (((bcd >> 4) & 0x0F0F_0F0F_0F0F_0F0FUL) * 10) + (bcd & 0x0F0F_0F0F_0F0F_0F0FUL);
        x = (((x >> 8) & 0x00FF_00FF_00FF_00FFUL) * 100) + (x & 0x00FF_00FF_00FF_00FFUL);
        x = (((x >> 16) & 0x0000_FFFF_0000_FFFFUL) * 10_000) + (x & 0x0000_FFFF_0000_FFFFUL);
        return (long)(((x >> 32) * 100_000_000UL) + (x & 0xFFFF_FFFFUL));
    }

    /// <summary>
    /// 1 when two BCD numbers differ in exactly one digit, 2 when they differ by swapping two adjacent digits, 0 otherwise
    /// (equal, or more different). One XOR and a population count instead of a loop of divisions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DigitEdit(ulong a, ulong b)
    {
        var x = a ^ b;
        var differing = (x | (x >> 1) | (x >> 2) | (x >> 3)) & 0x1111_1111_1111_1111UL;
        var count = BitOperations.PopCount(differing);
        if (count == 1)
        {
            return 1;
        }

        if (count != 2)
        {
            return 0;
        }

        var low = BitOperations.TrailingZeroCount(differing);
        var high = 63 - BitOperations.LeadingZeroCount(differing);
        if (high != low + 4)
        {
            return 0;
        }

        var lowA = (a >> low) & 0xF;
        var highA = (a >> high) & 0xF;
        var lowB = (b >> low) & 0xF;
        var highB = (b >> high) & 0xF;
        return lowA == highB && highA == lowB ? 2 : 0;
    }

    public static int Name(in IdentityKey a, in IdentityKey b, ReadOnlySpan<char> keyA, ReadOnlySpan<char> keyB)
    {
        if (a.Name < 0 && a.Name != IdentityKey.Unknown || b.Name < 0 && b.Name != IdentityKey.Unknown)
        {
            return -1;
        }

        if (a.Name >= 0 && a.Name == b.Name)
        {
            return IdentityLevels.NameExact;
        }

        if (a.Given >= 0 && a.Given == b.Given && a.Family == b.Family)
        {
            return IdentityLevels.NameMiddleDiffers;
        }

        if ((a.Given >= 0 && a.Family >= 0 && a.Given == b.Family && a.Family == b.Given) || (a.Sorted >= 0 && a.Sorted == b.Sorted))
        {
            return IdentityLevels.NameSwapped;
        }

        return NamesSimilar(keyA, keyB, IdentityLevels.NameSimilarThreshold) ? IdentityLevels.NameSimilar : NameFallback(a, b);
    }

    /// <summary>
    /// Whether two folded full names are similar: their given names (last syllables) are at most one edit apart
    /// (<see cref="GivenNamesClose"/>) and the Jaro-Winkler similarity of the whole names reaches <paramref name="threshold"/>.
    /// </summary>
    /// <remarks>
    /// The whole-name similarity alone calls <c>nguyen thi chi</c> and <c>nguyen thi xuan</c> similar (0.90): a family and a
    /// middle name shared by millions outweigh a given name with nothing in common, and two relatives, or two strangers of a
    /// common family name, count as one person with a typo. The given name is what tells Vietnamese people apart.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NamesSimilar(ReadOnlySpan<char> a, ReadOnlySpan<char> b, double threshold) =>
        GivenNamesClose(a, b) && JaroWinkler.Similarity(a, b) >= threshold;

    /// <summary>
    /// Whether the given names (the last syllables) of two folded full names are equal or one typing error apart: one letter
    /// inserted, deleted or replaced, or two adjacent letters swapped.
    /// </summary>
    public static bool GivenNamesClose(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        DamerauLevenshtein.Distance(a[(a.LastIndexOf(' ') + 1)..], b[(b.LastIndexOf(' ') + 1)..], 1) <= 1;

    /// <summary>The name level when the names are not similar: given name only, or different.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NameFallback(in IdentityKey a, in IdentityKey b) =>
        a.Given >= 0 && a.Given == b.Given ? IdentityLevels.NameGivenOnly : IdentityLevels.NameDifferent;

    /// <summary>
    /// The name level decided without the similarity test, or <see cref="NeedsSimilarity"/> when only Jaro-Winkler can
    /// tell "similar" from the fallback.
    /// </summary>
    public static int NameWithoutSimilarity(in IdentityKey a, in IdentityKey b)
    {
        if (a.Name < 0 && a.Name != IdentityKey.Unknown || b.Name < 0 && b.Name != IdentityKey.Unknown)
        {
            return -1;
        }

        if (a.Name >= 0 && a.Name == b.Name)
        {
            return IdentityLevels.NameExact;
        }

        if (a.Given >= 0 && a.Given == b.Given && a.Family == b.Family)
        {
            return IdentityLevels.NameMiddleDiffers;
        }

        if ((a.Given >= 0 && a.Family >= 0 && a.Given == b.Family && a.Family == b.Given) || (a.Sorted >= 0 && a.Sorted == b.Sorted))
        {
            return IdentityLevels.NameSwapped;
        }

        return NeedsSimilarity;
    }

    public const int NeedsSimilarity = -3;

    /// <summary>The <c>yyyyMMdd</c> BCD of a packed date known to the day, else 0 (what <see cref="Bcd"/> gives for the number yyyyMMdd).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong DateBcd(int packed)
    {
        int y = packed >> 9, m = (packed >> 5) & 0xF, d = packed & 0x1F;
        if (m == 0 || d == 0)
        {
            return 0;
        }

        if ((uint)y > 9999)
        {
            return Bcd((y * 10000L) + (m * 100L) + d);
        }

        var digits = TwoDigitBcd;
        return ((ulong)digits[y / 100] << 24) | ((ulong)digits[y % 100] << 16) | ((ulong)digits[m] << 8) | digits[d];
    }

    // n → its two decimal digits in BCD, for n below 100.
    private static ReadOnlySpan<byte> TwoDigitBcd =>
    [
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19,
        0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39,
        0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59,
        0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79,
        0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99,
    ];

    /// <summary>The date level from packed dates; the digits are compared (BCD) only when a one-digit typo is the question.</summary>
    public static int DateOfBirth(int a, int b)
    {
        if (a == 0 || b == 0)
        {
            return -1;
        }

        if (a == b)
        {
            return IdentityLevels.DateExact;
        }

        int ya = a >> 9, ma = (a >> 5) & 0xF, da = a & 0x1F;
        int yb = b >> 9, mb = (b >> 5) & 0xF, db = b & 0x1F;
        if (ya == yb && (ma == 0 || mb == 0 || (ma == mb && (da == 0 || db == 0))))
        {
            return IdentityLevels.DateCompatible;
        }

        if (da != 0 && db != 0)
        {
            if (ya == yb && ma == db && da == mb)
            {
                return IdentityLevels.DateDayMonthSwapped;
            }

            if (DigitEdit(DateBcd(a), DateBcd(b)) != 0)
            {
                return IdentityLevels.DateOneDigit;
            }
        }

        return ya == yb ? IdentityLevels.DateSameYear : IdentityLevels.DateDifferent;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Sex(byte a, byte b) => a == 0 || b == 0 ? -1 : a == b ? 0 : 1;

    /// <summary>The phone level from national significant numbers (tests and one-off comparisons).</summary>
    public static int Phone(long a, long b) => PhoneBcd(Bcd(a), Bcd(b));

    /// <summary>The phone level from the phones' BCD digits (0: missing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PhoneBcd(ulong bcdA, ulong bcdB)
    {
        if (bcdA == 0 || bcdB == 0)
        {
            return -1;
        }

        if (bcdA == bcdB)
        {
            return IdentityLevels.PhoneExact;
        }

        return DigitEdit(bcdA, bcdB) != 0 ? IdentityLevels.PhoneOneDigit : IdentityLevels.PhoneDifferent;
    }

    /// <summary>
    /// The residence level of two keys; a commune split in 2025 is the same commune as any of its parts (the semantics of
    /// <c>AdministrativeUnit.MapsToSameNewCommune</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Residence(in IdentityKey a, in IdentityKey b)
    {
        if ((a.CommuneParts is not null || b.CommuneParts is not null) && CommunesOverlap(a, b))
        {
            return IdentityLevels.ResidenceSameCommune;
        }

        return Residence(a.Province, a.Commune, b.Province, b.Commune);
    }

    private static bool CommunesOverlap(in IdentityKey a, in IdentityKey b)
    {
        ReadOnlySpan<int> partsA = a.CommuneParts ?? [a.Commune];
        ReadOnlySpan<int> partsB = b.CommuneParts ?? [b.Commune];
        foreach (var x in partsA)
        {
            if (x >= 0 && partsB.Contains(x))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Residence(int provinceA, int communeA, int provinceB, int communeB)
    {
        if (communeA >= 0 && communeA == communeB)
        {
            return IdentityLevels.ResidenceSameCommune;
        }

        if (provinceA == IdentityKey.Missing || provinceB == IdentityKey.Missing)
        {
            return -1;
        }

        return provinceA >= 0 && provinceA == provinceB ? IdentityLevels.ResidenceSameProvince : IdentityLevels.ResidenceDifferent;
    }
}

/// <summary>The levels of the Vietnamese comparators and their names in explanations.</summary>
internal static class IdentityLevels
{
    public const double NameSimilarThreshold = 0.9;

    public const int CitizenIdExact = 0, CitizenIdTransposition = 1, CitizenIdSubstitution = 2, CitizenIdDifferent = 3;

    /// <summary>
    /// The general engine's citizenId order puts 'consistent' (a CMND against a CCCD that encodes the sex and birth year the
    /// CMND's record states) before 'different'; the built-in matcher keeps <see cref="CitizenIdDifferent"/> = 3,
    /// which its <see cref="Labels"/>, <see cref="M"/> and <see cref="PriorU"/> are indexed by.
    /// </summary>
    public const int CitizenIdConsistent = 3, CitizenIdInconsistent = 4;
    public const int NameExact = 0, NameMiddleDiffers = 1, NameSwapped = 2, NameSimilar = 3, NameGivenOnly = 4, NameDifferent = 5;
    public const int DateExact = 0, DateCompatible = 1, DateDayMonthSwapped = 2, DateOneDigit = 3, DateSameYear = 4, DateDifferent = 5;
    public const int PhoneExact = 0, PhoneOneDigit = 1, PhoneDifferent = 2;
    public const int ResidenceSameCommune = 0, ResidenceSameProvince = 1, ResidenceDifferent = 2;

    /// <summary>The fields' names in explanations, as in files (<see cref="VerificationNames"/>), by <see cref="IdentityField"/>.</summary>
    public static readonly string[] FieldNames = [.. Enumerable.Range(0, FieldCount).Select(f => VerificationNames.Name((IdentityField)f))];

    /// <summary>
    /// The difference each level above exact means for the key fields (identity number, name, date of birth, sex), by field
    /// and code as in <see cref="Labels"/>, whose names are the same (a test holds them equal); level 0 (exact) is no
    /// difference and left at the default value.
    /// </summary>
    public static readonly DifferenceKind[][] DifferenceKinds =
    [
        [default, DifferenceKind.Transposition, DifferenceKind.Substitution, DifferenceKind.Different],
        [default, DifferenceKind.MiddleName, DifferenceKind.Reordered, DifferenceKind.Similar, DifferenceKind.GivenOnly, DifferenceKind.Different],
        [default, DifferenceKind.Compatible, DifferenceKind.DayMonthSwapped, DifferenceKind.OneDigit, DifferenceKind.SameYear, DifferenceKind.Different],
        [default, DifferenceKind.Different],
    ];

    public static readonly string[][] Labels =
    [
        ["exact", "transposition", "substitution", "different"],
        ["exact", "middle_name", "reordered", "similar", "given_only", "different"],
        ["exact", "compatible", "day_month_swapped", "one_digit", "same_year", "different"],
        ["exact", "different"],
        ["exact", "one_digit", "different"],
        ["same_commune", "same_province", "different"],
    ];

    /// <summary>
    /// The names the JSON configuration gives the same levels (<c>"partialDate.dayMonthSwapped"</c>), by field and code as in
    /// <see cref="Labels"/>; <see langword="null"/> for the last level, which a configuration reaches as its own
    /// else-level. One table, so that both engines name a level of the same comparison alike; the output names
    /// (<see cref="Labels"/>) and the configuration names differ only in spelling and are both kept for compatibility.
    /// </summary>
    public static readonly string?[][] ConfigurationNames =
    [
        ["exact", "transposition", "substitution", null],
        ["exact", "middleMissing", "anyOrder", "similar", "givenOnly", null],
        ["exact", "compatible", "dayMonthSwapped", "oneDigit", "sameYear", null],
        ["exact", null],
        ["exact", "oneDigit", null],
        ["sameCommune", "sameProvince", null],
    ];

    /// <summary>The configuration name of <see cref="CitizenIdConsistent"/>, a level only the configured engine has.</summary>
    public const string CitizenIdConsistentName = "consistent";

    /// <summary>
    /// The configuration names of one field's levels in code order (strictest first), without the else-level; for the
    /// identity number with <see cref="CitizenIdConsistentName"/> at <see cref="CitizenIdConsistent"/>.
    /// </summary>
    public static string[] ConfigurationLevels(int field)
    {
        var names = ConfigurationNames[field];
        var levels = new List<string>(names.Length);
        foreach (var name in names)
        {
            if (name is not null)
            {
                levels.Add(name);
            }
        }

        if (field == 0)
        {
            levels.Insert(CitizenIdConsistent, CitizenIdConsistentName);
        }

        return [.. levels];
    }

    /// <summary>The m probabilities: how often each level occurs between a record and its own person.</summary>
    /// <remarks>
    /// Fixed from the error rates of manual data entry (a few percent per field), not estimated: a record-to-register run
    /// must not depend on the batch it came in. u is estimated from the register itself.
    /// </remarks>
    public static readonly double[][] M =
    [
        [0.95, 0.01, 0.02, 0.02],
        [0.90, 0.03, 0.01, 0.04, 0.01, 0.01],
        [0.85, 0.07, 0.02, 0.03, 0.01, 0.02],
        [0.97, 0.03],
        [0.85, 0.05, 0.10],
        [0.80, 0.12, 0.08],
    ];

    /// <summary>
    /// The prior u probabilities: how often each level occurs between two different people of a national register
    /// (identity numbers unique, about 80 birth years, 3,321 communes in 34 provinces). Estimates from the register are
    /// shrunk towards them, so that a small register still gets sensible weights.
    /// </summary>
    public static readonly double[][] PriorU =
    [
        [1e-7, 1e-7, 1e-6, 1 - 1.2e-6],
        [1e-4, 1e-4, 1e-5, 3e-3, 1e-2, 0.9869],
        [3.4e-5, 6e-4, 3e-5, 3e-4, 1.2e-2, 0.987],
        [0.5, 0.5],
        [1e-6, 1e-5, 1 - 1.1e-5],
        [3e-4, 3e-2, 0.9697],
    ];

    public const int FieldCount = 6;

    /// <summary>The prior share of pairs of people born in the same year (about 80 birth years, unevenly filled).</summary>
    public const double PriorYearShare = 1.0 / 60;

    /// <summary>
    /// Whether the identity evidence agrees: the identity number (exact or one typo), or a name at least similar together
    /// with a date of birth that agrees as far as both sides know it (or differs by one typo or a day/month swap). Contact
    /// evidence (phone, residence) adds to a candidate only then: a relative shares a household's phone and address.
    /// </summary>
    public static bool IdentityAgrees(int citizenId, int name, int dateOfBirth) =>
        (citizenId >= CitizenIdExact && citizenId <= CitizenIdSubstitution)
        || (name >= NameExact && name <= NameSimilar && dateOfBirth >= DateExact && dateOfBirth <= DateOneDigit);

    /// <summary>
    /// Whether the identity number (exact or one typo) is the only identity evidence that agrees: the name and the date of
    /// birth are both known on both sides and both differ outright. Such a candidate is never linked (<c>citizen_id_only</c>).
    /// </summary>
    public static bool NumberOnly(int citizenId, int name, int dateOfBirth) =>
        citizenId >= CitizenIdExact && citizenId <= CitizenIdSubstitution && name == NameDifferent && dateOfBirth == DateDifferent;
}
