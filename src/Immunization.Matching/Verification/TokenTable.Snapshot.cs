using System.Runtime.CompilerServices;

namespace Immunization.Matching.Verification;

internal sealed partial class TokenTable : ISnapshotPart<TokenTable>
{
#pragma warning disable CS8618 // Every saved field is assigned by Transfer.
    private TokenTable(SnapshotChannel reader)
#pragma warning restore CS8618
    {
        Transfer(reader);
        // Derived, not saved: the full names' entries, and the hash slots.
        _slots = Slots() ?? throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt,
            "The register index snapshot is corrupt: an interning table holds a text twice.");
        _names = Names();
        if (_names < 0)
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt,
                "The register index snapshot is corrupt: an interning table's full names are not its first entries, numbered 0 to their count - 1.");
        }
    }

    /// <inheritdoc/>
    public static TokenTable Read(SnapshotChannel reader) => new(reader);

    /// <summary>The texts, their ends and their ids; on reading, the ends must rise within the texts.</summary>
    /// <remarks>The fields are readonly; they are assigned here only while a snapshot's reader constructs the table.</remarks>
    public void Transfer(SnapshotChannel channel)
    {
        channel.Array(nameof(_text), ref Unsafe.AsRef(in _text));
        channel.Array(nameof(_ends), ref Unsafe.AsRef(in _ends));
        channel.Array(nameof(_values), ref Unsafe.AsRef(in _values));
        if (channel.IsReading && !IsConsistent())
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt,
                "The register index snapshot is corrupt: an interning table is inconsistent.");
        }
    }

    private bool IsConsistent()
    {
        if (_ends.Length != _values.Length)
        {
            return false;
        }

        return TextEnds.CoverText(_ends, _text.Length);
    }
}
