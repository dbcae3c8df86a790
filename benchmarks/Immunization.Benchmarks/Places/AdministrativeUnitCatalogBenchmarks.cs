using BenchmarkDotNet.Attributes;
using Immunization.Core.Places;

namespace Immunization.Benchmarks.Places;

/// <summary>Loading the catalogue of administrative units, and the lookups a matching engine runs per record.</summary>
[MemoryDiagnoser]
public class AdministrativeUnitCatalogBenchmarks
{
    private readonly AdministrativeUnitCatalog _catalog = AdministrativeUnitCatalog.Vietnam;
    private AdministrativeUnit _oldHcm;
    private AdministrativeUnit _splitOld;
    private AdministrativeUnit _newWard;

    [GlobalSetup]
    public void Setup()
    {
        _oldHcm = _catalog.GetByCode(AdministrativeScheme.Old, "79");
        _splitOld = _catalog.GetByCode(AdministrativeScheme.Old, "00007");
        _newWard = _catalog.GetByCode(AdministrativeScheme.New, "00025");
        _ = _catalog.TryFindProvince(AdministrativeScheme.New, "Hà Nội", out _);
    }

    /// <summary>Parse the embedded resources into a new catalogue (done once per process).</summary>
    [Benchmark]
    public AdministrativeUnitCatalog Load() => AdministrativeUnitCatalog.Load();

    /// <summary>Load plus the first name lookup, which builds the name indexes.</summary>
    [Benchmark]
    public bool LoadAndFirstNameLookup() => AdministrativeUnitCatalog.Load().TryFindProvince(AdministrativeScheme.New, "Hà Nội", out _);

    [Benchmark]
    public bool TryGetByCode() => _catalog.TryGetByCode(AdministrativeScheme.Old, "26734", out _);

    [Benchmark]
    public bool TryFindProvince() => _catalog.TryFindProvince(AdministrativeScheme.New, "TP. Hồ Chí Minh", out _);

    [Benchmark]
    public int FindCommunes() => _catalog.FindCommunes(_oldHcm, "Phường 1").Length;

    [Benchmark]
    public bool MapsToSameNewCommune() => _splitOld.MapsToSameNewCommune(_newWard);

    [Benchmark]
    public AdministrativeUnit ToNewProvince() => _oldHcm.ToNewProvince();
}
