using System.Runtime.CompilerServices;
using Immunization.Matching.Linking;

namespace Immunization.Matching.Comparators;

/// <summary>
/// The compact, pre-normalised form of an identity record that the Vietnamese comparators work on: integers only, except
/// the folded name key kept for the similarity test.
/// </summary>
internal struct IdentityKey
{
    public const int Missing = -1;
    public const int Unknown = -2;

    /// <summary>Digits of the identity number; 0 when missing.</summary>
    public long CitizenId;

    /// <summary>Number of digits (12 CCCD, 9 CMND, 0 missing).</summary>
    public byte CitizenIdLength;

    /// <summary>Whether the number has a valid structure; an invalid one is compared but never trusted.</summary>
    public bool CitizenIdValid;

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

    /// <summary>National significant number of the phone; 0 when missing.</summary>
    public long Phone;

    /// <summary>Interned ids of province and commune codes (current scheme).</summary>
    public int Province;
    public int Commune;
}

/// <summary>The Vietnamese comparators: each returns a level index (0 = agreement), or -1 when a side is missing.</summary>
/// <remarks>Levels are documented in <see cref="IdentityLevels"/>; all work on <see cref="IdentityKey"/> integers.</remarks>
internal static class IdentityComparison
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CitizenId(long a, byte lengthA, long b, byte lengthB)
    {
        if (lengthA == 0 || lengthB == 0 || lengthA != lengthB)
        {
            return -1;
        }

        if (a == b)
        {
            return IdentityLevels.CitizenIdExact;
        }

        // Compare digit by digit from the right: one differing position is a substitution, two adjacent positions holding
        // each other's digit is a transposition.
        var first = -1;
        var second = -1;
        var differences = 0;
        var x = a;
        var y = b;
        int firstA = 0, firstB = 0, secondA = 0, secondB = 0;
        for (var position = 0; position < lengthA; position++)
        {
            var da = (int)(x % 10);
            var db = (int)(y % 10);
            if (da != db)
            {
                differences++;
                if (differences == 1)
                {
                    first = position;
                    firstA = da;
                    firstB = db;
                }
                else if (differences == 2)
                {
                    second = position;
                    secondA = da;
                    secondB = db;
                }
                else
                {
                    return IdentityLevels.CitizenIdDifferent;
                }
            }

            x /= 10;
            y /= 10;
        }

        if (differences == 1)
        {
            return IdentityLevels.CitizenIdSubstitution;
        }

        return second == first + 1 && firstA == secondB && firstB == secondA
            ? IdentityLevels.CitizenIdTransposition
            : IdentityLevels.CitizenIdDifferent;
    }

    public static int Name(in IdentityKey a, in IdentityKey b, string keyA, string keyB)
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

        return JaroWinkler.Similarity(keyA, keyB) >= IdentityLevels.NameSimilarThreshold ? IdentityLevels.NameSimilar : NameFallback(a, b);
    }

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

            if (OneDigitOff((ya * 10000) + (ma * 100) + da, (yb * 10000) + (mb * 100) + db))
            {
                return IdentityLevels.DateOneDigit;
            }
        }

        return ya == yb ? IdentityLevels.DateSameYear : IdentityLevels.DateDifferent;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Sex(byte a, byte b) => a == 0 || b == 0 ? -1 : a == b ? 0 : 1;

    public static int Phone(long a, long b)
    {
        if (a == 0 || b == 0)
        {
            return -1;
        }

        if (a == b)
        {
            return IdentityLevels.PhoneExact;
        }

        return OneDigitOff(a, b) ? IdentityLevels.PhoneOneDigit : IdentityLevels.PhoneDifferent;
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

    /// <summary>Whether two numbers of the same digit count differ in one digit, or by swapping two adjacent digits.</summary>
    private static bool OneDigitOff(long a, long b)
    {
        var differences = 0;
        int firstA = 0, firstB = 0, firstPosition = -1, secondPosition = -1, secondA = 0, secondB = 0;
        var position = 0;
        while (a > 0 || b > 0)
        {
            var da = (int)(a % 10);
            var db = (int)(b % 10);
            if (da != db)
            {
                differences++;
                if (differences == 1)
                {
                    (firstA, firstB, firstPosition) = (da, db, position);
                }
                else if (differences == 2)
                {
                    (secondA, secondB, secondPosition) = (da, db, position);
                }
                else
                {
                    return false;
                }
            }

            a /= 10;
            b /= 10;
            position++;
        }

        return differences == 1 || (secondPosition == firstPosition + 1 && firstA == secondB && firstB == secondA);
    }
}

/// <summary>The levels of the Vietnamese comparators and their names in explanations.</summary>
internal static class IdentityLevels
{
    public const double NameSimilarThreshold = 0.9;

    public const int CitizenIdExact = 0, CitizenIdTransposition = 1, CitizenIdSubstitution = 2, CitizenIdDifferent = 3;
    public const int NameExact = 0, NameMiddleDiffers = 1, NameSwapped = 2, NameSimilar = 3, NameGivenOnly = 4, NameDifferent = 5;
    public const int DateExact = 0, DateCompatible = 1, DateDayMonthSwapped = 2, DateOneDigit = 3, DateSameYear = 4, DateDifferent = 5;
    public const int PhoneExact = 0, PhoneOneDigit = 1, PhoneDifferent = 2;
    public const int ResidenceSameCommune = 0, ResidenceSameProvince = 1, ResidenceDifferent = 2;

    public static readonly string[] FieldNames = ["citizen_id", "full_name", "date_of_birth", "sex", "phone", "residence"];

    public static readonly string[][] Labels =
    [
        ["exact", "transposition", "substitution", "different"],
        ["exact", "middle_name", "reordered", "similar", "given_only", "different"],
        ["exact", "compatible", "day_month_swapped", "one_digit", "same_year", "different"],
        ["exact", "different"],
        ["exact", "one_digit", "different"],
        ["same_commune", "same_province", "different"],
    ];

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
}
