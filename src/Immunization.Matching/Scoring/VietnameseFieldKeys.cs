using System.Runtime.CompilerServices;
using Immunization.Core.Identity;
using Immunization.Matching.Configuration;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Scoring;

/// <summary>
/// Turns the distinct values of a field compared by a Vietnamese comparator into the built-in matcher's compact keys, once
/// per value when the tables are loaded: folded name tokens, packed partial dates, identity numbers and phone numbers as
/// integers with their BCD digits, residences as interned current-scheme province and commune codes. The hot loop then compares integers only.
/// </summary>
/// <remarks>
/// The keys are made by the built-in matcher's own code (<see cref="IdentityRecord.FromText"/> and
/// <see cref="IdentityKeys.KeyOf"/>), so both engines parse and compare the same way.
/// </remarks>
internal static class VietnameseFieldKeys
{
    /// <summary>Returns one key per value (indexed by value id); a value that does not parse gives a key that reads as missing.</summary>
    /// <param name="family">The comparator.</param>
    /// <param name="values">The field's distinct values.</param>
    /// <param name="folded">For names, the folded name of each value (what the similarity test reads), else empty.</param>
    /// <param name="citizenIdConsistency">
    /// For identity numbers, whether a level checks the number's consistency with the other record's sex and birth year:
    /// the keys then hold what the number encodes and what the record states (the value's second and third columns).
    /// </param>
    public static IdentityKey[] Build(LevelKind family, string[] values, out string[] folded, bool citizenIdConsistency = false)
    {
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameTexts = new List<string>();
        var keys = new IdentityKey[values.Length];
        for (var v = 0; v < values.Length; v++)
        {
            var value = values[v];
            var record = family switch
            {
                LevelKind.VietnameseName => IdentityRecord.FromText("", null, value, null, null, null, null, null, null, null),
                LevelKind.PartialDate => IdentityRecord.FromText("", null, null, value, null, null, null, null, null, null),
                LevelKind.CitizenId => CitizenIdRecord(value, citizenIdConsistency),
                LevelKind.AdminUnit => AdminUnit(value),
                _ => IdentityRecord.FromText("", null, null, null, null, value, null, null, null, null),
            };
            keys[v] = IdentityKeys.KeyOf(record, tokens, places, nameTexts, intern: true);
            if (citizenIdConsistency && record.CitizenId.Kind == CitizenIdKind.Cccd)
            {
                // Decoded once here by Core, so that the comparison loop compares integers only.
                keys[v].CitizenIdSex = record.CitizenId.Sex == Sex.Male ? (byte)1 : (byte)2;
                keys[v].CitizenIdBirthYear = (short)record.CitizenId.BirthYear!.Value;
            }
        }

        folded = [];
        if (family == LevelKind.VietnameseName)
        {
            folded = new string[values.Length];
            for (var v = 0; v < values.Length; v++)
            {
                folded[v] = keys[v].Name >= 0 ? nameTexts[keys[v].Name] : "";
            }
        }

        return keys;
    }

    /// <summary>Whether a key holds no readable value for the comparator (the pair then weighs nothing, as for an empty value).</summary>
    public static bool IsMissing(LevelKind family, in IdentityKey key) => family switch
    {
        LevelKind.VietnameseName => key.Name < 0,
        LevelKind.PartialDate => key.DateOfBirth == 0,
        LevelKind.CitizenId => key.CitizenIdLength == 0,
        LevelKind.AdminUnit => key.Province < 0 && key.Commune < 0,
        _ => key.Phone == 0,
    };

    /// <summary>
    /// A record with only an identity number, from a value of the column citizen id, or of the columns citizen id, sex,
    /// date of birth; the sex and date of birth are read only for the consistency check.
    /// </summary>
    private static IdentityRecord CitizenIdRecord(string value, bool consistency)
    {
        if (!consistency)
        {
            var number = value.IndexOf(FieldData.ColumnSeparator, StringComparison.Ordinal) is var end and >= 0 ? value[..end] : value;
            return IdentityRecord.FromText("", number, null, null, null, null, null, null, null, null);
        }

        var parts = value.Split(FieldData.ColumnSeparator);
        return IdentityRecord.FromText("", parts[0], null, parts.Length > 2 ? parts[2] : null, parts.Length > 1 ? parts[1] : null, null,
            null, null, null, null);
    }

    /// <summary>A record with only a residence, from a value of the columns province code, commune code[, scheme].</summary>
    private static IdentityRecord AdminUnit(string value)
    {
        var parts = value.Split(FieldData.ColumnSeparator);
        return IdentityRecord.FromText("", null, null, null, null, null, parts[0], parts.Length > 1 ? parts[1] : null,
            parts.Length > 2 ? parts[2] : null, null);
    }

    /// <summary>
    /// The identity-number level in the general engine's order (<see cref="IdentityLevels.CitizenIdConsistent"/> before
    /// <see cref="IdentityLevels.CitizenIdInconsistent"/>): a 9-digit CMND against a 12-digit CCCD is 'consistent' when the
    /// CCCD encodes the sex and birth year that the CMND's record states (one person under the old and the new numbering),
    /// and weighs nothing (-1) otherwise, as the two schemes say nothing else about each other. Two numbers of one scheme
    /// that differ by more than one edit stay 'different' whatever they encode: a different valid number is another person.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CitizenId(in IdentityKey a, in IdentityKey b)
    {
        var own = IdentityComparison.CitizenIdBcd(a.CitizenIdBcd, a.CitizenIdLength, b.CitizenIdBcd, b.CitizenIdLength);
        if (own != -1)
        {
            return own == IdentityLevels.CitizenIdDifferent ? IdentityLevels.CitizenIdInconsistent : own;
        }

        return IdentityComparison.CitizenIdConsistent(a, b) ? IdentityLevels.CitizenIdConsistent : -1;
    }

    /// <summary>
    /// Whether a configured level with code <paramref name="code"/> accepts a pair whose own level is <paramref name="own"/>
    /// (at most <paramref name="code"/>): a stricter level passes too, except where being stricter does not imply the
    /// looser property. A birth year one digit off is no longer "the same year"; a number with one digit mistyped is
    /// 'consistent' only when it passes the consistency check itself (the typo may be in the sex or year digits).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Accepts(LevelKind family, int own, int code, in IdentityKey a, in IdentityKey b) => own <= code && family switch
    {
        LevelKind.PartialDate => code != IdentityLevels.DateSameYear || a.DateOfBirth >> 9 == b.DateOfBirth >> 9,
        LevelKind.CitizenId => code != IdentityLevels.CitizenIdConsistent || own == IdentityLevels.CitizenIdExact
            || own == IdentityLevels.CitizenIdConsistent || IdentityComparison.CitizenIdConsistent(a, b),
        _ => true,
    };

    /// <summary>
    /// The comparator's own level of two present keys (see <see cref="IdentityLevels"/>), or -1 when they cannot be compared
    /// (identity numbers of different lengths). For names, <see cref="IdentityComparison.NeedsSimilarity"/> when only a
    /// similarity test can say more.
    /// </summary>
    public static int Level(LevelKind family, in IdentityKey a, in IdentityKey b) => family switch
    {
        LevelKind.VietnameseName => IdentityComparison.NameWithoutSimilarity(a, b),
        LevelKind.PartialDate => IdentityComparison.DateOfBirth(a.DateOfBirth, b.DateOfBirth, a.DateBcd, b.DateBcd),
        LevelKind.CitizenId => CitizenId(a, b),
        LevelKind.AdminUnit => IdentityComparison.Residence(a, b),
        _ => IdentityComparison.Phone(a.Phone, b.Phone, a.PhoneBcd, b.PhoneBcd),
    };
}
