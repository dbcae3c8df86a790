using Immunization.Core.Identity;

namespace Immunization.Core.Tests.Identity;

public sealed class SexCodesTests
{
    [Theory]
    [InlineData("M", Sex.Male)]
    [InlineData("m", Sex.Male)]
    [InlineData("Nam", Sex.Male)]
    [InlineData(" NAM ", Sex.Male)]
    [InlineData("Male", Sex.Male)]
    [InlineData("F", Sex.Female)]
    [InlineData("Nữ", Sex.Female)]
    [InlineData("NỮ", Sex.Female)]
    [InlineData("Nu", Sex.Female)]
    [InlineData("nu\u0303", Sex.Female)]
    [InlineData("female", Sex.Female)]
    public void Parse_KnownCodes(string text, Sex expected)
    {
        Assert.Equal(expected, SexCodes.Parse(text));
        Assert.True(SexCodes.TryParse(text, out var sex));
        Assert.Equal(expected, sex);
    }

    [Theory]
    [InlineData("")]
    [InlineData("X")]
    [InlineData("Nữa")]
    [InlineData("1")]
    [InlineData("a very long text that is not a sex code")]
    public void Parse_UnknownCodes_Fail(string text)
    {
        Assert.False(SexCodes.TryParse(text, out var sex));
        Assert.Equal(Sex.Unknown, sex);
        Assert.Contains("Nam", Assert.Throws<FormatException>(() => SexCodes.Parse(text)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Sex.Male, "Nam")]
    [InlineData(Sex.Female, "Nữ")]
    [InlineData(Sex.Unknown, "")]
    public void ToVietnamese_RoundTrips(Sex sex, string text)
    {
        Assert.Equal(text, SexCodes.ToVietnamese(sex));
        if (sex != Sex.Unknown)
        {
            Assert.Equal(sex, SexCodes.Parse(SexCodes.ToVietnamese(sex)));
        }
    }
}
