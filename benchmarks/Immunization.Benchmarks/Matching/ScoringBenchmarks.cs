using BenchmarkDotNet.Attributes;
using Immunization.Matching.Configuration;
using Immunization.Matching.Engine;
using Immunization.Matching.Tables;

namespace Immunization.Benchmarks.Matching;

/// <summary>
/// The generic engine's hot loop on FEBRL4's candidate pairs (sample configuration, 10 fields, 7,813 pairs): compare every
/// pair into its level pattern, then score it with the fitted model. Results are per pair.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private LinkageSession _session = null!;
    private int _pairs;

    [GlobalSetup]
    public void Setup()
    {
        var samples = FindUp("samples/febrl4.json");
        var plan = MatchPlan.Compile(MatchConfiguration.FromJson(File.ReadAllText(samples)));
        var datasets = Environment.GetEnvironmentVariable("IMMUNIZATION_DATASETS") ?? Path.Combine(FindUp("../shared/datasets/febrl"), "..");
        _session = new LinkageSession(plan, Read(Path.Combine(datasets, "febrl/dataset4a.csv")), Read(Path.Combine(datasets, "febrl/dataset4b.csv")),
            trainOnTruth: false);
        _pairs = _session.Pairs.Count;
    }

    [Benchmark(OperationsPerInvoke = 7813)]
    public double CompareAndScore()
    {
        var comparer = _session.Comparer;
        var model = _session.Model;
        var left = _session.Pairs.LeftIndexes;
        var right = _session.Pairs.RightIndexes;
        var leftIds = comparer.Left;
        var sum = 0.0;
        for (var p = 0; p < _pairs; p++)
        {
            sum += model.Score(comparer.Pattern(left[p], right[p]), leftIds, left[p]);
        }

        return sum;
    }

    private static RecordTable Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var table = new RecordTable(header);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var r = table.AddRecord();
            var fields = line.Split(',');
            for (var c = 0; c < header.Length; c++)
            {
                table.Set(r, c, fields[c]);
            }
        }

        return table;
    }

    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.GetFullPath(Path.Combine(dir.FullName, relative));
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative);
    }
}
