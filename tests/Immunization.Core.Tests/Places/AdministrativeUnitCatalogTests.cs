using Immunization.Core.Places;
using Immunization.Tests.Shared;

namespace Immunization.Core.Tests.Places;

public sealed partial class AdministrativeUnitCatalogTests
{
    private static readonly AdministrativeUnitCatalog s_catalog = AdministrativeUnitCatalog.Vietnam;

    [Theory]
    [InlineData(AdministrativeScheme.Old, AdministrativeLevel.Province, 63)]
    [InlineData(AdministrativeScheme.Old, AdministrativeLevel.District, 696)]
    [InlineData(AdministrativeScheme.Old, AdministrativeLevel.Commune, 10_035)]
    [InlineData(AdministrativeScheme.New, AdministrativeLevel.Province, 34)]
    [InlineData(AdministrativeScheme.New, AdministrativeLevel.District, 0)]
    [InlineData(AdministrativeScheme.New, AdministrativeLevel.Commune, 3_321)]
    public void GetUnits_EachSchemeAndLevel_CountsMatchSource(AdministrativeScheme scheme, AdministrativeLevel level, int expected)
    {
        Assert.Equal(expected, s_catalog.GetUnits(scheme, level).Length);
    }

    [Theory]
    [InlineData(AdministrativeScheme.Old, AdministrativeUnitType.Commune, 7_692)]
    [InlineData(AdministrativeScheme.Old, AdministrativeUnitType.Ward, 1_726)]
    [InlineData(AdministrativeScheme.Old, AdministrativeUnitType.Township, 617)]
    [InlineData(AdministrativeScheme.New, AdministrativeUnitType.Commune, 2_621)]
    [InlineData(AdministrativeScheme.New, AdministrativeUnitType.Ward, 687)]
    [InlineData(AdministrativeScheme.New, AdministrativeUnitType.SpecialZone, 13)]
    public void GetUnits_Communes_TypeCountsMatchSource(AdministrativeScheme scheme, AdministrativeUnitType type, int expected)
    {
        var count = 0;
        foreach (var unit in s_catalog.GetUnits(scheme, AdministrativeLevel.Commune))
        {
            count += unit.Type == type ? 1 : 0;
        }

        Assert.Equal(expected, count);
    }

    [Fact]
    public void GetUnits_NewProvinces_28TinhAnd6ThanhPho()
    {
        var provinces = s_catalog.GetUnits(AdministrativeScheme.New, AdministrativeLevel.Province).ToArray();

        Assert.Equal(28, provinces.Count(p => p.Type == AdministrativeUnitType.Province));
        Assert.Equal(6, provinces.Count(p => p.Type == AdministrativeUnitType.Municipality));
    }

    [Fact]
    public void Vietnam_NewCommunesCsv_EveryRowHasItsCodeNameAndProvince()
    {
        var lines = File.ReadAllLines(SharedDatasets.Path("vn-admin/communes_new.csv"));
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            var unit = s_catalog.GetByCode(AdministrativeScheme.New, f[0]);
            Assert.Equal(f[1], unit.Name);
            Assert.Equal(f[3], unit.TypeName);
            Assert.Equal(f[4], unit.Province.Code);
        }
    }

    [Fact]
    public void Vietnam_OldCommunesCsv_EveryRowHasItsCodeNameDistrictAndProvince()
    {
        var lines = File.ReadAllLines(SharedDatasets.Path("vn-admin/communes_old.csv"));
        Assert.Equal(10_036, lines.Length);
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            var unit = s_catalog.GetByCode(AdministrativeScheme.Old, f[0]);
            Assert.Equal(f[1], unit.Name);
            Assert.Equal(f[2], unit.TypeName);
            Assert.Equal(f[3], unit.District.Code);
            Assert.Equal(f[4], unit.District.Name);
            Assert.Equal(f[5], unit.Province.Code);
        }
    }

    [Fact]
    public void UnresolvedMappingRows_SourceCaveat4_Twelve()
    {
        // SOURCE.md caveat 4: 12 old commune ids of the mapping are not in the old list.
        Assert.Equal(12, s_catalog.UnresolvedMappingRows);
    }

    [Fact]
    public void LicenseNotices_BothSources_NamesTheirCopyrightHolders()
    {
        var notices = AdministrativeUnitCatalog.LicenseNotices;

        Assert.Contains("Copyright (c) 2021 Thang Le Quoc", notices, StringComparison.Ordinal);
        Assert.Contains("Copyright (c) 2025 dvhcvn", notices, StringComparison.Ordinal);
    }
}
