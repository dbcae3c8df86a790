using System.Runtime.CompilerServices;

namespace Immunization.Reporting.Coverage;

/// <summary>
/// One core's people counters for coverage: per (leaf, base disaggregation, class) and, per priority group numbered in
/// the order this core met it, per (leaf, class).
/// </summary>
internal sealed class PeopleCounts
{
    private string? _lastGroup;
    private int _lastNumber;

    internal PeopleCounts(int baseCells) => Base = new int[baseCells];

    /// <summary>Counters per (leaf, base disaggregation, class).</summary>
    internal int[] Base { get; }

    /// <summary>The priority groups met, with their numbers.</summary>
    internal Dictionary<string, int> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Counters per group number, then (leaf, class).</summary>
    internal List<int[]> GroupCells { get; } = [];

    /// <summary>The number of a priority group, adding it when new.</summary>
    /// <remarks>Compiled optimized at its first call (it is called for every group of every person counted).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int Group(string code, int leaves)
    {
        if (string.Equals(code, _lastGroup, StringComparison.Ordinal))
        {
            return _lastNumber;
        }

        if (!Groups.TryGetValue(code, out int number))
        {
            number = Groups.Count;
            Groups.Add(code, number);
            GroupCells.Add(new int[leaves * CoverageCalculator.Classes]);
        }

        _lastGroup = code;
        _lastNumber = number;
        return number;
    }
}
