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
/// The keys are made by the built-in matcher's own code (the lenient reading of <see cref="IdentityRecord.FromText"/> and
/// the key functions of <see cref="IdentityKeys"/>, one field at a time), so both engines parse and compare the same way.
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
            var key = IdentityKeys.Empty();
            switch (family)
            {
                case LevelKind.VietnameseName:
                    _ = PersonName.TryParse(value, out var name);
                    IdentityKeys.SetName(ref key, name, tokens, nameTexts, intern: true);
                    break;
                case LevelKind.PartialDate:
                    _ = PartialDate.TryParse(value, out var date);
                    IdentityKeys.SetDateOfBirth(ref key, date);
                    break;
                case LevelKind.CitizenId:
                    SetCitizenId(ref key, value, citizenIdConsistency);
                    break;
                case LevelKind.AdminUnit:
                    var parts = value.Split(FieldData.ColumnSeparator);
                    var (province, commune, communeParts) = IdentityRecord.ToCurrentScheme(parts[0], parts.Length > 1 ? parts[1] : null,
                        parts.Length > 2 ? parts[2] : null);
                    IdentityKeys.SetResidence(ref key, province, commune, communeParts, places, intern: true);
                    break;
                default:
                    _ = PhoneNumber.TryParse(value, out var phone);
                    IdentityKeys.SetPhone(ref key, phone.NationalNumber);
                    break;
            }

            keys[v] = key;
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
        _ => key.PhoneBcd == 0,
    };

    /// <summary>
    /// The identity number, from a value of the column citizen id, or of the columns citizen id, sex, date of birth; with
    /// <paramref name="consistency"/>, the sex and date of birth the record states and, for a CCCD, what the number encodes.
    /// </summary>
    private static void SetCitizenId(ref IdentityKey key, string value, bool consistency)
    {
        if (!consistency)
        {
            var number = value.IndexOf(FieldData.ColumnSeparator, StringComparison.Ordinal) is var end and >= 0 ? value[..end] : value;
            var (cid, length, digits, unreadable) = IdentityRecord.ParseCitizenId(number);
            IdentityKeys.SetCitizenId(ref key, cid, length, digits, unreadable);
            return;
        }

        var parts = value.Split(FieldData.ColumnSeparator);
        var (parsed, unparsedLength, unparsedDigits, unreadableId) = IdentityRecord.ParseCitizenId(parts[0]);
        IdentityKeys.SetCitizenId(ref key, parsed, unparsedLength, unparsedDigits, unreadableId);
        _ = PartialDate.TryParse(parts.Length > 2 ? parts[2] : null, out var dateOfBirth);
        IdentityKeys.SetDateOfBirth(ref key, dateOfBirth);
        _ = SexCodes.TryParse(parts.Length > 1 ? parts[1] : null, out var sex);
        IdentityKeys.SetSex(ref key, sex);
        if (parsed.Kind == CitizenIdKind.Cccd)
        {
            // Decoded once here by Core, so that the comparison loop compares integers only.
            key.CitizenIdSex = parsed.Sex == Sex.Male ? (byte)1 : (byte)2;
            key.CitizenIdBirthYear = (short)parsed.BirthYear!.Value;
        }
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
        LevelKind.PartialDate => IdentityComparison.DateOfBirth(a.DateOfBirth, b.DateOfBirth),
        LevelKind.CitizenId => CitizenId(a, b),
        LevelKind.AdminUnit => IdentityComparison.Residence(a, b),
        _ => IdentityComparison.PhoneBcd(a.PhoneBcd, b.PhoneBcd),
    };
}
