using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Immunization.Matching.Verification;

/// <summary>
/// An immutable interning table of a built register index (text to id), flat: the texts one after another in one
/// character array, each text's end and id, and an open-addressing table of entry numbers rebuilt on loading. Full names
/// (texts under the prefix <c>\u0001</c>, numbered in their own id space) come first, in id order, so that a full name's
/// entry is its id. About
/// 2 B a character and 19 B an entry (its end, its id and a tagged hash slot), where a <see cref="Dictionary{TKey, TValue}"/> of strings takes about 60 B an
/// entry beside its strings' text.
/// </summary>
internal sealed partial class TokenTable : Comparators.Vietnamese.ITokenLookup
{
    // An empty slot.
    private const ulong Empty = 0;

    // The prefix of full names' texts (IdentityKeys keeps full names in their own id space under it).
    private const char FullNamePrefix = '\u0001';

    // Entry i's text is _text[(i == 0 ? 0 : _ends[i - 1]).._ends[i]], its id _values[i].
    private readonly char[] _text;
    private readonly int[] _ends;
    private readonly int[] _values;

    // Hash slot -> the entry's hash tag (the hash's low 32 bits) in the high half and its number + 1 in the low half (Empty
    // when free): a probe reads an entry's text only when the tags agree, so a text found after others in its run, or not
    // found at all, costs one cache line of slots instead of each entry's end and text. Derived from the entries, never saved.
    private readonly ulong[] _slots;

    // The number of full names: entries 0 to _names - 1, entry i the full name of id i; derived, never saved.
    private readonly int _names;

    /// <summary>Copies <paramref name="tokens"/>: full names in id order, then the other texts in enumeration order.</summary>
    /// <exception cref="ArgumentException">The full names' ids are not 0 to their count − 1, each once.</exception>
    public TokenTable(Dictionary<string, int> tokens)
    {
        var names = 0;
        foreach (var text in tokens.Keys)
        {
            names += text.Length > 0 && text[0] == FullNamePrefix ? 1 : 0;
        }

        var order = new string?[tokens.Count];
        var other = names;
        foreach (var (text, value) in tokens)
        {
            if (text.Length > 0 && text[0] == FullNamePrefix)
            {
                if ((uint)value >= (uint)names || order[value] is not null)
                {
                    throw new ArgumentException("The full names' ids are not 0 to their count - 1, each once.", nameof(tokens));
                }

                order[value] = text;
            }
            else
            {
                order[other++] = text;
            }
        }

        _ends = new int[tokens.Count];
        _values = new int[tokens.Count];
        long total = 0;
        for (var i = 0; i < order.Length; i++)
        {
            total += order[i]!.Length;
            _ends[i] = total <= int.MaxValue ? (int)total : throw new ArgumentException("The tokens exceed 2 G characters.", nameof(tokens));
            _values[i] = tokens[order[i]!];
        }

        _text = new char[total];
        var at = 0;
        foreach (var text in order)
        {
            text!.CopyTo(_text.AsSpan(at));
            at += text!.Length;
        }

        _slots = Slots() ?? throw new ArgumentException("The tokens hold a text twice.", nameof(tokens));
        _names = names;
    }

    /// <summary>Gets the number of entries.</summary>
    public int Count => _ends.Length;

    /// <summary>Gets the number of full names (entries under the prefix <c>\u0001</c>).</summary>
    public int NameCount => _names;

    /// <summary>The folded text of the full name whose id is <paramref name="name"/> (without its prefix).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Name(int name) => Text((uint)name < (uint)_names ? name : throw new ArgumentOutOfRangeException(nameof(name)))[1..];

    /// <summary>Finds the id of <paramref name="text"/>.</summary>
    public bool TryGetValue(ReadOnlySpan<char> text, out int value)
    {
        var slots = _slots;
        var hash = Hash(text);
        var slot = SlotOf(hash, slots.Length);
        var tag = (uint)hash;
        while (true)
        {
            var found = slots[slot];
            if (found == Empty)
            {
                value = 0;
                return false;
            }

            if ((uint)(found >> 32) == tag)
            {
                var entry = (int)(uint)found - 1;
                if (Text(entry).SequenceEqual(text))
                {
                    value = _values[entry];
                    return true;
                }
            }

            slot = slot + 1 == slots.Length ? 0 : slot + 1;
        }
    }

    /// <summary>The text of entry <paramref name="entry"/>.</summary>
    private ReadOnlySpan<char> Text(int entry)
    {
        var start = entry == 0 ? 0 : _ends[entry - 1];
        return _text.AsSpan(start, _ends[entry] - start);
    }

    // The number of full names when entries 0 to n - 1 are the full names of ids 0 to n - 1 and no later entry is one; else -1.
    private int Names()
    {
        var count = 0;
        while (count < Count && IsName(count))
        {
            if (_values[count] != count)
            {
                return -1;
            }

            count++;
        }

        for (var entry = count; entry < Count; entry++)
        {
            if (IsName(entry))
            {
                return -1;
            }
        }

        return count;
    }

    private bool IsName(int entry)
    {
        var text = Text(entry);
        return text.Length > 0 && text[0] == FullNamePrefix;
    }

    // The hash table of the entries at load factor 0.75 at most; null when a text is there twice.
    private ulong[]? Slots()
    {
        var slots = new ulong[Math.Max(16, Count + (Count / 3) + 1)];
        for (var entry = 0; entry < Count; entry++)
        {
            var text = Text(entry);
            var hash = Hash(text);
            var slot = SlotOf(hash, slots.Length);
            var tag = (uint)hash;
            while (slots[slot] != Empty)
            {
                if ((uint)(slots[slot] >> 32) == tag && Text((int)(uint)slots[slot] - 1).SequenceEqual(text))
                {
                    return null;
                }

                slot = slot + 1 == slots.Length ? 0 : slot + 1;
            }

            slots[slot] = ((ulong)tag << 32) | (uint)(entry + 1);
        }

        return slots;
    }

    // The text's hash: XxHash3 of its UTF-16 bytes (fast on short texts).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<char> text) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text));

    // The hash's high 32 bits scaled to [0, capacity); the low 32 bits are the slot's tag.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(ulong hash, int capacity) => (int)(((hash >> 32) * (ulong)(uint)capacity) >> 32);
}
