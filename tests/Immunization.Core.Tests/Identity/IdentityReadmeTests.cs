using Immunization.Core.Identity;

namespace Immunization.Core.Tests.Identity;

/// <summary>The README's "Identity values" example, with its printed results as assertions.</summary>
public sealed class IdentityReadmeTests
{
    [Fact]
    public void ReadmeExample_PrintsWhatTheReadmeSays()
    {
        var id = CitizenId.Parse("079 185 000123");
        Assert.Equal("79 Female 1985", $"{id.ProvinceCode} {id.Sex} {id.BirthYear}");
        Assert.Equal("Year", id.CheckAgainst(Sex.Female, 1986).ToString());
        Assert.Equal("Sex", id.CheckAgainst(Sex.Male, PartialDate.Parse("03/05/1985")).ToString());

        var name = PersonName.Parse("NGUYEN  thị thủy");
        Assert.Equal("Nguyen Thị Thuỷ", name.ToString());
        Assert.Equal("nguyen thi thuy", name.MatchingKey);
        Assert.Equal("Nguyen | Thị | Thuỷ", name.FamilyName + " | " + name.MiddleNames + " | " + name.GivenName);
        Span<char> key = stackalloc char[64];
        var length = PersonName.WriteMatchingKey("Nguyễn Thị Thuỷ", key);
        Assert.Equal("nguyen thi thuy", key[..length].ToString());

        var born = PartialDate.Parse("1990");
        Assert.True(born.IsCompatibleWith(PartialDate.Parse("03/05/1990")));
        Assert.True(PartialDate.Parse("03/05/1990").IsDayMonthSwapOf(PartialDate.Parse("1990-03-05")));

        var phone = PhoneNumber.Parse("+84 166 234 5678");
        Assert.Equal("0362345678 +84362345678", $"{phone} {phone.ToE164()}");
        Assert.True(phone == PhoneNumber.Parse("036.234.5678"));

        Assert.Equal(Sex.Female, SexCodes.Parse("NỮ"));
    }
}
