using System.Runtime.CompilerServices;

namespace Immunization.Matching.Verification;

internal sealed partial class LookalikeTable : ISnapshotPart<LookalikeTable>
{
#pragma warning disable CS8618 // Every field is assigned by Transfer.
    private LookalikeTable(SnapshotChannel reader)
#pragma warning restore CS8618
    {
        Transfer(reader);
    }

    /// <inheritdoc/>
    public static LookalikeTable Read(SnapshotChannel reader) => new(reader);

    /// <summary>Every field of the table, once: the sorted group keys and their sizes.</summary>
    /// <remarks>The fields are readonly; they are assigned here only while a snapshot's reader constructs the table.</remarks>
    public void Transfer(SnapshotChannel channel)
    {
        channel.Array(nameof(_keys), ref Unsafe.AsRef(in _keys));
        channel.Array(nameof(_counts), ref Unsafe.AsRef(in _counts));
        if (channel.IsReading && (_keys.Length != _counts.Length || !IsConsistent(_keys, _counts)))
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt,
                "The register index snapshot is corrupt: its lookalike table is inconsistent.");
        }
    }
}
