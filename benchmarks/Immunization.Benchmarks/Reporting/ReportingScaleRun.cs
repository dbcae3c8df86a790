using System.Diagnostics;
using System.Globalization;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Export;
using Immunization.Reporting.Quality;
using Immunization.Reporting.WorkLists;

namespace Immunization.Benchmarks.Reporting;

/// <summary>
/// The documented scale run of issue 12: builds a register of N people with 2 N dose records in memory from a seed (not
/// timed), then times the report (coverage, data quality, work lists) and, separately, the exports written to a null
/// stream. For each stage it prints wall time, the process's CPU time and the bytes allocated; at the end the peak working
/// set. Run: <c>dotnet run -c Release --project benchmarks/Immunization.Benchmarks -- report-scale 10000000 [seed] [runs] [shuffled] [lists] [rows] [entry]</c>
/// (<c>shuffled</c>: the dose records in random order rather than person by person; <c>lists</c>: the inputs handed over as
/// <see cref="List{T}"/>, which the report copies, rather than immutable arrays, which it borrows; <c>rows</c>: each linked
/// dose carries its register row, as a linker hands it over; <c>entry</c>: the dose records in random order, allocated in
/// that order with their own id strings, as a file read would allocate them, rather than allocated person by person and
/// then shuffled; implies <c>shuffled</c>).
/// </summary>
internal static class ReportingScaleRun
{
    internal static int Run(string[] args)
    {
        int people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        int seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        int runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        bool shuffled = args.Skip(3).Contains("shuffled");
        bool lists = args.Skip(3).Contains("lists");
        bool rows = args.Skip(3).Contains("rows");
        bool entry = args.Skip(3).Contains("entry");
        shuffled |= entry;
        var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"report scale run: {people:N0} people, {2L * people:N0} doses, seed {seed}, {runs} runs, doses {(shuffled ? "in random order" : "person by person")}, inputs as {(lists ? "lists (copied)" : "immutable arrays (borrowed)")}, register rows {(rows ? "handed over" : "not given")}, records allocated {(entry ? "in entry order" : "person by person")}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}"));

        var sw = Stopwatch.StartNew();
        var input = ReportingData.Create(people, seed, shuffled, lists, rows, entry);
        var options = new ReportOptions { AsOf = ReportingData.AsOf };
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"input built in {sw.Elapsed.TotalSeconds:F1} s (not timed below); heap {GC.GetTotalMemory(false) / 1e9:F2} GB, working set {process.WorkingSet64 / 1e9:F2} GB"));

        for (int run = 1; run <= runs; run++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}:"));
            var total = Start();
            var s = Start();
            var index = ReportIndex.For(input.Register, input.Doses);
            Print("  index (flat arrays, used by the three)", s, $"{index.LeafCount:N0} leaves, {index.Products.Length} products");
            s = Start();
            var coverage = CoverageCalculator.Compute(input, options);
            Print("  coverage", s, $"{coverage.Rows.Count:N0} rows");
            s = Start();
            var quality = DataQualityCalculator.Compute(input, options, coverage);
            Print("  data quality", s, $"{quality.Count:N0} rows");
            s = Start();
            var worklists = WorkListBuilder.Build(input.Register, input.Doses, options.AsOf);
            Print("  work lists", s, $"{worklists.Count:N0} lists, {worklists.Sum(l => l.Items.Count):N0} items");
            Print("  REPORT (coverage + quality + work lists)", total, "");

            s = Start();
            using (var writer = new StreamWriter(Stream.Null))
            {
                TidyCsvWriter.Write(coverage.Rows.Concat(quality), writer);
            }

            TidyJsonWriter.Write(coverage.Rows.Concat(quality), Stream.Null);
            Print("  exports: tidy CSV + JSON", s, "");
            s = Start();
            foreach (var list in worklists)
            {
                using var writer = new StreamWriter(Stream.Null);
                WorkListCsvWriter.Write(list, writer);
            }

            Print("  exports: work-list CSVs", s, "");
            coverage = null;
            quality = null;
            worklists = null;
            index = null;
            GC.Collect(2, GCCollectionMode.Forced, true, true);
        }

        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {process.PeakWorkingSet64 / 1e9:F2} GB"));
        return 0;
    }

    private static Mark Start()
    {
        var process = Process.GetCurrentProcess();
        return new(Stopwatch.GetTimestamp(), process.TotalProcessorTime, process.PrivilegedProcessorTime, MinorFaults(), GC.GetTotalAllocatedBytes(true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    }

    // The process's minor page faults (Linux: field 10 of /proc/self/stat), or 0 where there is no such file.
    private static long MinorFaults()
    {
        try
        {
            string stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[7], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static void Print(string stage, Mark start, string what)
    {
        double wall = Stopwatch.GetElapsedTime(start.Ticks).TotalSeconds;
        var process = Process.GetCurrentProcess();
        double cpu = (process.TotalProcessorTime - start.Cpu).TotalSeconds;
        double sys = (process.PrivilegedProcessorTime - start.Sys).TotalSeconds;
        long faults = MinorFaults() - start.Faults;
        double bytes = GC.GetTotalAllocatedBytes(true) - start.Bytes;
        double pause = (GC.GetTotalPauseDuration() - start.Pause).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-44} wall {wall,7:F2} s  cpu {cpu,7:F2} s (sys {sys,5:F2}, {faults / 1000,6:N0} k page faults)  allocated {bytes / 1e6,7:F0} MB  GCs {GC.CollectionCount(0) - start.Gen0}/{GC.CollectionCount(1) - start.Gen1}/{GC.CollectionCount(2) - start.Gen2} paused {pause,5:F2} s  {what}"));
    }

    private readonly record struct Mark(long Ticks, TimeSpan Cpu, TimeSpan Sys, long Faults, long Bytes, int Gen0, int Gen1, int Gen2, TimeSpan Pause);
}
