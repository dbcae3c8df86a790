namespace Immunization.Matching.Scoring;

/// <summary>
/// Gives each distinct text a dense id in the order first seen, looking texts up as spans so that a string is made only
/// for a text not seen before. Open addressing over a power-of-two table sized once for the most values it will hold.
/// </summary>
/// <threadsafety>Not thread-safe.</threadsafety>
internal sealed class ValueInterner
{
    private readonly int[] _slots; // id + 1 of the value in each slot, 0 when empty
    private readonly int[] _hashes;
    private readonly string[] _values;
    private int _count;

    /// <summary>Initializes an interner for at most <paramref name="capacity"/> distinct values.</summary>
    public ValueInterner(int capacity)
    {
        Capacity = Math.Max(capacity, 1);
        _slots = new int[(int)Math.Min(1L << 30, Math.Max(16, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Capacity) * 2))];
        _hashes = new int[Capacity];
        _values = new string[Capacity];
    }

    /// <summary>Gets the most distinct values the interner holds.</summary>
    public int Capacity { get; }

    /// <summary>Forgets every value; ids start again at 0.</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        Array.Clear(_values, 0, _count);
        _count = 0;
    }

    /// <summary>Returns the id of <paramref name="value"/>, adding it when new.</summary>
    /// <exception cref="InvalidOperationException">More distinct values than the capacity.</exception>
    public int Intern(ReadOnlySpan<char> value)
    {
        var hash = string.GetHashCode(value, StringComparison.Ordinal);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }

            var id = entry - 1;
            if (_hashes[id] == hash && value.SequenceEqual(_values[id]))
            {
                return id;
            }

            slot = (slot + 1) & mask;
        }

        if (_count == Capacity)
        {
            throw new InvalidOperationException($"More than {Capacity} distinct values.");
        }

        var added = _count++;
        _hashes[added] = hash;
        _values[added] = value.ToString();
        _slots[slot] = added + 1;
        return added;
    }

    /// <summary>The distinct values, indexed by id.</summary>
    public string[] ToArray() => _values.AsSpan(0, _count).ToArray();
}
