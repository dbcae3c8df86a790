using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Places;
using Immunization.Testing.Arbitraries;

namespace Immunization.Testing.Tests;

public sealed class PlacesArbitrariesTests
{
    [Property]
    public Property NewCommunes_Always_NewSchemeCommunes() =>
        Prop.ForAll(PlacesArbitraries.NewCommunes(), u => u.Scheme == AdministrativeScheme.New && u.Level == AdministrativeLevel.Commune);

    [Property]
    public Property OldCommunes_Always_OldSchemeCommunesWithADistrict() =>
        Prop.ForAll(PlacesArbitraries.OldCommunes(), u =>
            u.Scheme == AdministrativeScheme.Old && u.Level == AdministrativeLevel.Commune && !u.District.IsDefault);

    [Property]
    public Property OldDistricts_Always_OldSchemeDistricts() =>
        Prop.ForAll(PlacesArbitraries.OldDistricts(), u => u.Scheme == AdministrativeScheme.Old && u.Level == AdministrativeLevel.District);

    [Property]
    public Property Provinces_Always_ProvincesOfTheirScheme() =>
        Prop.ForAll(PlacesArbitraries.OldProvinces(), PlacesArbitraries.NewProvinces(), (o, n) =>
            o.Scheme == AdministrativeScheme.Old && o.Level == AdministrativeLevel.Province
            && n.Scheme == AdministrativeScheme.New && n.Level == AdministrativeLevel.Province);

    [Fact]
    public void Communes_ManySamples_DrawsBothSchemes()
    {
        var sample = PlacesArbitraries.Communes().Generator.Sample(400, 50);

        Assert.Contains(sample, u => u.Scheme == AdministrativeScheme.Old);
        Assert.Contains(sample, u => u.Scheme == AdministrativeScheme.New);
        Assert.All(sample, u => Assert.Equal(AdministrativeLevel.Commune, u.Level));
    }

    [Fact]
    public void Units_NewSchemeDistricts_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => PlacesArbitraries.Units(AdministrativeScheme.New, AdministrativeLevel.District));
    }
}
