namespace Immunization.Testing.Synthetic;

/// <summary>
/// Draws an index with probability proportional to its weight: cumulative integer thresholds and a binary search, so a
/// draw costs one random number and no floating-point rounding can differ between machines.
/// </summary>
internal sealed class WeightedTable
{
    private readonly ulong[] _cumulative;

    public WeightedTable(ReadOnlySpan<double> weights)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("A weighted table needs at least one weight.", nameof(weights));
        }

        var total = 0.0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new ArgumentException("Weights must be finite and not negative.", nameof(weights));
            }

            total += w;
        }

        if (total <= 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }

        // Thresholds on a 2^53 scale, exact in double, then held as integers.
        const double scale = 9007199254740992.0;
        _cumulative = new ulong[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i];
            _cumulative[i] = (ulong)Math.Floor(running / total * scale);
        }

        _cumulative[^1] = 1UL << 53;
        Count = weights.Length;
    }

    public int Count { get; }

    /// <summary>The probability of index <paramref name="i"/>.</summary>
    public double Probability(int i) =>
        (_cumulative[i] - (i == 0 ? 0UL : _cumulative[i - 1])) / 9007199254740992.0;

    public int Next(ref Xoshiro256StarStar rng)
    {
        var u = rng.NextUInt64() >> 11;
        var cumulative = _cumulative;
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (u < cumulative[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}

/// <summary>A <see cref="WeightedTable"/> over a list of values.</summary>
internal sealed class WeightedList<T>
{
    private readonly T[] _values;
    private readonly WeightedTable _table;

    public WeightedList(IReadOnlyList<(T Value, double Weight)> entries)
    {
        _values = new T[entries.Count];
        var weights = new double[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            _values[i] = entries[i].Value;
            weights[i] = entries[i].Weight;
        }

        _table = new WeightedTable(weights);
    }

    public IReadOnlyList<T> Values => _values;

    public double Probability(int i) => _table.Probability(i);

    public T Next(ref Xoshiro256StarStar rng) => _values[_table.Next(ref rng)];
}
