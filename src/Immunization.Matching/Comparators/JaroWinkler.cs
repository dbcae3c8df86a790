using System.Numerics;
using System.Runtime.CompilerServices;

namespace Immunization.Matching.Comparators;

/// <summary>
/// The Jaro and Jaro-Winkler string similarities, computed on spans without allocation.
/// </summary>
/// <remarks>
/// <para>
/// The definitions are Winkler's (1990) as implemented by jellyfish and the Python recordlinkage package: the match window is
/// <c>max(|a|, |b|) / 2 - 1</c>, matches are taken greedily left to right, the prefix bonus covers at most 4 characters with
/// scale 0.1 and is applied only when the Jaro similarity exceeds 0.7. Two empty strings are identical (1.0); an empty and a
/// non-empty string have similarity 0.
/// </para>
/// <para>
/// The pair is put in a canonical order before comparing (shorter first, then ordinal order), so the similarity is exactly
/// symmetric. For strings of at most 64 characters the matching runs on bit masks: one 64-bit mask per distinct character of
/// the second string, so each character of the first string finds its match with a few bit operations instead of a scan of
/// the window. Longer strings fall back to a scan with stack-allocated flags.
/// </para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class JaroWinkler
{
    private const double BoostThreshold = 0.7;
    private const double PrefixScale = 0.1;
    private const int MaxPrefix = 4;

    // Per-thread character → position-mask table for ASCII; entries are set for one comparison and cleared after it,
    // so the table never needs a full reset.
    [ThreadStatic]
    private static ulong[]? t_positions;

    /// <summary>Returns the Jaro-Winkler similarity of <paramref name="a"/> and <paramref name="b"/>, between 0 and 1.</summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>1 for identical strings, 0 for strings with no character in common within the match window.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        if (jaro <= BoostThreshold)
        {
            return jaro;
        }

        var prefix = a.CommonPrefixLength(b);
        if (prefix > MaxPrefix)
        {
            prefix = MaxPrefix;
        }

        return jaro + (prefix * PrefixScale * (1.0 - jaro));
    }

    /// <summary>Returns the Jaro similarity of <paramref name="a"/> and <paramref name="b"/>, between 0 and 1.</summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>1 for identical strings, 0 for strings with no character in common within the match window.</returns>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Canonical order makes the greedy matching, and so the result, exactly symmetric.
        if (a.Length > b.Length || (a.Length == b.Length && a.SequenceCompareTo(b) > 0))
        {
            var swap = a;
            a = b;
            b = swap;
        }

        if (a.IsEmpty)
        {
            return b.IsEmpty ? 1.0 : 0.0;
        }

        if (a.SequenceEqual(b))
        {
            return 1.0;
        }

        int matches, transpositions;
        if (b.Length <= 64 && IsAscii(a) && IsAscii(b))
        {
            (matches, transpositions) = MatchBitParallel(a, b);
        }
        else
        {
            (matches, transpositions) = MatchScan(a, b);
        }

        if (matches == 0)
        {
            return 0.0;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2)) / m)) / 3.0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAscii(ReadOnlySpan<char> s) => System.Text.Ascii.IsValid(s);

    // a is the shorter string; b has at most 64 characters, all ASCII.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Matches, int Transpositions) MatchBitParallel(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var table = t_positions ??= new ulong[128];
        for (var j = 0; j < b.Length; j++)
        {
            table[b[j]] |= 1UL << j;
        }

        var window = Math.Max(0, (b.Length / 2) - 1);
        ulong matchedA = 0, matchedB = 0;
        var lastB = b.Length - 1;
        for (var i = 0; i < a.Length; i++)
        {
            var candidates = table[a[i]] & ~matchedB;
            if (candidates == 0)
            {
                continue;
            }

            var lo = i - window;
            var hi = i + window;
            if (hi > lastB)
            {
                hi = lastB;
            }

            // Bits lo..hi inclusive.
            var windowMask = (hi >= 63 ? ulong.MaxValue : (1UL << (hi + 1)) - 1) & (lo <= 0 ? ulong.MaxValue : ~((1UL << lo) - 1));
            candidates &= windowMask;
            if (candidates != 0)
            {
                matchedB |= candidates & (0 - candidates);
                matchedA |= 1UL << i;
            }
        }

        for (var j = 0; j < b.Length; j++)
        {
            table[b[j]] = 0;
        }

        var matches = BitOperations.PopCount(matchedA);
        var transpositions = 0;
        while (matchedA != 0)
        {
            var i = BitOperations.TrailingZeroCount(matchedA);
            var j = BitOperations.TrailingZeroCount(matchedB);
            if (a[i] != b[j])
            {
                transpositions++;
            }

            matchedA &= matchedA - 1;
            matchedB &= matchedB - 1;
        }

        return (matches, transpositions);
    }

    [SkipLocalsInit]
    private static (int Matches, int Transpositions) MatchScan(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        const int StackLimit = 512;
        var flagsA = a.Length <= StackLimit ? stackalloc bool[a.Length] : new bool[a.Length];
        var flagsB = b.Length <= StackLimit ? stackalloc bool[b.Length] : new bool[b.Length];
        flagsA.Clear();
        flagsB.Clear();
        var window = Math.Max(0, (b.Length / 2) - 1);
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(b.Length - 1, i + window);
            for (var j = lo; j <= hi; j++)
            {
                if (!flagsB[j] && a[i] == b[j])
                {
                    flagsA[i] = true;
                    flagsB[j] = true;
                    matches++;
                    break;
                }
            }
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!flagsA[i])
            {
                continue;
            }

            while (!flagsB[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        return (matches, transpositions);
    }
}
