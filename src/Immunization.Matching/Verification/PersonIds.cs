using System.Runtime.CompilerServices;
using System.Text;

namespace Immunization.Matching.Verification;

/// <summary>
/// The register's person ids as one UTF-8 text with the end of each id: about 14 B a person for a ten-character id,
/// where a million separate strings take about 56 B each; 10 B when every id has the same length (a register's usual
/// fixed-width ids), whose ends are not kept. A string is made only when an id is handed out.
/// </summary>
internal sealed partial class PersonIds
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The ids' UTF-8 bytes, one after another. With _width >= 0 every id has _width bytes and _ends is empty; otherwise id i
    // is _text[(i == 0 ? 0 : _ends[i - 1]).._ends[i]].
    private readonly byte[] _text;
    private readonly int[] _ends;
    private readonly int _width;
    private readonly int _count;

    // Whether every id sorts (ordinally) after the one before it, as in a register file kept in id order: the order of two
    // ids is then the order of their indexes, and ties between candidates are broken without reading the ids. Derived.
    private readonly bool _ascending;

    /// <summary>Encodes <paramref name="ids"/>.</summary>
    /// <exception cref="ArgumentException">An id is not valid UTF-16 (a lone surrogate), so it would not read back the same.</exception>
    public PersonIds(IReadOnlyList<string> ids)
    {
        _count = ids.Count;
        var ends = new int[ids.Count];
        long total = 0;
        _width = ids.Count == 0 ? 0 : -2;
        for (var i = 0; i < ids.Count; i++)
        {
            try
            {
                total += Strict.GetByteCount(ids[i]);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException($"The person id at position {i} is not valid Unicode text.", nameof(ids), e);
            }

            ends[i] = total <= int.MaxValue ? (int)total : throw new ArgumentException("The person ids exceed 2 GB of text.", nameof(ids));
            var width = ends[i] - (i == 0 ? 0 : ends[i - 1]);
            _width = _width == -2 || _width == width ? width : -1;
        }

        _ends = _width >= 0 ? [] : ends;

        _text = new byte[total];
        var at = 0;
        foreach (var id in ids)
        {
            at += Strict.GetBytes(id, _text.AsSpan(at));
        }

        _ascending = IdsAscend();
    }

    /// <summary>Gets the number of ids.</summary>
    public int Count => _count;

    /// <summary>Gets the id at <paramref name="index"/> as a new string.</summary>
    public string this[int index] => Encoding.UTF8.GetString(Span(index));

    /// <summary>Compares two ids as <see cref="string.CompareOrdinal(string, string)"/> compares their strings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CompareOrdinal(int a, int b)
    {
        var x = Span(a);
        var y = Span(b);
        var common = x.CommonPrefixLength(y);
        if (common == x.Length || common == y.Length)
        {
            return x.Length - y.Length;
        }

        // Below 0x80 a byte is a whole character, and UTF-8 and UTF-16 order it alike; beyond, UTF-16's order of surrogates
        // differs from code point order: compare the strings.
        return x[common] < 0x80 && y[common] < 0x80 ? x[common] - y[common] : string.CompareOrdinal(this[a], this[b]);
    }

    /// <summary>Whether id <paramref name="a"/> sorts before id <paramref name="b"/> (<see cref="CompareOrdinal"/> below 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Precedes(int a, int b) => _ascending ? a < b : CompareOrdinal(a, b) < 0;

    // Every id strictly after the one before it in ordinal order (equal ids are not ascending: their order is not their indexes').
    private bool IdsAscend()
    {
        for (var i = 1; i < _count; i++)
        {
            if (CompareOrdinal(i - 1, i) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the id at <paramref name="index"/> is <paramref name="id"/>.</summary>
    public bool IdEquals(int index, string id)
    {
        var span = Span(index);
        // A character takes at most three UTF-8 bytes (a surrogate pair four for two characters).
        if (span.Length < id.Length || span.Length > 3 * id.Length)
        {
            return false;
        }

        Span<byte> buffer = id.Length <= 128 ? stackalloc byte[3 * id.Length] : new byte[3 * id.Length];
        // Strict: an id with a lone surrogate (which no stored id holds) is not turned into U+FFFD and matched.
        return System.Text.Unicode.Utf8.FromUtf16(id, buffer, out _, out var written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done
            && span.SequenceEqual(buffer[..written]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Span(int index)
    {
        if (_width >= 0)
        {
            return _text.AsSpan(checked(index * _width), _width);
        }

        var start = index == 0 ? 0 : _ends[index - 1];
        return _text.AsSpan(start, _ends[index] - start);
    }
}
