using Immunization.Core.Places;

namespace Immunization.Core.Tests.Places;

public sealed partial class AdministrativeUnitCatalogTests
{
    // The README's "Administrative units" example, statement for statement, with its comments as assertions.
    [Fact]
    public void ReadmeExample_AdministrativeUnits_BehavesAsDocumented()
    {
        var catalog = AdministrativeUnitCatalog.Vietnam;

        var bacGiang = catalog.GetByCode(AdministrativeScheme.Old, "24");
        var bacNinh = catalog.GetByCode(AdministrativeScheme.New, "24");
        var known = catalog.TryGetByCode(AdministrativeScheme.New, "02", out _);
        Assert.Equal("Tỉnh Bắc Giang", bacGiang.Name);
        Assert.Equal("Tỉnh Bắc Ninh", bacNinh.Name);
        Assert.False(known);

        Assert.True(catalog.TryFindProvince(AdministrativeScheme.New, "TP. Hồ Chí Minh", out var hcm));
        Assert.True(catalog.TryFindProvince(AdministrativeScheme.New, "Hanoi", out var haNoi));
        Assert.Equal("Thành phố Hồ Chí Minh", hcm.Name);
        Assert.Equal("Thành phố Hà Nội", haNoi.Name);

        var wards = catalog.FindCommunes(haNoi, "P. Ba Đình");
        Assert.True(catalog.TryFindCommune(haNoi, "Ba Dinh ward", out var baDinh));
        Assert.Equal(1, wards.Length);
        Assert.Equal(wards[0], baDinh);

        var haGiang = catalog.GetByCode(AdministrativeScheme.Old, "02");
        var tuyenQuang = haGiang.ToNewProvince();
        var congVi = catalog.GetByCode(AdministrativeScheme.Old, "00007");
        var lines = new List<string>();
        foreach (var share in congVi.MapToNew())
        {
            lines.Add($"{share.Unit.Name} {(share.IsPartial ? "(part)" : "(whole)")}");
        }

        Assert.Equal("Tỉnh Tuyên Quang", tuyenQuang.Name);
        Assert.Equal(["Phường Ngọc Hà (part)", "Phường Giảng Võ (part)"], lines);

        Assert.True(bacGiang.MapsToSameNewProvince(bacNinh));
        Assert.True(congVi.MapsToSameNewCommune(catalog.GetByCode(AdministrativeScheme.New, "00025")));
    }
}
