using System.Runtime.CompilerServices;

namespace Immunization.Matching.Verification;

internal sealed partial class BlockTable : ISnapshotPart<BlockTable>
{
#pragma warning disable CS8618 // Every field is assigned by Transfer.
    private BlockTable(SnapshotChannel reader)
#pragma warning restore CS8618
    {
        Transfer(reader);
    }

    /// <inheritdoc/>
    public static BlockTable Read(SnapshotChannel reader) => new(reader);

    /// <summary>Every field of the table, once: written as is and read back as is (the hash slots are not rebuilt).</summary>
    /// <remarks>The fields are readonly; they are assigned here only while a snapshot's reader constructs the table.</remarks>
    public void Transfer(SnapshotChannel channel)
    {
        channel.Array(nameof(_slots), ref Unsafe.AsRef(in _slots));
        channel.Array(nameof(_runs), ref Unsafe.AsRef(in _runs));
        if (channel.IsReading && !IsConsistent())
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt,
                "The register index snapshot is corrupt: its blocking table is inconsistent.");
        }
    }

    /// <summary>
    /// Whether every record the table holds is a person of an index of <paramref name="count"/> people: checked when a
    /// snapshot is read, once its people are known, so that a corrupt table is refused instead of failing a lookup later.
    /// </summary>
    public bool RecordsBelow(int count)
    {
        foreach (var slot in _slots)
        {
            if (slot.Value >= count)
            {
                return false;
            }

            if (slot.Value is < 0 and not Empty)
            {
                var start = ~slot.Value;
                foreach (var record in _runs.AsSpan(start + 1, _runs[start]))
                {
                    if ((uint)record >= (uint)count)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    // The shapes lookups rely on: at least one empty slot (a lookup of an absent key ends), and every run inside _runs. The
    // contents are covered by the snapshot's checksum.
    private bool IsConsistent()
    {
        if (_slots.Length < 16)
        {
            return false;
        }

        var empty = false;
        foreach (var slot in _slots)
        {
            if (slot.Value == Empty)
            {
                empty = true;
            }
            else if (slot.Value < 0)
            {
                var start = ~slot.Value;
                if (start >= _runs.Length || _runs[start] < 2 || _runs[start] > _runs.Length - start - 1)
                {
                    return false;
                }
            }
        }

        return empty;
    }
}
