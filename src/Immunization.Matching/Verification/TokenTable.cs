using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Immunization.Matching.Verification;

/// <summary>
/// An immutable interning table of a built register index (text to id), flat: the texts one after another in one
/// character array, each text's end and id, and an open-addressing table of entry numbers rebuilt on loading. About
/// 2 B a character and 14 B an entry, where a <see cref="Dictionary{TKey, TValue}"/> of strings takes about 60 B an
/// entry beside its strings' text.
/// </summary>
internal sealed partial class TokenTable : Comparators.Vietnamese.ITokenLookup
{
    // An empty slot.
    private const int Empty = -1;

    // The prefix of full names' texts (IdentityKeys keeps full names in their own id space under it).
    private const char FullNamePrefix = '\u0001';

    // Entry i's text is _text[(i == 0 ? 0 : _ends[i - 1]).._ends[i]], its id _values[i].
    private readonly char[] _text;
    private readonly int[] _ends;
    private readonly int[] _values;

    // Hash slot -> entry number (Empty when free); derived from the entries, never saved.
    private readonly int[] _slots;

    // Full name id -> its entry (texts under the full names' prefix, see IdentityKeys); derived, never saved.
    private readonly int[] _names;

    /// <summary>Copies <paramref name="tokens"/>, in its enumeration order.</summary>
    public TokenTable(Dictionary<string, int> tokens)
    {
        _ends = new int[tokens.Count];
        _values = new int[tokens.Count];
        long total = 0;
        var i = 0;
        foreach (var (text, value) in tokens)
        {
            total += text.Length;
            _ends[i] = total <= int.MaxValue ? (int)total : throw new ArgumentException("The tokens exceed 2 G characters.", nameof(tokens));
            _values[i++] = value;
        }

        _text = new char[total];
        var at = 0;
        foreach (var text in tokens.Keys)
        {
            text.CopyTo(_text.AsSpan(at));
            at += text.Length;
        }

        _slots = Slots() ?? throw new ArgumentException("The tokens hold a text twice.", nameof(tokens));
        _names = Names() ?? throw new ArgumentException("The full names' ids are not 0 to their count - 1, each once.", nameof(tokens));
    }

    /// <summary>Gets the number of entries.</summary>
    public int Count => _ends.Length;

    /// <summary>Gets the number of full names (entries under the prefix <c>\u0001</c>).</summary>
    public int NameCount => _names.Length;

    /// <summary>The folded text of the full name whose id is <paramref name="name"/> (without its prefix).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Name(int name) => Text(_names[name])[1..];

    /// <summary>Finds the id of <paramref name="text"/>.</summary>
    public bool TryGetValue(ReadOnlySpan<char> text, out int value)
    {
        var slots = _slots;
        var slot = SlotOf(text, slots.Length);
        while (true)
        {
            var entry = slots[slot];
            if (entry == Empty)
            {
                value = 0;
                return false;
            }

            if (Text(entry).SequenceEqual(text))
            {
                value = _values[entry];
                return true;
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

    // Full name id -> entry; null when the full names' ids are not 0 to their count - 1, each once.
    private int[]? Names()
    {
        var count = 0;
        for (var entry = 0; entry < Count; entry++)
        {
            count += IsName(entry) ? 1 : 0;
        }

        var names = new int[count];
        names.AsSpan().Fill(Empty);
        for (var entry = 0; entry < Count; entry++)
        {
            if (IsName(entry))
            {
                var id = _values[entry];
                if ((uint)id >= (uint)count || names[id] != Empty)
                {
                    return null;
                }

                names[id] = entry;
            }
        }

        return names;
    }

    private bool IsName(int entry)
    {
        var text = Text(entry);
        return text.Length > 0 && text[0] == FullNamePrefix;
    }

    // The hash table of the entries at load factor 0.75 at most; null when a text is there twice.
    private int[]? Slots()
    {
        var slots = new int[Math.Max(16, Count + (Count / 3) + 1)];
        slots.AsSpan().Fill(Empty);
        for (var entry = 0; entry < Count; entry++)
        {
            var text = Text(entry);
            var slot = SlotOf(text, slots.Length);
            while (slots[slot] != Empty)
            {
                if (Text(slots[slot]).SequenceEqual(text))
                {
                    return null;
                }

                slot = slot + 1 == slots.Length ? 0 : slot + 1;
            }

            slots[slot] = entry;
        }

        return slots;
    }

    // The text's hash (XxHash3 of its UTF-16 bytes: fast on short texts) scaled to [0, capacity).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(ReadOnlySpan<char> text, int capacity) =>
        (int)(((XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text)) >> 32) * (ulong)(uint)capacity) >> 32);
}
