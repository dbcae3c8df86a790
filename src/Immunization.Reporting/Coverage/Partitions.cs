namespace Immunization.Reporting.Coverage;

/// <summary>
/// Splits a loop over <c>[0, count)</c> into contiguous ranges run in parallel on the cores (at most 8), each with its own
/// counters that the caller sums afterwards in a fixed order, so results do not depend on scheduling. A loop is split into
/// several parts per core (<see cref="For"/>), which the cores take as they finish the last, so that a core slowed for a
/// while (by the kernel, another thread, or a part that costs more) does not leave the other idle at the end; a loop
/// whose parts each cost a pass over everything, or hold large counters, takes one part per core (<see cref="Cores"/>),
/// or contiguous chunks from a shared counter on each core (<see cref="RunChunked"/>).
/// </summary>
internal static class Partitions
{
    private const int MinimumPerPart = 16_384;
    private const int MaxCores = 8;
    private const int PartsPerCore = 8;

    /// <summary>How many cores a loop of <paramref name="count"/> iterations runs on.</summary>
    internal static int Cores(int count) => Math.Clamp(Math.Min(Environment.ProcessorCount, count / MinimumPerPart), 1, MaxCores);

    /// <summary>How many parts a loop of <paramref name="count"/> iterations is split into: several per core.</summary>
    internal static int For(int count) => Math.Clamp(Math.Min(Cores(count) * PartsPerCore, count / MinimumPerPart), 1, MaxCores * PartsPerCore);

    /// <summary>Runs <paramref name="body"/> (part, start, end) for each of <paramref name="parts"/> contiguous ranges.</summary>
    internal static void Run(int count, int parts, Action<int, int, int> body)
    {
        if (parts <= 1)
        {
            body(0, 0, count);
            return;
        }

        int cores = Math.Min(parts, Math.Min(Environment.ProcessorCount, MaxCores));
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = cores }, part =>
            body(part, Start(count, parts, part), Start(count, parts, part + 1)));
    }

    /// <summary>
    /// Runs <paramref name="body"/> (worker, chunks) once on each of <paramref name="workers"/> cores; each takes contiguous
    /// chunks of <c>[0, count)</c> from one shared <see cref="Chunks"/> until none is left, so a worker keeps one set of counters
    /// however many chunks it takes (the sums do not depend on which worker took which chunk).
    /// </summary>
    internal static void RunChunked(int count, int workers, Action<int, Chunks> body)
    {
        var chunks = new Chunks(count, Math.Max(MinimumPerPart / 4, count / (workers * PartsPerCore * 2)));
        if (workers <= 1)
        {
            body(0, chunks);
            return;
        }

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker => body(worker, chunks));
    }

    /// <summary>The first index of a part.</summary>
    internal static int Start(int count, int parts, int part) => (int)((long)count * part / parts);

    /// <summary>Contiguous chunks of <c>[0, count)</c>, taken in rising order by whichever worker asks next.</summary>
    internal sealed class Chunks
    {
        private readonly int _count;
        private readonly int _size;
        private long _next;

        internal Chunks(int count, int size)
        {
            _count = count;
            _size = Math.Max(1, size);
        }

        /// <summary>The next chunk, or <see langword="false"/> when every chunk has been taken.</summary>
        internal bool TryTake(out int from, out int to)
        {
            long start = Interlocked.Add(ref _next, _size) - _size;
            if (start >= _count)
            {
                from = to = _count;
                return false;
            }

            from = (int)start;
            to = (int)Math.Min(_count, start + _size);
            return true;
        }
    }
}
