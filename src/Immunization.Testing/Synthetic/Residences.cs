using System.Globalization;
using Immunization.Core.Places;

namespace Immunization.Testing.Synthetic;

/// <summary>Builds the <see cref="ResidenceCatalog"/> the generator uses from Core's catalogue of administrative units.</summary>
internal static class Residences
{
    private static readonly Lazy<ResidenceCatalog> s_default = new(() => FromCatalog(AdministrativeUnitCatalog.Vietnam));

    public static ResidenceCatalog Default => s_default.Value;

    /// <summary>
    /// Flattens the catalogue: every new-scheme commune with its province, and for each the old-scheme communes it was
    /// formed from (wholly or in part; the island districts that had no communes are left out).
    /// </summary>
    public static ResidenceCatalog FromCatalog(AdministrativeUnitCatalog catalog)
    {
        var communes = new List<NewCommune>();
        var olds = new List<IReadOnlyList<OldCommune>>();
        foreach (var unit in catalog.GetUnits(AdministrativeScheme.New, AdministrativeLevel.Commune))
        {
            var province = unit.Province;
            communes.Add(new NewCommune(unit.Code, unit.Name, unit.Type == AdministrativeUnitType.Ward,
                unit.Type == AdministrativeUnitType.SpecialZone, Code(province.Code), province.Name));
            var formedFrom = new List<OldCommune>();
            foreach (var share in catalog.MapToOld(unit))
            {
                var old = share.Unit;
                if (old.Level != AdministrativeLevel.Commune)
                {
                    continue;
                }

                var district = old.District;
                formedFrom.Add(new OldCommune(old.Code, old.Name, district.IsDefault ? null : district.Name, Code(old.Province.Code),
                    old.Province.Name));
            }

            olds.Add(formedFrom);
        }

        var oldProvinces = new List<(int Code, string Name)>();
        foreach (var province in catalog.GetUnits(AdministrativeScheme.Old, AdministrativeLevel.Province))
        {
            oldProvinces.Add((Code(province.Code), province.Name));
        }

        return new ResidenceCatalog(communes, olds, oldProvinces);
    }

    private static int Code(string code) => int.Parse(code, NumberStyles.None, CultureInfo.InvariantCulture);
}
