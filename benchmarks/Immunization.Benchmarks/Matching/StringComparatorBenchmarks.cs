using BenchmarkDotNet.Attributes;
using Immunization.Matching.Comparators;
using Immunization.Matching.Tests.Support;

namespace Immunization.Benchmarks.Matching;

/// <summary>
/// Jaro-Winkler and OSA on 20-character folded Vietnamese names (family, middle, given): ours against a textbook
/// implementation with allocated flag arrays (the Baseline). Each invocation compares 1,000 pairs; results are per pair.
/// </summary>
[MemoryDiagnoser]
public class StringComparatorBenchmarks
{
    private const int Pairs = 1000;
    private string[] _a = [];
    private string[] _b = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        string[] families = ["nguyen", "tran", "pham", "hoang", "huynh", "truong", "duong", "phan"];
        string[] middles = ["van", "thi", "huu", "ngoc", "thanh", "minh", "xuan"];
        string[] givens = ["anh", "phuong", "thanh", "huong", "quynh", "trang", "cuong", "khanh", "duyen"];
        string Name()
        {
            string name;
            do
            {
                name = $"{families[random.Next(families.Length)]} {middles[random.Next(middles.Length)]} {middles[random.Next(middles.Length)]} " +
                    givens[random.Next(givens.Length)];
            }
            while (name.Length < 20);

            return name[..20];
        }

        _a = new string[Pairs];
        _b = new string[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            _a[i] = Name();
            var chars = (random.Next(2) == 0 ? _a[i] : Name()).ToCharArray();
            var k = random.Next(19);
            (chars[k], chars[k + 1]) = (chars[k + 1], chars[k]);
            _b[i] = new string(chars);
        }
    }

    // Baselines: the tests' textbook comparators (Reference), as most .NET packages write them (arrays per call).
    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public double JaroWinklerNaive()
    {
        var sum = 0.0;
        for (var i = 0; i < Pairs; i++)
        {
            sum += Reference.JaroWinkler(_a[i], _b[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public double JaroWinklerOurs()
    {
        var sum = 0.0;
        for (var i = 0; i < Pairs; i++)
        {
            sum += JaroWinkler.Similarity(_a[i], _b[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public int OsaFullMatrixNaive()
    {
        var sum = 0;
        for (var i = 0; i < Pairs; i++)
        {
            sum += Reference.Osa(_a[i], _b[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public int OsaOurs()
    {
        var sum = 0;
        for (var i = 0; i < Pairs; i++)
        {
            sum += DamerauLevenshtein.Distance(_a[i], _b[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public int OsaOursCutOff2()
    {
        var sum = 0;
        for (var i = 0; i < Pairs; i++)
        {
            sum += DamerauLevenshtein.Distance(_a[i], _b[i], 2);
        }

        return sum;
    }
}
