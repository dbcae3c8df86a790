using System.Numerics;
using System.Runtime.InteropServices;

namespace Immunization.Reporting.Coverage;

/// <summary>
/// The register's person ids to their first row: open addressing over one <see cref="long"/> per slot (the id's hash code
/// and the row), in small parts by the hash's top bits. The rows are first sorted into their parts (a counting sort on
/// the cores, stable, so the first row of an id comes first), then each part's table is filled while it sits in the
/// core's cache: a table of millions of ids is not filled by random writes all over memory. The strings are compared
/// only when the hash codes are equal, and the table holds no references, so the garbage collector does not trace it.
/// The hash is the runtime's ordinal string hash, seeded at random once per process (so no input can be built to collide
/// on every run); many ids are looked up together (<see cref="FindMany"/>) in stages whose loads do not depend on each
/// other, so that the processor waits for several cache misses at once when the ids come in no particular order.
/// </summary>
internal sealed class PersonTable
{
    // About this many ids per part: a part's table (twice as many slots of 8 bytes) stays within a core's cache.
    private const int IdsPerPart = 8192;

    private readonly RegisterPerson[] _register;
    private readonly long[] _slots;
    private readonly int _shift;
    private readonly int _partBits;
    private readonly int _mask;

    /// <summary>Builds the table; <paramref name="repeated"/> is set for each row whose id an earlier row has.</summary>
    /// <param name="register">The register's rows.</param>
    /// <param name="repeated">One flag per row, set here.</param>
    /// <param name="scratch1">An array the caller fills only afterwards, whose memory holds the rows' hash codes while the
    /// table is built when it is long enough (one <see cref="int"/> per row), so that the first report in a process touches
    /// fewer fresh pages.</param>
    /// <param name="scratch2">Likewise for the rows sorted by part (one <see cref="long"/> per row).</param>
    /// <param name="packedIds">When given, each row's id packed (<see cref="PackedId"/>) into its first two
    /// <see cref="int"/>s per row, as the ids are read for their hash codes (one pass over the register's ids, not two).</param>
    internal PersonTable(RegisterPerson[] register, bool[] repeated, int[]? scratch1 = null, int[]? scratch2 = null, int[]? packedIds = null)
    {
        _register = register;
        int n = register.Length;
        _partBits = n <= IdsPerPart ? 0 : BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)((n + IdsPerPart - 1) / IdsPerPart)));
        int partCount = 1 << _partBits;
        _shift = 32 - _partBits;

        // 1. Hash codes (and packed ids), and how many rows of each part each core's range holds.
        int cores = Partitions.For(n);
        var hashes = scratch1 is { } s1 && s1.Length >= n ? s1 : LargeArrays.Uninitialized<int>(n);
        var counts = new int[cores][];
        Partitions.Run(n, cores, (core, from, to) =>
        {
            var here = new int[partCount];
            var packed = packedIds is null ? default : MemoryMarshal.Cast<int, ulong>(packedIds.AsSpan(0, 2 * n));
            for (int row = from; row < to; row++)
            {
                string id = register[row]?.PersonId ?? throw NoPerson(row);
                int hash = Hash(id);
                hashes[row] = hash;
                here[PartOf(hash)]++;
                if (packedIds is not null)
                {
                    packed[row] = PackedId.Pack(id);
                }
            }

            counts[core] = here;
        });

        // 2. Each part's first place among the sorted rows, each core's place within it, and the largest part.
        var partStart = new int[partCount + 1];
        int total = 0, largest = 0;
        for (int part = 0; part < partCount; part++)
        {
            partStart[part] = total;
            foreach (var here in counts)
            {
                int count = here[part];
                here[part] = total;
                total += count;
            }

            largest = Math.Max(largest, total - partStart[part]);
        }

        partStart[partCount] = total;

        // 3. (hash, row) sorted by part, in row order within a part.
        long[]? own = scratch2 is { } s2 && s2.Length / 2 >= n ? null : LargeArrays.Uninitialized<long>(n);
        Span<long> Sorted() => own is not null ? own : MemoryMarshal.Cast<int, long>(scratch2!.AsSpan());
        Partitions.Run(n, cores, (core, from, to) =>
        {
            var sorted = Sorted();
            var next = counts[core];
            for (int row = from; row < to; row++)
            {
                int hash = hashes[row];
                sorted[next[PartOf(hash)]++] = Pack(hash, row);
            }
        });

        // 4. Each part's table, at most three quarters full, filled from its rows in order.
        int size = (int)Math.Min(1L << 30, BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, (largest * 4 / 3) + 1)));
        _mask = size - 1;
        _slots = LargeArrays.Zeroed<long>(checked(partCount * size));
        var slots = _slots;
        int mask = _mask;
        Partitions.Run(partCount, Math.Min(partCount, cores), (_, fromPart, toPart) =>
        {
            var sorted = Sorted();
            for (int part = fromPart; part < toPart; part++)
            {
                int bottom = part * size;
                for (int k = partStart[part]; k < partStart[part + 1]; k++)
                {
                    long entry = sorted[k];
                    int hash = (int)(entry >> 32);
                    int row = (int)entry - 1;
                    int at = Start(hash, mask);
                    while (true)
                    {
                        long slot = slots[bottom + at];
                        if (slot == 0)
                        {
                            slots[bottom + at] = entry;
                            break;
                        }

                        if ((int)(slot >> 32) == hash && string.Equals(register[(int)slot - 1].PersonId, register[row].PersonId, StringComparison.Ordinal))
                        {
                            repeated[row] = true;
                            break;
                        }

                        at = (at + 1) & mask;
                    }
                }
            }
        });
    }

    // A register row the report cannot read (a caller broke the types' promises), named by its position only.
    private static ArgumentException NoPerson(int row) =>
        new($"Register row {row} is null or has a null PersonId.", "input");

    /// <summary>
    /// The hash code the table uses for an id: the runtime's ordinal string hash (Marvin, seeded at random once per
    /// process), which no input can be built to make collide in every process.
    /// </summary>
    internal static int Hash(string id) => id.GetHashCode(StringComparison.Ordinal);

    /// <summary>
    /// The first rows of many ids, each -1 when the register does not hold it: the same answers as <see cref="Find"/>, in
    /// stages (hash codes and first slots, candidates, their register rows, their ids, the comparison) so that the loads
    /// of one stage do not wait for each other.
    /// </summary>
    /// <param name="ids">The ids (at most <see cref="Batch.Size"/>).</param>
    /// <param name="rows">Each id's first row, written here.</param>
    /// <param name="batch">Scratch space of the calling thread.</param>
    internal void FindMany(ReadOnlySpan<string> ids, Span<int> rows, Batch batch)
    {
        int count = ids.Length, mask = _mask;
        var slots = _slots;
        var register = _register;
        var hashes = batch.Hashes;
        var at = batch.At;
        var first = batch.First;
        var people = batch.People;
        var found = batch.Ids;

        for (int p = 0; p < count; p++)
        {
            int hash = Hash(ids[p]);
            hashes[p] = hash;
            int position = (PartOf(hash) * (mask + 1)) + Start(hash, mask);
            at[p] = position;
            first[p] = slots[position];
        }

        for (int p = 0; p < count; p++)
        {
            // Linear probing within the part: the first slot of the same hash code, or none at an empty slot.
            int hash = hashes[p], position = at[p], bottom = position & ~mask;
            long slot = first[p];
            while (slot != 0 && (int)(slot >> 32) != hash)
            {
                position = bottom + ((position + 1) & mask);
                slot = slots[position];
            }

            rows[p] = (int)slot - 1;
        }

        for (int p = 0; p < count; p++)
        {
            int row = rows[p];
            people[p] = row >= 0 ? register[row] : null;
        }

        for (int p = 0; p < count; p++)
        {
            found[p] = people[p]?.PersonId;
        }

        for (int p = 0; p < count; p++)
        {
            // Another id of the same hash code: the whole probe, as one lookup.
            if (rows[p] >= 0 && !string.Equals(found[p], ids[p], StringComparison.Ordinal))
            {
                rows[p] = Find(ids[p]);
            }

            people[p] = null;
            found[p] = null;
        }
    }

    /// <summary>The first row of an id, or -1.</summary>
    internal int Find(string id)
    {
        int hash = Hash(id);
        int bottom = PartOf(hash) * (_mask + 1);
        int at = Start(hash, _mask);
        while (true)
        {
            long slot = _slots[bottom + at];
            if (slot == 0)
            {
                return -1;
            }

            if ((int)(slot >> 32) == hash && string.Equals(_register[(int)slot - 1].PersonId, id, StringComparison.Ordinal))
            {
                return (int)slot - 1;
            }

            at = (at + 1) & _mask;
        }
    }

    // The row is kept plus one in the low half, so an empty slot is 0.
    private static long Pack(int hash, int row) => ((long)hash << 32) | (uint)(row + 1);

    // The slot to start from: the hash mixed (its top bits chose the part), then the table's bits.
    private static int Start(int hash, int mask) => (int)(((ulong)(uint)hash * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private int PartOf(int hash) => _partBits == 0 ? 0 : (int)((uint)hash >> _shift);

    /// <summary>Scratch space for <see cref="FindMany"/>, one per thread.</summary>
    internal sealed class Batch
    {
        /// <summary>The most ids looked up together.</summary>
        internal const int Size = 64;

        internal int[] Hashes { get; } = new int[Size];

        internal int[] At { get; } = new int[Size];

        internal long[] First { get; } = new long[Size];

        internal RegisterPerson?[] People { get; } = new RegisterPerson?[Size];

        internal string?[] Ids { get; } = new string?[Size];
    }
}
