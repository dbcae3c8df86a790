namespace Immunization.Matching.Verification;

public sealed partial class RegisterIndex
{
    /// <summary>
    /// The people under a blocking key (empty when none). The blocking table keeps a 32-bit fingerprint of each key, not the
    /// key: a block whose fingerprint matches is the key's when its first person has the key among their own blocking keys,
    /// recomputed from their identity key; otherwise the search goes on. Not exact in one case: when the first person of
    /// another block has two blocking keys with the same fingerprint, one of them <paramref name="key"/>, and that block
    /// lies earlier on the key's probe path, the search stops there (at most 36 pairs of keys a person, each 2^-32: fewer
    /// than one such person expected in a register of 10 M; the same order as two keys sharing all 64 bits, which the
    /// table has always accepted).
    /// </summary>
    private ReadOnlySpan<int> Block(long key)
    {
        var cursor = -1;
        var slot = _blocks.FindSlot(key, ref cursor);
        while (slot >= 0 && !HasBlockKey(_blocks.FirstMember(slot), key))
        {
            slot = _blocks.FindSlot(key, ref cursor);
        }

        return _blocks.Members(slot);
    }

    /// <summary>
    /// The slots of a record's blocking keys (−1 for a key without a block), as <see cref="Block"/> finds them, all keys at
    /// once: the first person of every block is read before any is checked, so that their cache misses overlap (scoring reads
    /// these people next anyway).
    /// </summary>
    private void FindBlocks(ReadOnlySpan<long> keys, Span<int> slots, Scratch scratch)
    {
        Span<int> cursors = stackalloc int[keys.Length];
        var touched = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            cursors[k] = -1;
            slots[k] = _blocks.FindSlot(keys[k], ref cursors[k]);
            if (slots[k] >= 0)
            {
                touched += _keys[_blocks.FirstMember(slots[k])].DateOfBirth;
            }
        }

        for (var k = 0; k < keys.Length; k++)
        {
            while (slots[k] >= 0 && !HasBlockKey(_blocks.FirstMember(slots[k]), keys[k]))
            {
                slots[k] = _blocks.FindSlot(keys[k], ref cursors[k]);
            }
        }

        scratch.Touched += touched;
    }

    private bool HasBlockKey(int person, long key)
    {
        Span<long> keys = stackalloc long[KeysPerPerson];
        var n = BlockKeys(_keys[person], keys);
        return keys[..n].Contains(key);
    }
}
