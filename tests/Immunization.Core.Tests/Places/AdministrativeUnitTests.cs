using Immunization.Core.Places;

namespace Immunization.Core.Tests.Places;

public sealed class AdministrativeUnitTests
{
    private static readonly AdministrativeUnitCatalog s_catalog = AdministrativeUnitCatalog.Vietnam;

    [Fact]
    public void Default_IsNoUnit_MembersThrowInvalidOperation()
    {
        var unit = default(AdministrativeUnit);

        Assert.True(unit.IsDefault);
        Assert.Equal("(none)", unit.ToString());
        var e = Assert.Throws<InvalidOperationException>(() => unit.Name);
        Assert.Contains("default(AdministrativeUnit)", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => unit.MapToNew().Length);
    }

    [Fact]
    public void Properties_OldCommune_DescribeItAndItsParents()
    {
        var unit = s_catalog.GetByCode(AdministrativeScheme.Old, "00001");

        Assert.Equal(AdministrativeLevel.Commune, unit.Level);
        Assert.Equal(AdministrativeUnitType.Ward, unit.Type);
        Assert.Equal("Phường", unit.TypeName);
        Assert.Equal("Phúc Xá", unit.ShortName);
        Assert.Equal("Quận Ba Đình", unit.District.Name);
        Assert.Equal(AdministrativeUnitType.UrbanDistrict, unit.District.Type);
        Assert.Equal("Thành phố Hà Nội", unit.Province.Name);
        Assert.Equal(AdministrativeUnitType.Municipality, unit.Province.Type);
        Assert.Equal("Old 00001 Phường Phúc Xá", unit.ToString());
    }

    [Fact]
    public void District_NewCommuneAndProvince_IsDefault()
    {
        Assert.True(s_catalog.GetByCode(AdministrativeScheme.New, "00004").District.IsDefault);
        Assert.True(s_catalog.GetByCode(AdministrativeScheme.Old, "01").District.IsDefault);
    }

    [Fact]
    public void Equality_SameCodeDifferentSchemes_NotEqual()
    {
        var oldBacGiang = s_catalog.GetByCode(AdministrativeScheme.Old, "24");
        var newBacNinh = s_catalog.GetByCode(AdministrativeScheme.New, "24");
        var again = s_catalog.GetByCode(AdministrativeScheme.Old, "24");

        Assert.NotEqual(oldBacGiang, newBacNinh);
        Assert.True(oldBacGiang != newBacNinh);
        Assert.True(oldBacGiang == again);
        Assert.True(oldBacGiang.Equals((object)again));
        Assert.Equal(oldBacGiang.GetHashCode(), again.GetHashCode());
    }

    [Fact]
    public void Province_OfAProvince_IsItself()
    {
        var province = s_catalog.GetByCode(AdministrativeScheme.New, "08");

        Assert.Equal(province, province.Province);
    }
}
