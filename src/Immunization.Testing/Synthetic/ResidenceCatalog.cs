namespace Immunization.Testing.Synthetic;

/// <summary>
/// The administrative units the generator places people in, compiled once into flat arrays: the communes of the new
/// scheme (from 1 July 2025) with their provinces, and for each new commune the old-scheme communes it was formed from
/// (for records written with pre-reform codes).
/// </summary>
internal sealed class ResidenceCatalog
{
    private readonly NewCommune[] _communes;
    private readonly OldCommune[] _old;
    private readonly int[] _oldStart; // _old[_oldStart[i].._oldStart[i + 1]] are the old communes of new commune i.
    private readonly int[][] _communesByProvince;
    private readonly WeightedTable _communeTable;

    public ResidenceCatalog(IReadOnlyList<NewCommune> communes, IReadOnlyList<IReadOnlyList<OldCommune>> oldCommunesOfEach,
        IReadOnlyList<(int Code, string Name)> oldProvinces)
    {
        _communes = [.. communes];
        OldProvinces = [.. oldProvinces];
        _oldStart = new int[_communes.Length + 1];
        var old = new List<OldCommune>();
        for (var i = 0; i < _communes.Length; i++)
        {
            _oldStart[i] = old.Count;
            old.AddRange(oldCommunesOfEach[i]);
        }

        _oldStart[^1] = old.Count;
        _old = [.. old];

        var provinces = _communes.Select(c => c.ProvinceCode).Distinct().Order().ToArray();
        ProvinceCodes = provinces;
        _communesByProvince = new int[provinces.Max() + 1][];
        foreach (var p in provinces)
        {
            _communesByProvince[p] = Enumerable.Range(0, _communes.Length).Where(i => _communes[i].ProvinceCode == p).ToArray();
        }

        // Wards (phường) are denser than rural communes; weights are a modelling choice (no population per commune is available).
        _communeTable = new WeightedTable(_communes.Select(c => c.IsUrban ? 2.0 : c.IsSpecialZone ? 0.3 : 1.0).ToArray());
    }

    public int CommuneCount => _communes.Length;

    public IReadOnlyList<int> ProvinceCodes { get; }

    /// <summary>The 63 provinces before the reform (codes used in CCCD numbers).</summary>
    public IReadOnlyList<(int Code, string Name)> OldProvinces { get; }

    public ref readonly NewCommune Commune(int index) => ref _communes[index];

    public ReadOnlySpan<OldCommune> OldCommunesOf(int index) => _old.AsSpan(_oldStart[index], _oldStart[index + 1] - _oldStart[index]);

    public ReadOnlySpan<int> CommunesInProvince(int provinceCode) => _communesByProvince[provinceCode];

    public int NextCommune(ref Xoshiro256StarStar rng) => _communeTable.Next(ref rng);
}

/// <summary>A commune of the new scheme.</summary>
internal readonly record struct NewCommune(string Code, string Name, bool IsUrban, bool IsSpecialZone, int ProvinceCode, string ProvinceName)
{
    public string ProvinceCodeText => ProvinceCode.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A commune of the old scheme, with its district and province (old codes).</summary>
internal readonly record struct OldCommune(string Code, string Name, string? DistrictName, int ProvinceCode, string ProvinceName)
{
    public string ProvinceCodeText => ProvinceCode.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}
