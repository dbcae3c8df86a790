using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;

namespace Immunization.Benchmarks.Matching;

/// <summary>
/// A health station entering one dose: one record linked against an index of 1 million people, built once. Each iteration
/// is a single lookup (a different record each time), so the percentiles are per-lookup latencies; outliers are kept.
/// </summary>
[Config(typeof(LatencyConfig))]
[MemoryDiagnoser]
[Outliers(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove)]
public class RegisterIndexBenchmarks
{
    private RegisterIndex _index = null!;
    private IdentityRecord[] _records = [];
    private int _next;

    [Params(1_000_000)]
    public int People { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var generator = new SyntheticIdentities(seed: 42);
        var people = generator.People(People);
        var (records, _) = generator.Records(people);
        _index = RegisterIndex.Build(people.Select(SyntheticIdentities.ToRecord));
        _records = records.Take(100_000).Select(SyntheticIdentities.ToRecord).ToArray();
    }

    [Benchmark]
    [InvocationCount(1)]
    [IterationCount(3000)]
    public RecordLink LinkOneRecord() => _index.Link(_records[_next++ % _records.Length]);

    private sealed class LatencyConfig : ManualConfig
    {
        public LatencyConfig()
        {
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, new P99Column(), StatisticColumn.P100);
        }
    }

    private sealed class P99Column : IColumn
    {
        public string Id => "P99";

        public string ColumnName => "P99";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => "Percentile 99: 99 % of lookups took at most this long";

        public string GetValue(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) =>
            GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            return statistics is null
                ? "NA"
                : (statistics.Percentiles.Percentile(99) / 1000.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " us";
        }

        public bool IsDefault(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(BenchmarkDotNet.Reports.Summary summary) => true;
    }
}
