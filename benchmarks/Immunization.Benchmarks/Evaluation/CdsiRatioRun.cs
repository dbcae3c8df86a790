using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Case = (Immunization.Core.Evaluation.CdsiPatient Patient, Immunization.Core.Evaluation.AdministeredDose[] Doses, NodaTime.LocalDate Assessment, string[] Group);

namespace Immunization.Benchmarks.Evaluation;

/// <summary>
/// The documented ratio run of issue 11: in ONE process, the same patients with and without observations (the populations
/// of <see cref="CdsiBenchmarks"/>) evaluated in many short interleaved rounds, so that whatever makes one process faster or
/// slower than another (where the JIT's dynamic PGO guessed, where the heap landed, which core) weighs on both workloads
/// alike and cancels in the ratio. Run:
/// <c>dotnet run -c Release --project benchmarks/Immunization.Benchmarks -- cdsi-ratio [rounds] [warm-up seconds] [all|tested|uc|every]</c>
/// (defaults 30, 3 and <c>every</c>). A fourth argument <c>only-without</c> or <c>only-with</c> runs one workload of the
/// first pair alone (for a profiler).
/// </summary>
/// <remarks>
/// Each round runs one pass over the population of every workload, in an order that rotates from round to round. A pass is
/// timed by the thread's CPU time (Linux: <c>CLOCK_THREAD_CPUTIME_ID</c>, so a busy machine that takes the core away does
/// not count; elsewhere the wall clock) and by the wall clock. The run prints, per workload, the median and the minimum
/// µs a patient and the bytes allocated a patient, then per pair the ratio of the medians and the median of the per-round
/// ratios (the pass with observations over the pass without in the same round).
/// </remarks>
internal static class CdsiRatioRun
{
    internal static int Run(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        double warmUp = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        string scope = args.Length > 2 ? args[2] : "every";

        var (healthy, withObservations, uc, ucWithout) = CdsiBenchmarks.Populations(CdsiBenchmarks.FindDatasets());
        var pairs = new List<(string Name, Workload Without, Workload With)>();
        if (scope is "all" or "every")
        {
            pairs.Add(("same patients, all groups", new("healthy, all groups", healthy, true), new("with observations, all groups", withObservations, true)));
        }

        if (scope is "tested" or "every")
        {
            pairs.Add(("same patients, tested group", new("healthy, tested group", healthy, false), new("with observations, tested group", withObservations, false)));
        }

        if (scope is "uc" or "every")
        {
            pairs.Add(("UC cases, all groups", new("UC without observations, all groups", ucWithout, true), new("UC cases, all groups", uc, true)));
        }

        if (pairs.Count == 0)
        {
            Console.Error.WriteLine("cdsi-ratio [rounds] [warm-up seconds] [all|tested|uc|every]");
            return 2;
        }

        var workloads = pairs.SelectMany(p => new[] { p.Without, p.With }).ToArray();
        if (args.Length > 3 && args[3] is "only-without" or "only-with")
        {
            // For a profiler: one workload of the first pair alone, for the warm-up time and then the rounds.
            var only = args[3] == "only-with" ? pairs[0].With : pairs[0].Without;
            Console.WriteLine($"cdsi-ratio: {only.Name} alone (for a profiler), {rounds} passes after {warmUp} s");
            var until = Stopwatch.StartNew();
            while (until.Elapsed.TotalSeconds < warmUp)
            {
                only.Pass();
            }

            for (var round = 0; round < rounds; round++)
            {
                only.Record();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{only.Name,-38} median {Median(only.Cpu),8:F2} µs/patient"));
            return 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cdsi-ratio: {rounds} rounds of {workloads.Length} workloads, interleaved, after {warmUp} s of warm-up; {Environment.ProcessorCount} cores, clock {(ThreadCpu.Available ? "thread CPU time" : "wall (no thread CPU clock)")}, TieredPGO={Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? "default"}, load {LoadAverage()}"));

        var warm = Stopwatch.StartNew();
        var warmPasses = 0;
        while (warm.Elapsed.TotalSeconds < warmUp || warmPasses < 5)
        {
            foreach (var workload in workloads)
            {
                workload.Pass();
            }

            warmPasses++;
        }

        foreach (var workload in workloads)
        {
            workload.Clear();
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < workloads.Length; k++)
            {
                // Rotate the order so that no workload always runs first (or right after a particular other one).
                var workload = workloads[(k + round) % workloads.Length];
                workload.Record();
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up {warmPasses} passes each; load now {LoadAverage()}"));
        foreach (var workload in workloads)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{workload.Name,-38} median {Median(workload.Cpu),8:F2} µs/patient  min {workload.Cpu.Min(),8:F2}  wall median {Median(workload.Wall),8:F2}  allocated {workload.BytesPerPatient,8:N0} B/patient"));
        }

        foreach (var (name, without, with) in pairs)
        {
            var perRound = new double[rounds];
            for (var r = 0; r < rounds; r++)
            {
                perRound[r] = with.Cpu[r] / without.Cpu[r];
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RATIO {name,-30} ratio of medians {Median(with.Cpu) / Median(without.Cpu):F3}  median of round ratios {Median(perRound):F3}  (round ratios {perRound.Min():F3}-{perRound.Max():F3}; wall ratio of medians {Median(with.Wall) / Median(without.Wall):F3})"));
        }

        return 0;
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private sealed class Workload(string name, Case[] cases, bool allGroups)
    {
        private long _bytes;
        private long _patients;

        public string Name => name;

        public List<double> Cpu { get; } = [];

        public List<double> Wall { get; } = [];

        public double BytesPerPatient => _patients == 0 ? 0 : (double)_bytes / _patients;

        public int Pass() => allGroups ? CdsiBenchmarks.AllGroups(cases) : CdsiBenchmarks.TestedGroup(cases);

        public void Clear()
        {
            Cpu.Clear();
            Wall.Clear();
            _bytes = 0;
            _patients = 0;
        }

        public void Record()
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpu.Now();
            var wall = Stopwatch.GetTimestamp();
            _ = Pass();
            var wallUs = Stopwatch.GetElapsedTime(wall).TotalMicroseconds;
            var cpuUs = ThreadCpu.Available ? (ThreadCpu.Now() - cpu) / 1000.0 : wallUs;
            _bytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
            _patients += cases.Length;
            Cpu.Add(cpuUs / cases.Length);
            Wall.Add(wallUs / cases.Length);
        }
    }

    // The calling thread's CPU time in nanoseconds (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)).
    private static class ThreadCpu
    {
        private const int ClockThreadCpuTimeId = 3;

        public static bool Available { get; } = OperatingSystem.IsLinux() && Probe();

        public static long Now()
        {
            if (!Available || NativeMethods.ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
            {
                return 0;
            }

            return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
        }

        private static bool Probe()
        {
            try
            {
                return NativeMethods.ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
            }
            catch (DllNotFoundException)
            {
                return false;
            }
            catch (EntryPointNotFoundException)
            {
                return false;
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "clock_gettime")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int ClockGetTime(int clock, out TimeSpec time);
    }
}
