using BenchmarkDotNet.Attributes;
using Immunization.Matching.Comparators;

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

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public double JaroWinklerNaive()
    {
        var sum = 0.0;
        for (var i = 0; i < Pairs; i++)
        {
            sum += NaiveJaroWinkler(_a[i], _b[i]);
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
            sum += NaiveOsa(_a[i], _b[i]);
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

    // The textbook algorithm (jellyfish's), as most .NET packages write it: two flag arrays allocated per call.
    private static double NaiveJaroWinkler(string s1, string s2)
    {
        var range = Math.Max(0, (Math.Max(s1.Length, s2.Length) / 2) - 1);
        var f1 = new bool[s1.Length];
        var f2 = new bool[s2.Length];
        var common = 0;
        for (var i = 0; i < s1.Length; i++)
        {
            for (var j = Math.Max(0, i - range); j <= Math.Min(i + range, s2.Length - 1); j++)
            {
                if (!f2[j] && s2[j] == s1[i])
                {
                    f1[i] = f2[j] = true;
                    common++;
                    break;
                }
            }
        }

        if (common == 0)
        {
            return 0;
        }

        int k = 0, trans = 0;
        for (var i = 0; i < s1.Length; i++)
        {
            if (f1[i])
            {
                while (!f2[k])
                {
                    k++;
                }

                if (s1[i] != s2[k])
                {
                    trans++;
                }

                k++;
            }
        }

        double c = common;
        var weight = ((c / s1.Length) + (c / s2.Length) + ((c - (trans / 2)) / c)) / 3.0;
        if (weight > 0.7)
        {
            var p = 0;
            while (p < Math.Min(4, Math.Min(s1.Length, s2.Length)) && s1[p] == s2[p])
            {
                p++;
            }

            weight += p * 0.1 * (1.0 - weight);
        }

        return weight;
    }

    private static int NaiveOsa(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
