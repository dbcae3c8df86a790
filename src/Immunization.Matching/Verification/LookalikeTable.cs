using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Immunization.Matching.Verification;

/// <summary>
/// How many register people share each folded full name, birth year and sex (their lookalikes): the sorted keys of the groups
/// of two people or more, and their sizes, found by binary search. A key that is absent has at most one holder.
/// </summary>
/// <remarks>
/// A key is a 64-bit hash of the folded name's text, the year and the sex, not of the index's interned name ids: it is the
/// same in every index, so the shard-splitting step counts the whole register once and gives each shard the counts of its
/// people's keys (<see cref="Subset"/>), and a shard then decides as one index over the whole register would.
/// </remarks>
internal sealed partial class LookalikeTable
{
    private readonly long[] _keys;
    private readonly int[] _counts;

    private LookalikeTable(long[] keys, int[] counts)
    {
        _keys = keys;
        _counts = counts;
    }

    /// <summary>Gets the number of groups of two lookalikes or more.</summary>
    public int GroupCount => _keys.Length;

    /// <summary>The key of a folded full name's text, a birth year and a sex (0 unknown, 1 male, 2 female).</summary>
    public static long KeyOf(ReadOnlySpan<char> foldedName, int year, byte sex) => KeyOf(NameHash(foldedName), year, sex);

    /// <summary>The key of a folded name's <see cref="NameHash"/>, a birth year and a sex.</summary>
    public static long KeyOf(ulong nameHash, int year, byte sex)
    {
        // SplitMix64's finaliser over the name's hash and the year and sex: a different year or sex gives an unrelated key.
        var h = nameHash + (((ulong)(uint)year << 2) | sex) * 0x9E3779B97F4A7C15UL;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return (long)(h ^ (h >> 31));
    }

    /// <summary>A stable 64-bit hash (XxHash3) of a folded name's text, the same in every process.</summary>
    public static ulong NameHash(ReadOnlySpan<char> foldedName) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(foldedName));

    /// <summary>Counts the holders of every key.</summary>
    /// <param name="keys">One key per person who has a name and a birth year (it is sorted in place).</param>
    public static LookalikeTable Build(long[] keys)
    {
        Array.Sort(keys);
        var groupKeys = new List<long>();
        var groupCounts = new List<int>();
        for (var i = 0; i < keys.Length;)
        {
            var j = i + 1;
            while (j < keys.Length && keys[j] == keys[i])
            {
                j++;
            }

            if (j - i > 1)
            {
                groupKeys.Add(keys[i]);
                groupCounts.Add(j - i);
            }

            i = j;
        }

        return new LookalikeTable([.. groupKeys], [.. groupCounts]);
    }

    /// <summary>The groups among <paramref name="keys"/> (keys of one shard's people), with their sizes in this table.</summary>
    public LookalikeTable Subset(IEnumerable<long> keys)
    {
        var wanted = new SortedSet<long>();
        foreach (var key in keys)
        {
            if (Array.BinarySearch(_keys, key) >= 0)
            {
                wanted.Add(key);
            }
        }

        var subsetKeys = new long[wanted.Count];
        var subsetCounts = new int[wanted.Count];
        var n = 0;
        foreach (var key in wanted)
        {
            subsetKeys[n] = key;
            subsetCounts[n++] = _counts[Array.BinarySearch(_keys, key)];
        }

        return new LookalikeTable(subsetKeys, subsetCounts);
    }

    /// <summary>The groups and their sizes, in key order (for a shard file).</summary>
    public IEnumerable<(long Key, int Count)> Groups()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return (_keys[i], _counts[i]);
        }
    }

    /// <summary>A table of groups read back from <see cref="Groups"/>; false when the keys are not strictly increasing or a count is below 2.</summary>
    public static bool TryFromGroups(long[] keys, int[] counts, [NotNullWhen(true)] out LookalikeTable? table)
    {
        table = keys.Length == counts.Length && IsConsistent(keys, counts) ? new LookalikeTable(keys, counts) : null;
        return table is not null;
    }

    /// <summary>The number of people holding <paramref name="key"/>, given that at least one does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Count(long key)
    {
        var i = Array.BinarySearch(_keys, key);
        return i >= 0 ? _counts[i] : 1;
    }

    /// <summary>The number of people holding <paramref name="key"/> when they are two or more, else 0 (there may be one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GroupSize(long key)
    {
        var i = Array.BinarySearch(_keys, key);
        return i >= 0 ? _counts[i] : 0;
    }

    private static bool IsConsistent(long[] keys, int[] counts)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (counts[i] < 2 || (i > 0 && keys[i] <= keys[i - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
