using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Verification;

/// <summary>
/// One direction of a register index snapshot. The index names each of its fields once, in one <c>Transfer</c> method,
/// and the same method writes the field (<see cref="SnapshotWriter"/>) or reads it back (<see cref="SnapshotReader"/>):
/// a field cannot be written and forgotten on reading, or read in another order. Every field is preceded by a tag (a hash
/// of its qualified name), so a reader that expects another layout stops at the first field that differs. Arrays of
/// unmanaged values are copied as their bytes; arrays of structs as one column per field.
/// </summary>
internal abstract class SnapshotChannel
{
    // Copies go through the stream in pieces of at most this many bytes (spans of more than 2 GB cannot be made).
    private const int PieceBytes = 1 << 24;
    private const int StringGroupChars = 1 << 16;
    private readonly List<string> _fields = [];
    private string _scope;

    protected SnapshotChannel(string rootScope)
    {
        _scope = rootScope;
    }

    /// <summary>A reference to one field of an array element, for column-wise copies.</summary>
    public delegate ref TField FieldOf<TItem, TField>(ref TItem item);

    /// <summary>Gets whether this channel reads (fields are assigned) rather than writes (fields are read).</summary>
    public abstract bool IsReading { get; }

    /// <summary>Gets the qualified names of the fields transferred so far (<c>Type.field</c>), in order.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>Bytes left in the snapshot's body (the writer has no limit).</summary>
    protected abstract long Remaining { get; }

    /// <summary>One unmanaged value, as its bytes.</summary>
    public void Value<T>(string name, ref T value)
        where T : unmanaged
    {
        Section(name);
        Bytes(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1)));
    }

    /// <summary>An array of unmanaged values: its length, then its bytes.</summary>
    public void Array<T>(string name, ref T[] array)
        where T : unmanaged
    {
        Section(name);
        ArrayCore(ref array);
    }

    /// <summary>An array of arrays of unmanaged values.</summary>
    public void Arrays<T>(string name, ref T[][] arrays)
        where T : unmanaged
    {
        Section(name);
        var count = Length(arrays?.Length ?? 0, sizeof(int));
        if (IsReading)
        {
            arrays = new T[count][];
        }

        for (var i = 0; i < count; i++)
        {
            ArrayCore(ref arrays![i]);
        }
    }

    /// <summary>An array of strings: their lengths, then their UTF-16 text.</summary>
    public void Strings(string name, ref string[] strings)
    {
        Section(name);
        StringsCore(ref strings);
    }

    /// <summary>An object with its own fields (<see cref="ISnapshotPart{T}.Transfer"/>), under its type's name.</summary>
    public void Part<T>(string name, ref T part)
        where T : class, ISnapshotPart<T>
    {
        Section(name);
        var scope = _scope;
        _scope = typeof(T).Name;
        if (IsReading)
        {
            part = T.Read(this);
        }
        else
        {
            part.Transfer(this);
        }

        _scope = scope;
    }

    /// <summary>An array of structs: its length, then the columns that <paramref name="columns"/> names.</summary>
    public void Items<TItem>(string name, ref TItem[] items, Action<SnapshotChannel, TItem[]> columns)
        where TItem : struct
    {
        Section(name);
        var count = Length(items?.Length ?? 0, 1);
        if (IsReading)
        {
            items = new TItem[count];
        }

        var scope = _scope;
        _scope = typeof(TItem).Name;
        columns(this, items!);
        _scope = scope;
    }

    /// <summary>One unmanaged field of every element of <paramref name="items"/>, as a column.</summary>
    public void Column<TItem, TField>(string name, TItem[] items, FieldOf<TItem, TField> field)
        where TField : unmanaged
    {
        Section(name);
        var pieceLength = Math.Max(1, PieceBytes / Unsafe.SizeOf<TField>() / 16);
        var buffer = ArrayPool<TField>.Shared.Rent(Math.Min(pieceLength, Math.Max(1, items.Length)));
        try
        {
            for (var start = 0; start < items.Length; start += buffer.Length)
            {
                var piece = buffer.AsSpan(0, Math.Min(buffer.Length, items.Length - start));
                if (!IsReading)
                {
                    for (var i = 0; i < piece.Length; i++)
                    {
                        piece[i] = field(ref items[start + i]);
                    }
                }

                Bytes(MemoryMarshal.AsBytes(piece));
                if (IsReading)
                {
                    for (var i = 0; i < piece.Length; i++)
                    {
                        field(ref items[start + i]) = piece[i];
                    }
                }
            }
        }
        finally
        {
            ArrayPool<TField>.Shared.Return(buffer);
        }
    }

    /// <summary>One optional integer-array field of every element of <paramref name="items"/>: lengths (−1 for none), then values.</summary>
    public void ArrayColumn<TItem>(string name, TItem[] items, FieldOf<TItem, int[]?> field)
    {
        Section(name);
        var lengths = new int[items.Length];
        var flat = System.Array.Empty<int>();
        if (!IsReading)
        {
            var values = new List<int>();
            for (var i = 0; i < items.Length; i++)
            {
                var array = field(ref items[i]);
                lengths[i] = array?.Length ?? -1;
                values.AddRange(array ?? []);
            }

            flat = [.. values];
        }

        Pieces(lengths.AsSpan());
        ArrayCore(ref flat);
        if (!IsReading)
        {
            return;
        }

        var offset = 0L;
        for (var i = 0; i < items.Length; i++)
        {
            if (lengths[i] < -1 || offset + Math.Max(lengths[i], 0) > flat.Length)
            {
                throw Corrupt($"{Qualified(name)} has an impossible length");
            }

            if (lengths[i] >= 0)
            {
                field(ref items[i]) = flat.AsSpan((int)offset, lengths[i]).ToArray();
                offset += lengths[i];
            }
        }
    }

    /// <summary>Copies <paramref name="bytes"/> to the snapshot (writer) or fills it from the snapshot (reader).</summary>
    protected abstract void Bytes(Span<byte> bytes);

    /// <summary>Called as each field starts (the writer notes where, for the size of each field).</summary>
    protected virtual void OnSection(string field)
    {
    }

    /// <summary>A refusal for a snapshot whose contents cannot be what a writer wrote.</summary>
    protected static RegisterIndexSnapshotException Corrupt(string what) =>
        new(RegisterIndexSnapshotProblem.Corrupt, $"The register index snapshot is corrupt: {what}.");

    private void Section(string name)
    {
        var qualified = Qualified(name);
        _fields.Add(qualified);
        OnSection(qualified);
        var tag = IdentityKeys.Hash(qualified);
        var expected = tag;
        Bytes(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref tag, 1)));
        if (tag != expected)
        {
            throw Corrupt($"field {qualified} was expected and not found (or the snapshot was written by a build of the library with another layout)");
        }
    }

    private string Qualified(string name) => _scope + "." + name;

    private int Length(int length, int elementBytes)
    {
        Bytes(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref length, 1)));
        if (IsReading && (length < 0 || (long)length * elementBytes > Remaining))
        {
            throw Corrupt("a length runs past the end of the snapshot");
        }

        return length;
    }

    private void ArrayCore<T>(ref T[] array)
        where T : unmanaged
    {
        var length = Length(array?.Length ?? 0, Unsafe.SizeOf<T>());
        if (IsReading)
        {
            array = length == 0 ? [] : GC.AllocateUninitializedArray<T>(length);
        }

        Pieces(array.AsSpan());
    }

    private void Pieces<T>(Span<T> values)
        where T : unmanaged
    {
        var pieceLength = PieceBytes / Unsafe.SizeOf<T>();
        for (var start = 0; start < values.Length; start += pieceLength)
        {
            Bytes(MemoryMarshal.AsBytes(values.Slice(start, Math.Min(pieceLength, values.Length - start))));
        }
    }

    private void StringsCore(ref string[] strings)
    {
        var count = Length(strings?.Length ?? 0, sizeof(int));
        var lengths = new int[count];
        if (!IsReading)
        {
            for (var i = 0; i < count; i++)
            {
                lengths[i] = strings![i].Length;
            }
        }

        Pieces(lengths.AsSpan());
        long total = 0;
        foreach (var length in lengths)
        {
            total += length;
            if (length < 0 || total * sizeof(char) > Remaining)
            {
                throw Corrupt("a string runs past the end of the snapshot");
            }
        }

        if (IsReading)
        {
            strings = new string[count];
        }

        // Strings travel in groups of about StringGroupChars characters (a longer string alone); both sides group alike
        // from the lengths.
        var buffer = ArrayPool<char>.Shared.Rent(StringGroupChars);
        try
        {
            for (var first = 0; first < count;)
            {
                var end = first;
                var chars = 0;
                while (end < count && (end == first || chars + lengths[end] <= StringGroupChars))
                {
                    chars += lengths[end];
                    end++;
                }

                if (chars > buffer.Length)
                {
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = ArrayPool<char>.Shared.Rent(chars);
                }

                var offset = 0;
                if (!IsReading)
                {
                    for (var i = first; i < end; i++)
                    {
                        strings![i].CopyTo(buffer.AsSpan(offset));
                        offset += lengths[i];
                    }
                }

                Bytes(MemoryMarshal.AsBytes(buffer.AsSpan(0, chars)));
                if (IsReading)
                {
                    for (var i = first; i < end; i++)
                    {
                        strings![i] = new string(buffer, offset, lengths[i]);
                        offset += lengths[i];
                    }
                }

                first = end;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
