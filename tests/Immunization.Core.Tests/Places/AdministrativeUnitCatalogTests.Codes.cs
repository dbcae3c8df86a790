using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Places;

namespace Immunization.Core.Tests.Places;

public sealed partial class AdministrativeUnitCatalogTests
{
    [Theory]
    [InlineData(AdministrativeScheme.Old, "24", "Tỉnh Bắc Giang")]
    [InlineData(AdministrativeScheme.New, "24", "Tỉnh Bắc Ninh")]
    [InlineData(AdministrativeScheme.Old, "52", "Tỉnh Bình Định")]
    [InlineData(AdministrativeScheme.New, "52", "Tỉnh Gia Lai")]
    [InlineData(AdministrativeScheme.Old, "001", "Quận Ba Đình")]
    [InlineData(AdministrativeScheme.Old, "00001", "Phường Phúc Xá")]
    [InlineData(AdministrativeScheme.New, "00004", "Phường Ba Đình")]
    [InlineData(AdministrativeScheme.New, " 79 ", "Thành phố Hồ Chí Minh")]
    public void GetByCode_CodeReusedAcrossSchemes_ReadsWithItsScheme(AdministrativeScheme scheme, string code, string name)
    {
        var unit = s_catalog.GetByCode(scheme, code);

        Assert.Equal(name, unit.Name);
        Assert.Equal(scheme, unit.Scheme);
        Assert.Equal(code.Trim(), unit.Code);
    }

    [Theory]
    [InlineData(AdministrativeScheme.New, "02")]
    [InlineData(AdministrativeScheme.New, "001")]
    [InlineData(AdministrativeScheme.Old, "99999")]
    [InlineData(AdministrativeScheme.Old, "1")]
    [InlineData(AdministrativeScheme.Old, "0a")]
    [InlineData(AdministrativeScheme.Old, "")]
    [InlineData((AdministrativeScheme)7, "01")]
    public void TryGetByCode_UnknownOrMalformed_ReturnsFalse(AdministrativeScheme scheme, string code)
    {
        Assert.False(s_catalog.TryGetByCode(scheme, code, out var unit));
        Assert.True(unit.IsDefault);
    }

    [Fact]
    public void GetByCode_UnknownCode_ThrowsSayingCodeAndScheme()
    {
        // Hà Giang (02) no longer exists after the reform.
        var e = Assert.Throws<KeyNotFoundException>(() => s_catalog.GetByCode(AdministrativeScheme.New, "02"));

        Assert.Contains("province", e.Message, StringComparison.Ordinal);
        Assert.Contains("02", e.Message, StringComparison.Ordinal);
        Assert.Contains("new scheme", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetByCode_MalformedCode_ThrowsFormatExceptionWithReason()
    {
        var e = Assert.Throws<FormatException>(() => s_catalog.GetByCode(AdministrativeScheme.Old, "7a"));

        Assert.Contains("2 (province), 3 (district) or 5 (commune) digits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetByCode_UndefinedScheme_ThrowsArgumentException()
    {
        Assert.ThrowsAny<ArgumentException>(() => s_catalog.GetByCode((AdministrativeScheme)0, "01"));
    }

    [Property]
    public Property TryGetByCode_AnyUnitsCode_RoundTrips()
    {
        return Prop.ForAll(AllUnits(), unit =>
            s_catalog.TryGetByCode(unit.Scheme, unit.Code, out var found) && found == unit);
    }

    internal static Arbitrary<AdministrativeUnit> AllUnits()
    {
        var all = new List<AdministrativeUnit>();
        foreach (var scheme in new[] { AdministrativeScheme.Old, AdministrativeScheme.New })
        {
            foreach (var level in new[] { AdministrativeLevel.Province, AdministrativeLevel.District, AdministrativeLevel.Commune })
            {
                all.AddRange(s_catalog.GetUnits(scheme, level).ToArray());
            }
        }

        return Gen.Elements(all.ToArray()).ToArbitrary();
    }
}
