namespace Immunization.Reporting.Coverage;

/// <summary>
/// Splits a loop over <c>[0, count)</c> into contiguous ranges run in parallel, one per core (at most 8), each with its own
/// counters that the caller sums afterwards in a fixed order, so results do not depend on scheduling.
/// </summary>
internal static class Partitions
{
    private const int MinimumPerPart = 50_000;

    /// <summary>How many parts a loop of <paramref name="count"/> iterations is split into.</summary>
    internal static int For(int count) => Math.Clamp(Math.Min(Environment.ProcessorCount, count / MinimumPerPart), 1, 8);

    /// <summary>Runs <paramref name="body"/> (part, start, end) for each of <paramref name="parts"/> contiguous ranges.</summary>
    internal static void Run(int count, int parts, Action<int, int, int> body)
    {
        if (parts <= 1)
        {
            body(0, 0, count);
            return;
        }

        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
            body(part, Start(count, parts, part), Start(count, parts, part + 1)));
    }

    /// <summary>The first index of a part.</summary>
    internal static int Start(int count, int parts, int part) => (int)((long)count * part / parts);
}
