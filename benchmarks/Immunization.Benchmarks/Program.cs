using BenchmarkDotNet.Running;
using Immunization.Benchmarks.Reporting;

if (args is ["report-scale", .. var rest])
{
    return ReportingScaleRun.Run(rest);
}

if (args is ["cdsi-ratio", .. var ratioArgs])
{
    return Immunization.Benchmarks.Evaluation.CdsiRatioRun.Run(ratioArgs);
}

if (args is ["index-bytes", .. var indexArgs])
{
    return Immunization.Benchmarks.Matching.IndexBytesRun.Run(indexArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
