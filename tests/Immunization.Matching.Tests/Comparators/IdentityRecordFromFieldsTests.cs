using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Records;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Tests.Comparators;

/// <summary><see cref="IdentityRecord.FromFields"/> (spans) reads every field exactly as <see cref="IdentityRecord.FromText"/> (strings).</summary>
public sealed class IdentityRecordFromFieldsTests
{
    private static readonly string?[][] s_values =
    [
        [null, "", " ", "042059819592", " 042059819592 ", "04205981959", "123456789", "12345678X", "passport A1234", "0420 5981 9592"],
        [null, "", "  ", "Nguyễn Văn Khoa", "NGUYEN  van khoa ", "Lê Thị Hòa", "Trần 3", "Ива́н", "H'hen niê"],
        [null, "", "1959-01-21", "1959", "1959-02", "21/01/1959", "1959-13-45", "x"],
        [null, "", "M", "F", "Nam", "Nữ", "X", " m "],
        [null, "", "0384336863", "+84 384 336 863", "01684336863", "12", "phone"],
        [null, "", "42", " 42 ", "99", "01", "xx"],
        [null, "", "18583", "04423", " 18583", "00001", "99999"],
        [null, "", "new", "old", " OLD ", "other"],
        [null, "", "VN", "vn", " Việt Nam ", "Vietnam", "us", "VNM", "ß"],
    ];

    private static Gen<string?[]> Rows() =>
        from picks in Gen.Choose(0, 99).ArrayOf(s_values.Length)
        select picks.Select((p, f) => s_values[f][p % s_values[f].Length]).ToArray();

    [Property(MaxTest = 1000)]
    public Property FromFields_AnyFieldTexts_EqualsFromText() =>
        Prop.ForAll(Rows().ToArbitrary(), row =>
        {
            var text = IdentityRecord.FromText("R1", row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8]);
            var spans = IdentityRecord.FromFields("R1", row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8]);
            return Same(text, spans).Label(string.Join('|', row));
        });

    [Fact]
    public void FromFields_OldSchemeCommuneAndForeignNationality_EqualsFromText()
    {
        var text = IdentityRecord.FromText("R2", "042059819592", "Lê Thị Hòa", "1959-01-21", "F", "0384336863", "42", "18583", "old", "us");
        var spans = IdentityRecord.FromFields("R2", "042059819592", "Lê Thị Hòa", "1959-01-21", "F", "0384336863", "42", "18583", "old", "us");

        Assert.True(Same(text, spans));
        Assert.Equal("US", spans.Nationality);
    }

    private static bool Same(IdentityRecord a, IdentityRecord b)
    {
        var fields = Enum.GetValues<IdentityField>();
        return a.Id == b.Id && a.CitizenId == b.CitizenId && a.Name == b.Name && a.Name.MatchingKey == b.Name.MatchingKey
            && a.Name.TonedKey == b.Name.TonedKey && a.DateOfBirth == b.DateOfBirth && a.Sex == b.Sex && a.Phone == b.Phone
            && a.ProvinceCode == b.ProvinceCode && a.CommuneCode == b.CommuneCode && a.Nationality == b.Nationality
            && fields.All(f => a.IsUnreadable(f) == b.IsUnreadable(f));
    }
}
