using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Immunization.Matching.Verification;

/// <summary>
/// An immutable multimap from 64-bit blocking keys to record indexes: one open-addressing hash table whose slots hold a
/// 32-bit fingerprint of the key and either its only record or where its run of records starts. The full key is not
/// stored: a fingerprint that matches is confirmed by the caller from the block's first record, whose own blocking keys
/// it recomputes (<see cref="Find"/>). One lookup costs one cache miss for a key with a single record (most keys: an
/// identity number, a phone, a name with a full date), two for a larger block, and the miss on the record's data that
/// scoring it takes anyway.
/// </summary>
/// <remarks>
/// 8 B a slot at load factor 0.75 plus 4 B a record of a multi-record block and 4 B a block for its length: at 1 M
/// people about 79 B a person, against 107 B with the whole key in 12-byte slots and 163 B for a table of distinct keys,
/// run starts, members and int slots.
/// </remarks>
internal sealed partial class BlockTable
{
    // An empty slot's value: no record index or run offset takes it.
    private const int Empty = int.MinValue;

    // Slot -> fingerprint (the key's low 32 bits) and value: value >= 0 is the key's only record; otherwise ~value is
    // where its run starts in _runs (the run's length, then its records).
    private readonly Slot[] _slots;
    private readonly int[] _runs;

    /// <summary>Builds the table from <paramref name="count"/> (key, record) pairs; both arrays are reordered.</summary>
    /// <remarks>A key's records come back in the order of an <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[], int, int)"/>
    /// of the pairs by key, as they always have (the candidates' order does not depend on the layout).</remarks>
    public BlockTable(long[] keys, int[] members, int count)
    {
        Array.Sort(keys, members, 0, count);
        var distinct = 0;
        var runEntries = 0;
        for (var i = 0; i < count;)
        {
            var end = RunEnd(keys, i, count);
            distinct++;
            if (end - i > 1)
            {
                runEntries += 1 + end - i;
            }

            i = end;
        }

        // Load factor 0.75 (any capacity: the slot is taken by multiplying the hash, not masking it).
        var capacity = Math.Max(16, distinct + (distinct / 3) + 1);
        _slots = new Slot[capacity];
        _slots.AsSpan().Fill(new Slot { Fingerprint = 0, Value = Empty });
        _runs = new int[runEntries];
        var at = 0;
        for (var i = 0; i < count;)
        {
            var end = RunEnd(keys, i, count);
            int value;
            if (end - i == 1)
            {
                value = members[i];
            }
            else
            {
                value = ~at;
                _runs[at++] = end - i;
                members.AsSpan(i, end - i).CopyTo(_runs.AsSpan(at));
                at += end - i;
            }

            var slot = SlotOf(keys[i], capacity);
            while (_slots[slot].Value != Empty)
            {
                slot = slot + 1 == capacity ? 0 : slot + 1;
            }

            _slots[slot] = new Slot { Fingerprint = (int)keys[i], Value = value };
            i = end;
        }
    }

    /// <summary>
    /// Returns the records of the next slot, from <paramref name="cursor"/> on, whose fingerprint is <paramref name="key"/>'s
    /// (empty when the key's probe sequence ends): the key's records when the first of them has <paramref name="key"/>
    /// among its blocking keys; otherwise call again with the same cursor for the next match.
    /// </summary>
    /// <param name="key">The blocking key.</param>
    /// <param name="cursor">−1 on the first call; the slot after the returned one on return.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<int> Find(long key, scoped ref int cursor) => Members(FindSlot(key, ref cursor));

    /// <summary>
    /// The next slot, from <paramref name="cursor"/> on, whose fingerprint is <paramref name="key"/>'s, or −1 when the key's
    /// probe sequence ends (see <see cref="Find"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FindSlot(long key, scoped ref int cursor)
    {
        var slots = _slots;
        var slot = cursor < 0 ? SlotOf(key, slots.Length) : cursor;
        var fingerprint = (int)key;
        while (true)
        {
            ref var s = ref slots[slot];
            if (s.Value == Empty)
            {
                cursor = slot;
                return -1;
            }

            var found = slot;
            slot = slot + 1 == slots.Length ? 0 : slot + 1;
            if (s.Fingerprint == fingerprint)
            {
                cursor = slot;
                return found;
            }
        }
    }

    /// <summary>The records of a slot that <see cref="FindSlot"/> returned (empty for −1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<int> Members(int slot)
    {
        if (slot < 0)
        {
            return [];
        }

        ref var s = ref _slots[slot];
        if (s.Value >= 0)
        {
            return MemoryMarshal.CreateReadOnlySpan(ref s.Value, 1);
        }

        var start = ~s.Value;
        return _runs.AsSpan(start + 1, _runs[start]);
    }

    /// <summary>The first record of a slot that <see cref="FindSlot"/> returned (not −1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FirstMember(int slot)
    {
        var value = _slots[slot].Value;
        return value >= 0 ? value : _runs[~value + 1];
    }

    private static int RunEnd(long[] keys, int start, int count)
    {
        var end = start + 1;
        while (end < count && keys[end] == keys[start])
        {
            end++;
        }

        return end;
    }

    // The hash's high 32 bits scaled to [0, capacity) (a multiply and a shift, for any capacity).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(long key, int capacity) =>
        (int)(((ulong)(uint)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15UL)) >> 32) * (ulong)(uint)capacity) >> 32);

    /// <summary>A hash slot: the key's fingerprint, and its only record or its run (see <see cref="_slots"/>); 8 B.</summary>
    private struct Slot
    {
        public int Fingerprint;
        public int Value;
    }
}
