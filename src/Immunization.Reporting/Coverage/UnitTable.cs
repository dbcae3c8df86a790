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

    // A flat cache in front of _byResidence, indexed by the unit's hash code (a small dense number for the catalogue's
    // units); each slot keeps its unit, so a hash that is not dense only falls back to the dictionary.
    private AdministrativeUnit[] _fastUnit = [];
    private (int Province, int Commune)[] _fastPlace = [];

    internal UnitTable()
    {
        Units.Add(new UnitInfo("VN", "Việt Nam", "none", 0));
        Units.Add(new UnitInfo("unknown", "(residence unknown)", "none", 1));
    }

    internal List<UnitInfo> Units { get; } = [];

    /// <summary>Where a residence goes: its new province and new commune (or the unresolved/unknown units).</summary>
    internal (int Province, int Commune) Resolve(AdministrativeUnit residence)
    {
        if (residence.IsDefault)
        {
            return (Unknown, Unknown);
        }

        int slot = residence.GetHashCode();
        if ((uint)slot < (uint)_fastUnit.Length && _fastUnit[slot] == residence)
        {
            return _fastPlace[slot];
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
        Remember(slot, residence, (p, c));
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

    private void Remember(int slot, AdministrativeUnit residence, (int Province, int Commune) place)
    {
        const int MaxSlots = 1 << 20;
        if ((uint)slot >= MaxSlots)
        {
            return;
        }

        if (slot >= _fastUnit.Length)
        {
            int size = Math.Max(Math.Max(slot + 1, _fastUnit.Length * 2), 1024);
            Array.Resize(ref _fastUnit, size);
            Array.Resize(ref _fastPlace, size);
        }

        _fastUnit[slot] = residence;
        _fastPlace[slot] = place;
    }

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
