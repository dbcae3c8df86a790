using BenchmarkDotNet.Attributes;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;

namespace Immunization.Benchmarks.Matching;

/// <summary>
/// A lookup service starting: building the register index from the register's people against loading it from a saved
/// snapshot (in memory, so the disk does not count). The target is a load at least 5× faster than a build.
/// </summary>
[MemoryDiagnoser]
public class RegisterIndexSnapshotBenchmarks
{
    private IdentityRecord[] _people = [];
    private byte[] _snapshot = [];
    private RegisterIndex _index = null!;

    [Params(100_000)]
    public int People { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _people = new SyntheticIdentities(seed: 42).People(People).Select(SyntheticIdentities.ToRecord).ToArray();
        _index = RegisterIndex.Build(_people);
        using var stream = new MemoryStream();
        _index.Save(stream);
        _snapshot = stream.ToArray();
    }

    [Benchmark(Baseline = true)]
    public RegisterIndex Build() => RegisterIndex.Build(_people);

    [Benchmark]
    public RegisterIndex Load() => RegisterIndex.Load(new MemoryStream(_snapshot, writable: false));

    [Benchmark]
    public long Save()
    {
        using var stream = new MemoryStream(_snapshot.Length);
        _index.Save(stream);
        return stream.Length;
    }
}
