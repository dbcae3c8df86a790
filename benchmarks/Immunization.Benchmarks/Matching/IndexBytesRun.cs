using System.Diagnostics;
using System.Globalization;
using Immunization.Matching.Verification;

namespace Immunization.Benchmarks.Matching;

/// <summary>
/// Bytes per indexed person (issue 14 part 2): the snapshot file and the managed heap an index takes once loaded. Loads a
/// snapshot (from <c>immunization link --register R --records S --out O --save-index FILE</c>) from a byte array already in
/// memory, with <see cref="GC.GetTotalMemory(bool)"/> (full collection) before and after, the index kept alive; then prints
/// the snapshot's bytes per field (<c>RegisterIndex.SnapshotSizes</c>, internal, called by reflection). Run:
/// <c>dotnet benchmarks/Immunization.Benchmarks/bin/Release/net10.0/Immunization.Benchmarks.dll index-bytes FILE</c>, or
/// <c>index-bytes --people N [seed]</c> to build a synthetic register of N people first (in the same process).
/// </summary>
internal static class IndexBytesRun
{
    internal static int Run(string[] args)
    {
        byte[] snapshot;
        if (args is ["--people", var n, ..])
        {
            var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 42;
            var people = new SyntheticIdentities(seed).People(int.Parse(n, CultureInfo.InvariantCulture)).Select(SyntheticIdentities.ToRecord).ToArray();
            using var stream = new MemoryStream();
            RegisterIndex.Build(people).Save(stream);
            snapshot = stream.ToArray();
        }
        else if (args is [var path, ..])
        {
            snapshot = File.ReadAllBytes(path);
        }
        else
        {
            Console.Error.WriteLine("usage: index-bytes SNAPSHOT | index-bytes --people N [seed]");
            return 2;
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var index = RegisterIndex.Load(new MemoryStream(snapshot, writable: false));
        wall.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var count = index.Count;
        var perPerson = (after - before) / (double)count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} people; snapshot {snapshot.Length:N0} B = {snapshot.Length / (double)count:F1} B/person; heap after Load {after - before:N0} B = {perPerson:F1} B/person; Load {wall.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU"));

        var (fields, total) = index.SnapshotSizes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"snapshot body {total:N0} B; by field (B/person):"));
        foreach (var (field, bytes) in fields.Where(f => f.Bytes * 1000L >= count))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {field,-40} {bytes / (double)count,8:F2}"));
        }

        GC.KeepAlive(index);
        return 0;
    }
}
