using System.Numerics;

namespace Immunization.Reporting.Coverage;

/// <summary>
/// The register's person ids to their first row: open addressing over one <see cref="long"/> per slot (the id's hash code
/// and the row), in parts by the hash's top bits so that each core builds its own part. The strings are compared only when
/// the hash codes are equal, and the table holds no references, so the garbage collector does not trace it.
/// </summary>
internal sealed class PersonTable
{
    private readonly string[] _ids;
    private readonly long[][] _parts;
    private readonly int _shift;

    /// <summary>Builds the table; <paramref name="repeated"/> is set for each row whose id an earlier row has.</summary>
    internal PersonTable(string[] ids, int[] hashes, bool[] repeated, int parts)
    {
        _ids = ids;
        int partBits = BitOperations.Log2((uint)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, parts)));
        int count = 1 << partBits;
        _shift = 32 - partBits;
        _parts = new long[count][];
        int n = ids.Length;
        Partitions.Run(count, Math.Min(count, Math.Max(1, parts)), (_, from, to) =>
        {
            for (int part = from; part < to; part++)
            {
                int size = (int)Math.Min(1L << 30, BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, ((n / count) * 3 / 2) + 16)));
                var slots = new long[size];
                int mask = size - 1;
                for (int row = 0; row < n; row++)
                {
                    int hash = hashes[row];
                    if (PartOf(hash) != part)
                    {
                        continue;
                    }

                    int at = Start(hash, mask);
                    while (true)
                    {
                        long slot = slots[at];
                        if (slot == 0)
                        {
                            slots[at] = Pack(hash, row);
                            break;
                        }

                        if ((int)(slot >> 32) == hash && string.Equals(ids[(int)slot - 1], ids[row], StringComparison.Ordinal))
                        {
                            repeated[row] = true;
                            break;
                        }

                        at = (at + 1) & mask;
                    }
                }

                _parts[part] = slots;
            }
        });
    }

    /// <summary>The hash code the table uses for an id.</summary>
    internal static int Hash(string id) => id.GetHashCode(StringComparison.Ordinal);

    /// <summary>The first row of an id, or -1.</summary>
    internal int Find(string id)
    {
        int hash = Hash(id);
        var slots = _parts[PartOf(hash)];
        int mask = slots.Length - 1;
        int at = Start(hash, mask);
        while (true)
        {
            long slot = slots[at];
            if (slot == 0)
            {
                return -1;
            }

            if ((int)(slot >> 32) == hash && string.Equals(_ids[(int)slot - 1], id, StringComparison.Ordinal))
            {
                return (int)slot - 1;
            }

            at = (at + 1) & mask;
        }
    }

    // The row is kept plus one in the low half, so an empty slot is 0.
    private static long Pack(int hash, int row) => ((long)hash << 32) | (uint)(row + 1);

    private static int Start(int hash, int mask) => (int)(((ulong)(uint)hash * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private int PartOf(int hash) => _shift == 32 ? 0 : (int)((uint)hash >> _shift);
}
