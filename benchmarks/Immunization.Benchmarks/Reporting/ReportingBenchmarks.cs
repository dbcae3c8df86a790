using BenchmarkDotNet.Attributes;
using Immunization.Core.Eligibility;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Quality;
using Immunization.Reporting.WorkLists;
using NodaTime;

namespace Immunization.Benchmarks.Reporting;

/// <summary>
/// A whole report on a synthetic register (<see cref="ReportingData"/>): coverage, data quality and work lists, with two dose
/// records per person spread over every new commune (and 1 % of people on old communes, rolled up). The target is 10 M people / 20 M doses in
/// under 5 s on 2 cores; run with <c>--filter *ReportingBenchmarks* --job short</c>, or the scale run
/// (<see cref="ReportingScaleRun"/>) for 10 M.
/// </summary>
[MemoryDiagnoser]
public class ReportingBenchmarks
{
    private static readonly LocalDate s_asOf = ReportingData.AsOf;
    private ReportInput _input = null!;
    private ReportOptions _options = null!;

    [Params(1_000_000)]
    public int People { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = ReportingData.Create(People, 1);
        _options = new ReportOptions { AsOf = s_asOf };
    }

    /// <summary>Coverage, data quality and the commune work lists.</summary>
    [Benchmark]
    public int WholeReport()
    {
        var coverage = CoverageCalculator.Compute(_input, _options);
        var quality = DataQualityCalculator.Compute(_input, _options, coverage);
        var lists = WorkListBuilder.Build(_input.Register, _input.Doses, s_asOf);
        return coverage.Rows.Count + quality.Count + lists.Count;
    }

    /// <summary>Coverage only.</summary>
    [Benchmark]
    public int Coverage() => CoverageCalculator.Compute(_input, _options).Rows.Count;
}
