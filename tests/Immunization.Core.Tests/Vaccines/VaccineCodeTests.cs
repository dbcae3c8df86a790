using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Evaluation;
using Immunization.Core.Vaccines;
using NodaTime;

namespace Immunization.Core.Tests.Vaccines;

public sealed class VaccineCodeTests
{
    [Theory]
    [InlineData("03", "3")]
    [InlineData(" 003 ", "3")]
    [InlineData("0", "0")]
    [InlineData("210", "210")]
    [InlineData(" VN-ABDALA ", "VN-ABDALA")]
    public void Parse_Text_IsTrimmedWithoutLeadingZeros(string text, string expected)
    {
        Assert.Equal(expected, VaccineCode.Parse(text).Value);
    }

    [Theory]
    [InlineData("3", VaccineCodeSystem.Cvx)]
    [InlineData("VN-ABDALA", VaccineCodeSystem.Local)]
    [InlineData("abc", VaccineCodeSystem.Unknown)]
    public void System_Code_IsCvxLocalOrUnknown(string text, VaccineCodeSystem expected)
    {
        Assert.Equal(expected, VaccineCode.Parse(text).System);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Blank_Throws(string? text)
    {
        Assert.Throws<FormatException>(() => VaccineCode.Parse(text));
        Assert.False(VaccineCode.TryParse(text, out var code));
        Assert.True(code.IsEmpty);
    }

    [Fact]
    public void Equals_SameCodeWrittenDifferently_AreEqual()
    {
        Assert.Equal(VaccineCode.Parse("03"), VaccineCode.Parse("3"));
        Assert.True(VaccineCode.Parse("03") == VaccineCode.Parse(" 3"));
        Assert.NotEqual(VaccineCode.Parse("3"), VaccineCode.Parse("30"));
        Assert.Equal(VaccineCode.Parse("003").GetHashCode(), VaccineCode.Parse("3").GetHashCode());
    }

    [Property]
    public Property Parse_DigitsWithLeadingZeros_EqualsTheNumber(NonNegativeInt number, byte zeros) =>
        (VaccineCode.Parse(new string('0', zeros % 5) + number.Get.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value
            == number.Get.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToProperty();

    [Property]
    public Property Normalize_String_SameTextAsTheSpanNormalisation(string? text)
    {
        var value = text ?? string.Empty;
        var normalized = VaccineCode.Normalize(value);
        return (normalized == VaccineCode.Normalize(value.AsSpan())
            && (normalized != value || ReferenceEquals(normalized, value))).ToProperty();
    }

    [Property]
    public Property CompareNormalized_AnyTwoCodes_OrdersAsTheirNormalisedTexts(string? a, string? b, byte zeros, bool pad)
    {
        // Codes as registers write them: leading zeros and blanks around, sometimes.
        var x = (pad ? " " : string.Empty) + new string('0', zeros % 3) + (a ?? string.Empty);
        var y = b ?? string.Empty;
        var expected = Math.Sign(string.CompareOrdinal(VaccineCode.Normalize(x.AsSpan()), VaccineCode.Normalize(y.AsSpan())));
        return (Math.Sign(VaccineCode.CompareNormalized(x, y)) == expected
            && VaccineCode.CompareNormalized(x, x) == 0).ToProperty();
    }

    [Fact]
    public void Normalize_AlreadyNormalised_ReturnsTheSameString()
    {
        var code = string.Concat("2", "08");

        Assert.Same(code, VaccineCode.Normalize(code));
        Assert.Equal("208", VaccineCode.Normalize(" 0208 "));
    }

    [Fact]
    public void AdministeredDoseFromCode_Code_IsTheNormalisedCvx()
    {
        var dose = AdministeredDose.FromCode(new LocalDate(2025, 1, 20), VaccineCode.Parse("03"), "MSD", null);

        Assert.Equal("3", dose.Cvx);
        Assert.Equal(VaccineCode.Parse("3"), dose.Code);
        Assert.Equal(VaccineCode.Parse("3"), new AdministeredDose(new LocalDate(2025, 1, 20), " 003").Code);
        Assert.Throws<ArgumentException>(() => AdministeredDose.FromCode(new LocalDate(2025, 1, 20), default, null, null));
    }
}
