using Immunization.Matching.Configuration;
using Immunization.Matching.Linking;
using Immunization.Matching.Scoring;

namespace Immunization.Matching.Comparators;

/// <summary>
/// Turns the distinct values of a field compared by a Vietnamese comparator into the built-in matcher's compact keys, once
/// per value when the tables are loaded: folded name tokens, packed partial dates, identity numbers and phone numbers as
/// integers with their BCD digits, residences as interned current-scheme province and commune codes. The hot loop then compares integers only.
/// </summary>
/// <remarks>
/// The keys are made by the built-in matcher's own code (<see cref="IdentityRecord.FromText"/> and
/// <see cref="RegisterIndex.KeyOf"/>), so both engines parse and compare the same way.
/// </remarks>
internal static class VietnameseFieldKeys
{
    /// <summary>Returns one key per value (indexed by value id); a value that does not parse gives a key that reads as missing.</summary>
    /// <param name="family">The comparator.</param>
    /// <param name="values">The field's distinct values.</param>
    /// <param name="folded">For names, the folded name of each value (what the similarity test reads), else empty.</param>
    public static IdentityKey[] Build(LevelKind family, string[] values, out string[] folded)
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
                LevelKind.CitizenId => IdentityRecord.FromText("", value, null, null, null, null, null, null, null, null),
                LevelKind.AdminUnit => AdminUnit(value),
                _ => IdentityRecord.FromText("", null, null, null, null, value, null, null, null, null),
            };
            keys[v] = RegisterIndex.KeyOf(record, tokens, places, nameTexts, intern: true);
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

    /// <summary>A record with only a residence, from a value of the columns province code, commune code[, scheme].</summary>
    private static IdentityRecord AdminUnit(string value)
    {
        var parts = value.Split(FieldData.ColumnSeparator);
        return IdentityRecord.FromText("", null, null, null, null, null, parts[0], parts.Length > 1 ? parts[1] : null,
            parts.Length > 2 ? parts[2] : null, null);
    }

    /// <summary>
    /// The comparator's own level of two present keys (see <see cref="IdentityLevels"/>), or -1 when they cannot be compared
    /// (identity numbers of different lengths). For names, <see cref="IdentityComparison.NeedsSimilarity"/> when only a
    /// similarity test can say more.
    /// </summary>
    public static int Level(LevelKind family, in IdentityKey a, in IdentityKey b) => family switch
    {
        LevelKind.VietnameseName => IdentityComparison.NameWithoutSimilarity(a, b),
        LevelKind.PartialDate => IdentityComparison.DateOfBirth(a.DateOfBirth, b.DateOfBirth, a.DateBcd, b.DateBcd),
        LevelKind.CitizenId => IdentityComparison.CitizenIdBcd(a.CitizenIdBcd, a.CitizenIdLength, b.CitizenIdBcd, b.CitizenIdLength),
        LevelKind.AdminUnit => IdentityComparison.Residence(a, b),
        _ => IdentityComparison.Phone(a.Phone, b.Phone, a.PhoneBcd, b.PhoneBcd),
    };
}
