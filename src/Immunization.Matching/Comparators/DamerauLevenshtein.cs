using System.Buffers;
using System.Runtime.CompilerServices;

namespace Immunization.Matching.Comparators;

/// <summary>
/// The optimal string alignment (OSA) distance, the restricted Damerau-Levenshtein distance: insertions, deletions,
/// substitutions and transpositions of two adjacent characters, each costing 1, where no substring is edited twice.
/// </summary>
/// <remarks>
/// <para>
/// OSA rather than the unrestricted ("true") Damerau-Levenshtein distance: the two differ only when a transposed pair is
/// edited again (OSA("ca", "abc") = 3, true DL = 2), which typing errors in names, dates and numbers practically never do,
/// and OSA needs three rows instead of an alphabet-sized table (measured elsewhere: true DL is 5 times slower in .NET).
/// </para>
/// <para>
/// The common prefix and suffix are trimmed first, the shorter string runs the inner loop, and the computation stops as soon
/// as every cell of a row exceeds the cut-off: a caller who only needs to know "at most 2 edits" pays for little more.
/// Rows live on the stack for strings up to 256 characters and in a pooled array beyond.
/// </para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class DamerauLevenshtein
{
    private const int StackLimit = 256;

    /// <summary>Returns the OSA distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>The number of edits that turn one string into the other.</returns>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Distance(a, b, int.MaxValue - 1);

    /// <summary>
    /// Returns the OSA distance between <paramref name="a"/> and <paramref name="b"/> if it is at most
    /// <paramref name="maxDistance"/>, and <c><paramref name="maxDistance"/> + 1</c> otherwise.
    /// </summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <param name="maxDistance">The cut-off, zero or more.</param>
    /// <returns>The distance, capped at <c><paramref name="maxDistance"/> + 1</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDistance"/> is negative.</exception>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int maxDistance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        var prefix = a.CommonPrefixLength(b);
        a = a[prefix..];
        b = b[prefix..];
        var suffix = CommonSuffixLength(a, b);
        a = a[..^suffix];
        b = b[..^suffix];
        if (a.Length > b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        // Now |a| <= |b|.
        if (b.Length - a.Length > maxDistance)
        {
            return maxDistance + 1;
        }

        if (a.IsEmpty)
        {
            return b.Length;
        }

        var width = a.Length + 1;
        int[]? rented = null;
        var rows = width * 3 <= StackLimit * 3
            ? stackalloc int[width * 3]
            : (rented = ArrayPool<int>.Shared.Rent(width * 3)).AsSpan(0, width * 3);
        try
        {
            return Compute(a, b, maxDistance, rows[..width], rows.Slice(width, width), rows.Slice(2 * width, width));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int maxDistance, Span<int> previous2, Span<int> previous,
        Span<int> current)
    {
        for (var i = 0; i < previous.Length; i++)
        {
            previous[i] = i;
        }

        // A transposition reaches back two rows, so stopping needs two consecutive rows above the cut-off.
        var previousRowMin = 0;
        for (var j = 1; j <= b.Length; j++)
        {
            var bj = b[j - 1];
            current[0] = j;
            var rowMin = j;
            for (var i = 1; i <= a.Length; i++)
            {
                var ai = a[i - 1];
                var cost = ai == bj ? 0 : 1;
                var value = Math.Min(Math.Min(previous[i] + 1, current[i - 1] + 1), previous[i - 1] + cost);
                if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == bj)
                {
                    value = Math.Min(value, previous2[i - 2] + 1);
                }

                current[i] = value;
                if (value < rowMin)
                {
                    rowMin = value;
                }
            }

            if (rowMin > maxDistance && previousRowMin > maxDistance)
            {
                return maxDistance + 1;
            }

            previousRowMin = rowMin;

            // Rotate rows: previous2 <- previous <- current <- (old previous2, overwritten next row).
            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        var distance = previous[a.Length];
        return distance > maxDistance ? maxDistance + 1 : distance;
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = Math.Min(a.Length, b.Length);
        var k = 0;
        while (k < n && a[a.Length - 1 - k] == b[b.Length - 1 - k])
        {
            k++;
        }

        return k;
    }
}
