using BenchmarkDotNet.Running;
using Immunization.Benchmarks.Reporting;

if (args is ["report-scale", .. var rest])
{
    return ReportingScaleRun.Run(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
