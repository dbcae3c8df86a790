using Immunization.Core.Places;

namespace Immunization.Reporting.Coverage;

/// <summary>
/// The reporting units: the country, the new-scheme provinces and communes people live in, a per-province
/// "commune unresolved" unit (an old split commune, or a province-level residence) and an "unknown" unit, so that every
/// person is counted at every level. Old units are rolled up into new ones here.
/// </summary>
internal sealed class UnitTable
{
    internal const int National = 0;
    internal const int Unknown = 1;

    private readonly Dictionary<AdministrativeUnit, (int Province, int Commune)> _byResidence = [];
    private readonly Dictionary<AdministrativeUnit, int> _provinces = [];
    private readonly Dictionary<AdministrativeUnit, int> _communes = [];
    private readonly Dictionary<AdministrativeUnit, int> _unresolved = [];

    internal UnitTable()
    {
        Units.Add(new UnitInfo("VN", "Việt Nam", "none", 0));
        Units.Add(new UnitInfo("unknown", "(residence unknown)", "none", 1));
    }

    internal List<UnitInfo> Units { get; } = [];

    /// <summary>
    /// Where a residence goes: its new province and new commune (or the unresolved/unknown units). Callers that resolve a
    /// residence per record keep their own cache in front (the report index keeps one per unit).
    /// </summary>
    internal (int Province, int Commune) Resolve(AdministrativeUnit residence)
    {
        if (residence.IsDefault)
        {
            return (Unknown, Unknown);
        }

        if (_byResidence.TryGetValue(residence, out var known))
        {
            return known;
        }

        var province = residence.ToNewProvince();
        int p = Index(_provinces, province, 1, province.Code, province.Name);
        int c;
        AdministrativeUnit commune = default;
        if (residence.Level == AdministrativeLevel.Commune)
        {
            if (residence.Scheme == AdministrativeScheme.New)
            {
                commune = residence;
            }
            else
            {
                var shares = residence.MapToNew();
                if (shares.Length == 1)
                {
                    commune = shares[0].Unit;
                }
            }
        }

        c = commune.IsDefault
            ? Index(_unresolved, province, 3, province.Code + "-unresolved", province.Name + " (commune unresolved)")
            : Index(_communes, commune, 2, commune.Code, commune.Name);
        _byResidence[residence] = (p, c);
        return (p, c);
    }

    /// <summary>Finds a unit by the code written in rows.</summary>
    internal int Find(string code)
    {
        for (int i = 0; i < Units.Count; i++)
        {
            if (string.Equals(Units[i].Code, code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The units in report order: country, unknown, provinces, communes, unresolved, each by code.</summary>
    internal int[] ReportOrder() =>
        [.. Enumerable.Range(0, Units.Count)
            .OrderBy(i => Units[i].Order)
            .ThenBy(i => Units[i].Code, StringComparer.Ordinal)];

    private int Index(Dictionary<AdministrativeUnit, int> map, AdministrativeUnit unit, int order, string code, string name)
    {
        if (!map.TryGetValue(unit, out int index))
        {
            index = Units.Count;
            Units.Add(new UnitInfo(code, name, "2025-07", order));
            map[unit] = index;
        }

        return index;
    }

    internal readonly record struct UnitInfo(string Code, string Name, string Scheme, int Order);
}
