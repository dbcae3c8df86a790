using System.Buffers;
using System.Runtime.CompilerServices;
using Immunization.Reporting.Coverage;

namespace Immunization.Reporting.WorkLists;

/// <summary>
/// Puts a work list's records in record-id order (ordinal), then record order. The ids are read once, all loads issued
/// before any id is compared (the records lie anywhere in memory); a list in order already is left as it is; otherwise
/// the records are sorted as numbers: the six characters after the prefix every id of the list shares (8 bits each when
/// they all fit, else three of 16 bits) above the record's place in the list, so that only ids equal in those characters
/// are compared as strings.
/// </summary>
/// <remarks>
/// The packing keeps ordinal order: at the first character where two ids differ inside the window, the packed numbers
/// differ the same way; an id that ends inside the window packs zeros, which sort below every character but U+0000, and
/// an id ending there and an id with U+0000 there pack equal and are compared as strings.
/// </remarks>
internal static class RecordIdOrder
{
    // Lists up to this long carry their place in the low 16 bits of the packed number; longer ones are sorted by comparison.
    private const int MaxPacked = 1 << 16;

    // Runs of equal packed numbers up to this long are sorted by insertion.
    private const int ShortRun = 12;

    /// <summary>Sorts <paramref name="positions"/> (increasing positions in <paramref name="doses"/>) by record id, then position.</summary>
    /// <param name="positions">The list's records.</param>
    /// <param name="doses">The dose records.</param>
    /// <remarks>
    /// Compiled optimized at its first call (not first in the quick, unoptimized form the runtime starts methods in): a
    /// report sorts thousands of lists of thousands of records, most of them before the runtime would have recompiled it.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Sort(Span<int> positions, DoseEntry[] doses)
    {
        int n = positions.Length;
        if (n < 2)
        {
            return;
        }

        var rentedIds = ArrayPool<string>.Shared.Rent(n);
        var ids = rentedIds.AsSpan(0, n);
        try
        {
            for (int k = 0; k < n; k++)
            {
                ids[k] = doses[positions[k]].RecordId;
            }

            // Each id's first cache line loaded, one load independent of the next, before the comparisons wait on them (the
            // shortest id bounds the prefix they all share). A record without an id (the type says it has one; a caller may
            // still pass null) is sorted by comparison, which puts it first as ordinal order does.
            int shortest = int.MaxValue;
            for (int k = 0; k < n; k++)
            {
                if (ids[k] is not { } id)
                {
                    SortByComparison(positions, rentedIds);
                    return;
                }

                shortest = Math.Min(shortest, id.Length);
            }

            string first = ids[0];
            int prefix = shortest;
            bool sorted = true;
            for (int k = 1; k < n; k++)
            {
                prefix = first.AsSpan(0, prefix).CommonPrefixLength(ids[k]);
                sorted = sorted && string.CompareOrdinal(ids[k - 1], ids[k]) <= 0;
            }

            if (sorted)
            {
                return;
            }

            if (n > MaxPacked)
            {
                SortByComparison(positions, rentedIds);
            }
            else
            {
                SortPacked(positions, rentedIds, prefix);
            }
        }
        finally
        {
            ids.Clear();
            ArrayPool<string>.Shared.Return(rentedIds);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortPacked(Span<int> positions, string[] ids, int prefix)
    {
        int n = positions.Length;
        int wide = 0;
        for (int k = 0; k < n; k++)
        {
            string id = ids[k];
            for (int c = prefix; c < Math.Min(id.Length, prefix + 6); c++)
            {
                wide |= id[c];
            }
        }

        (int chars, int bits) = wide < 0x100 ? (6, 8) : (3, 16);
        var rentedKeys = ArrayPool<ulong>.Shared.Rent(n);
        var rentedPlaces = ArrayPool<int>.Shared.Rent(2 * n);
        var keys = rentedKeys.AsSpan(0, n);
        var places = rentedPlaces.AsSpan(0, n);
        var before = rentedPlaces.AsSpan(n, n);
        for (int k = 0; k < n; k++)
        {
            string id = ids[k];
            ulong packed = 0;
            for (int c = prefix; c < prefix + chars; c++)
            {
                packed = (packed << bits) | (c < id.Length ? id[c] : 0u);
            }

            keys[k] = (packed << 16) | (uint)k;
        }

        keys.Sort();
        for (int k = 0; k < n; k++)
        {
            places[k] = (int)(keys[k] & 0xFFFF);
        }

        // Runs of equal characters: by the whole id, then place (the places rise with the positions).
        for (int from = 0, to; from < n; from = to)
        {
            ulong window = keys[from] >> 16;
            for (to = from + 1; to < n && keys[to] >> 16 == window; to++)
            {
            }

            var run = places[from..to];
            if (run.Length <= ShortRun)
            {
                for (int x = 1; x < run.Length; x++)
                {
                    int place = run[x], y = x - 1;
                    for (; y >= 0 && Compare(ids, run[y], place) > 0; y--)
                    {
                        run[y + 1] = run[y];
                    }

                    run[y + 1] = place;
                }
            }
            else
            {
                run.Sort((a, b) => Compare(ids, a, b));
            }
        }

        Reorder(positions, places, before);
        ArrayPool<ulong>.Shared.Return(rentedKeys);
        ArrayPool<int>.Shared.Return(rentedPlaces);
    }

    private static void SortByComparison(Span<int> positions, string[] ids)
    {
        int n = positions.Length;
        var rented = ArrayPool<int>.Shared.Rent(2 * n);
        var places = rented.AsSpan(0, n);
        var before = rented.AsSpan(n, n);
        for (int k = 0; k < n; k++)
        {
            places[k] = k;
        }

        places.Sort((a, b) => Compare(ids, a, b));
        Reorder(positions, places, before);
        ArrayPool<int>.Shared.Return(rented);
    }

    // The positions in the sorted order of their places (before: scratch of the same length).
    private static void Reorder(Span<int> positions, ReadOnlySpan<int> places, Span<int> before)
    {
        positions.CopyTo(before);
        for (int k = 0; k < positions.Length; k++)
        {
            positions[k] = before[places[k]];
        }
    }

    private static int Compare(string[] ids, int a, int b)
    {
        int byId = string.CompareOrdinal(ids[a], ids[b]);
        return byId != 0 ? byId : a.CompareTo(b);
    }
}
