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
        channel.Array(nameof(_keys), ref Unsafe.AsRef(in _keys));
        channel.Array(nameof(_starts), ref Unsafe.AsRef(in _starts));
        channel.Array(nameof(_members), ref Unsafe.AsRef(in _members));
        channel.Array(nameof(_slots), ref Unsafe.AsRef(in _slots));
        channel.Value(nameof(_shift), ref Unsafe.AsRef(in _shift));
        if (channel.IsReading && !IsConsistent())
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt,
                "The register index snapshot is corrupt: its blocking table is inconsistent.");
        }
    }

    // The shapes lookups rely on; the contents are covered by the snapshot's checksum.
    private bool IsConsistent() =>
        _starts.Length == _keys.Length + 1 && _slots.Length >= 16 && (_slots.Length & (_slots.Length - 1)) == 0
        && _shift == 64 - System.Numerics.BitOperations.Log2((uint)_slots.Length) && _starts[^1] == _members.Length;
}
