using System.Numerics;
using System.Runtime.CompilerServices;

namespace Immunization.Matching.Verification;

/// <summary>
/// An immutable multimap from 64-bit blocking keys to record indexes: entries sorted by key, and an open-addressing hash
/// table from each distinct key to its run of entries. One lookup costs one or two cache misses.
/// </summary>
internal sealed partial class BlockTable
{
    private readonly long[] _keys;      // distinct keys
    private readonly int[] _starts;     // run of key k: _members[_starts[k].._starts[k + 1]]
    private readonly int[] _members;
    private readonly int[] _slots;      // hash slot -> index into _keys, or -1
    private readonly int _shift;

    public BlockTable(long[] keys, int[] members, int count)
    {
        Array.Sort(keys, members, 0, count);
        var distinct = 0;
        for (var i = 0; i < count; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                distinct++;
            }
        }

        _keys = new long[distinct];
        _starts = new int[distinct + 1];
        _members = members.AsSpan(0, count).ToArray();
        var k = -1;
        for (var i = 0; i < count; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                k++;
                _keys[k] = keys[i];
                _starts[k] = i;
            }
        }

        _starts[distinct] = count;
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, distinct * 2));
        _shift = 64 - BitOperations.Log2((uint)capacity);
        _slots = new int[capacity];
        Array.Fill(_slots, -1);
        var mask = capacity - 1;
        for (var i = 0; i < distinct; i++)
        {
            var slot = Slot(_keys[i]);
            while (_slots[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = i;
        }
    }

    public int KeyCount => _keys.Length;

    /// <summary>Returns the records under <paramref name="key"/> (empty when none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<int> Find(long key)
    {
        var mask = _slots.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            var k = _slots[slot];
            if (k < 0)
            {
                return [];
            }

            if (_keys[k] == key)
            {
                return _members.AsSpan(_starts[k], _starts[k + 1] - _starts[k]);
            }

            slot = (slot + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15UL)) >> _shift);
}
