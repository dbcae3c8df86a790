using System.Runtime.CompilerServices;

namespace Immunization.Matching.Verification;

internal sealed partial class PersonIds : ISnapshotPart<PersonIds>
{
#pragma warning disable CS8618 // Every field is assigned by Transfer.
    private PersonIds(SnapshotChannel reader)
#pragma warning restore CS8618
    {
        Transfer(reader);
        _ascending = IdsAscend(); // derived, not saved
    }

    /// <inheritdoc/>
    public static PersonIds Read(SnapshotChannel reader) => new(reader);

    /// <summary>
    /// The count, the common width (−1: none), the text and the ends (empty with a common width); on reading, the ends
    /// must rise within the text, or the ids of the common width fill it, and the text must be UTF-8.
    /// </summary>
    /// <remarks>The fields are readonly; they are assigned here only while a snapshot's reader constructs the ids.</remarks>
    public void Transfer(SnapshotChannel channel)
    {
        channel.Value(nameof(_count), ref Unsafe.AsRef(in _count));
        channel.Value(nameof(_width), ref Unsafe.AsRef(in _width));
        channel.Array(nameof(_text), ref Unsafe.AsRef(in _text));
        channel.Array(nameof(_ends), ref Unsafe.AsRef(in _ends));
        if (channel.IsReading && !IsConsistent())
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt,
                "The register index snapshot is corrupt: its person ids are inconsistent.");
        }
    }

    private bool IsConsistent()
    {
        if (_count < 0 || _width < -1)
        {
            return false;
        }

        if (_width >= 0)
        {
            return _ends.Length == 0 && (long)_width * _count == _text.Length && EachIdIsUtf8();
        }

        if (_ends.Length != _count)
        {
            return false;
        }

        return TextEnds.CoverText(_ends, _text.Length) && EachIdIsUtf8();
    }

    // Each id on its own (not only the whole text): an id cut inside a character would read back with U+FFFD and break
    // CompareOrdinal's byte-order shortcut.
    private bool EachIdIsUtf8()
    {
        for (var i = 0; i < _count; i++)
        {
            if (!System.Text.Unicode.Utf8.IsValid(Span(i)))
            {
                return false;
            }
        }

        return true;
    }
}
