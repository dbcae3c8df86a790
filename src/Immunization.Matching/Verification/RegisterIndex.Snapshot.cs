using System.Buffers.Binary;
using System.IO.Hashing;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Ardalis.GuardClauses;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Verification;

public sealed partial class RegisterIndex
{
    /// <summary>The snapshot's layout version: raise it whenever <see cref="Transfer"/> or a part's changes.</summary>
    internal const int SnapshotFormatVersion = 5;

    private static ReadOnlySpan<byte> SnapshotMagic => "IMMZRIDX"u8;

    /// <summary>Gets the library version a snapshot must have been written by to be loaded (the informational version).</summary>
    internal static string LibraryVersion { get; } =
        typeof(RegisterIndex).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RegisterIndex).Assembly.GetName().Version?.ToString() ?? "unknown";

#pragma warning disable CS8618 // Every serialised field is assigned by Transfer.
    private RegisterIndex(SnapshotReader reader)
#pragma warning restore CS8618
    {
        Transfer(reader);
        // Derived, not saved: per-thread candidate buffers.
        _scratch = new ThreadLocal<Scratch>(() => new Scratch());
    }

    /// <summary>
    /// Writes the index to <paramref name="stream"/> as a versioned binary snapshot that <see cref="Load"/> reads back in
    /// a fraction of the time <see cref="Build"/> takes.
    /// </summary>
    /// <param name="stream">A writable stream; it is not closed.</param>
    /// <remarks>
    /// The snapshot holds a signature, its format version, the library's informational version, the index's options and
    /// every array of the index, with XxHash3 checksums of its header and body. It holds the register's identity data
    /// (in compact form): protect it as the register itself.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be written.</exception>
    /// <exception cref="InvalidOperationException">The index is a cluster shard's (its shard file saves it).</exception>
    public void Save(Stream stream)
    {
        Guard.Against.Null(stream);
        if (_oversized is not null)
        {
            // A cluster shard's index depends on the whole register's oversized blocks: its shard file carries them.
            throw new InvalidOperationException("A shard's index is saved by the cluster's shard files, not as a register index snapshot.");
        }

        Save(stream, LibraryVersion);
    }

    /// <summary>Reads an index that <see cref="Save(Stream)"/> wrote.</summary>
    /// <param name="stream">A readable stream positioned at the snapshot; it is read to the snapshot's end and not closed.</param>
    /// <param name="expectedOptions">
    /// The options the index must have been built with; <see langword="null"/> to take the snapshot's own.
    /// </param>
    /// <returns>The index, deciding exactly as the index that was saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="RegisterIndexSnapshotException">
    /// The stream holds no snapshot, one of another format or library version, one built with other options than
    /// <paramref name="expectedOptions"/>, or a corrupt or truncated one (<see cref="RegisterIndexSnapshotException.Problem"/> says which).
    /// </exception>
    public static RegisterIndex Load(Stream stream, RegisterMatchOptions? expectedOptions = null)
    {
        Guard.Against.Null(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        var bodyLength = ReadHeader(stream);
        var reader = new SnapshotReader(stream, bodyLength, nameof(RegisterIndex));
        RegisterIndex index;
        try
        {
            index = new RegisterIndex(reader);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException or InvalidCastException)
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt, "The register index snapshot is corrupt: its contents do not read back.", e);
        }

        if (!reader.AtEnd)
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt,
                "The register index snapshot is corrupt: its index ends before the length its header states.");
        }

        Span<byte> trailer = stackalloc byte[sizeof(ulong)];
        SnapshotReader.Fill(stream, trailer, bodyLength);
        if (BinaryPrimitives.ReadUInt64LittleEndian(trailer) != reader.Checksum)
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt,
                "The register index snapshot is corrupt: the checksum of its index does not match its contents.");
        }

        if (expectedOptions is { } expected && expected != index._options)
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.OptionsMismatch,
                $"The register index snapshot was built with other options ({OptionsDifference(index._options, expected)}): build the index with these options.");
        }

        return index;
    }

    /// <summary>Writes the snapshot stating <paramref name="libraryVersion"/> (tests write other versions).</summary>
    internal void Save(Stream stream, string libraryVersion)
    {
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written.", nameof(stream));
        }

        // The header states the body's length: one pass counts it, so that a stream that cannot seek back can be written.
        var counter = new SnapshotWriter(null, nameof(RegisterIndex));
        Transfer(counter);
        var version = Encoding.UTF8.GetBytes(libraryVersion);
        var header = new byte[SnapshotMagic.Length + sizeof(int) + sizeof(ushort) + version.Length + sizeof(long)];
        SnapshotMagic.CopyTo(header);
        var at = SnapshotMagic.Length;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(at), SnapshotFormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(at += sizeof(int)), checked((ushort)version.Length));
        version.CopyTo(header.AsSpan(at += sizeof(ushort)));
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(at + version.Length), counter.Length);
        stream.Write(header);
        WriteUInt64(stream, XxHash3.HashToUInt64(header));

        var writer = new SnapshotWriter(stream, nameof(RegisterIndex));
        Transfer(writer);
        WriteUInt64(stream, writer.Checksum);
    }

    /// <summary>The qualified names of the fields a snapshot holds, in order (for the test that none is forgotten).</summary>
    internal IReadOnlyList<string> SnapshotFields()
    {
        var counter = new SnapshotWriter(null, nameof(RegisterIndex));
        Transfer(counter);
        return counter.Fields;
    }

    /// <summary>The bytes each field takes in a snapshot (a part's own bytes without its fields'), largest first, and the total.</summary>
    internal (IReadOnlyList<(string Field, long Bytes)> Fields, long Total) SnapshotSizes()
    {
        var counter = new SnapshotWriter(null, nameof(RegisterIndex));
        Transfer(counter);
        var starts = counter.Starts;
        var sizes = new List<(string Field, long Bytes)>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            sizes.Add((starts[i].Field, (i + 1 < starts.Count ? starts[i + 1].Start : counter.Length) - starts[i].Start));
        }

        return ([.. sizes.OrderByDescending(s => s.Bytes)], counter.Length);
    }

    /// <summary>
    /// Every field of the index that a snapshot holds, once each: this one method writes them and reads them back. Only
    /// <see cref="_scratch"/> is derived on loading. The fields are readonly; they are assigned here only while the
    /// snapshot's constructor runs.
    /// </summary>
    private void Transfer(SnapshotChannel c)
    {
        c.Value(nameof(_options), ref Unsafe.AsRef(in _options));
        c.Part(nameof(_ids), ref Unsafe.AsRef(in _ids));
        c.Items(nameof(_keys), ref Unsafe.AsRef(in _keys), TransferKeys);
        c.Part(nameof(_tokens), ref Unsafe.AsRef(in _tokens));
        c.Part(nameof(_places), ref Unsafe.AsRef(in _places));
        c.Part(nameof(_blocks), ref Unsafe.AsRef(in _blocks));
        c.Arrays(nameof(_weights), ref Unsafe.AsRef(in _weights));
        c.Array(nameof(_nameExactWeights), ref Unsafe.AsRef(in _nameExactWeights));
        c.Value(nameof(_yearWeight), ref Unsafe.AsRef(in _yearWeight));
        c.Arrays(nameof(_u), ref Unsafe.AsRef(in _u));
        c.Part(nameof(_lookalikes), ref Unsafe.AsRef(in _lookalikes));
        if (c.IsReading && (_keys.Length != _ids.Count || _weights.Length != IdentityLevels.FieldCount || _nameExactWeights.Length != _tokens.NameCount || _u.Length != IdentityLevels.FieldCount || !_blocks.RecordsBelow(_keys.Length)))
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt,
                "The register index snapshot is corrupt: its arrays do not fit together.");
        }
    }

    /// <summary>Every field of <see cref="IdentityKey"/>, one column each.</summary>
    private static void TransferKeys(SnapshotChannel c, IdentityKey[] keys)
    {
        c.Column(nameof(IdentityKey.CitizenIdLength), keys, static (ref k) => ref k.CitizenIdLength);
        c.Column(nameof(IdentityKey.CitizenIdValid), keys, static (ref k) => ref k.CitizenIdValid);
        c.Column(nameof(IdentityKey.CitizenIdUnreadable), keys, static (ref k) => ref k.CitizenIdUnreadable);
        c.Column(nameof(IdentityKey.Unreadable), keys, static (ref k) => ref k.Unreadable);
        c.Column(nameof(IdentityKey.CitizenIdBcd), keys, static (ref k) => ref k.CitizenIdBcd);
        c.Column(nameof(IdentityKey.CitizenIdSex), keys, static (ref k) => ref k.CitizenIdSex);
        c.Column(nameof(IdentityKey.CitizenIdBirthYear), keys, static (ref k) => ref k.CitizenIdBirthYear);
        c.Column(nameof(IdentityKey.PhoneBcd), keys, static (ref k) => ref k.PhoneBcd);
        c.Column(nameof(IdentityKey.Name), keys, static (ref k) => ref k.Name);
        c.Column(nameof(IdentityKey.Family), keys, static (ref k) => ref k.Family);
        c.Column(nameof(IdentityKey.Middle), keys, static (ref k) => ref k.Middle);
        c.Column(nameof(IdentityKey.Given), keys, static (ref k) => ref k.Given);
        c.Column(nameof(IdentityKey.Sorted), keys, static (ref k) => ref k.Sorted);
        c.Column(nameof(IdentityKey.TonedHash), keys, static (ref k) => ref k.TonedHash);
        c.Column(nameof(IdentityKey.DateOfBirth), keys, static (ref k) => ref k.DateOfBirth);
        c.Column(nameof(IdentityKey.Sex), keys, static (ref k) => ref k.Sex);
        c.Column(nameof(IdentityKey.Province), keys, static (ref k) => ref k.Province);
        c.Column(nameof(IdentityKey.Commune), keys, static (ref k) => ref k.Commune);
        c.ArrayColumn(nameof(IdentityKey.CommuneParts), keys, static (ref k) => ref k.CommuneParts);
    }

    /// <summary>Reads and checks the header; returns the body's length.</summary>
    private static long ReadHeader(Stream stream)
    {
        Span<byte> fixedPart = stackalloc byte[SnapshotMagic.Length + sizeof(int) + sizeof(ushort)];
        var read = stream.ReadAtLeast(fixedPart, fixedPart.Length, throwOnEndOfStream: false);
        if (read < SnapshotMagic.Length || !fixedPart[..SnapshotMagic.Length].SequenceEqual(SnapshotMagic))
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.NotASnapshot,
                "The stream is not a register index snapshot: it does not start with the snapshot's signature.");
        }

        if (read < fixedPart.Length)
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Truncated,
                "The register index snapshot is truncated: the stream ends inside its header.");
        }

        var format = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[SnapshotMagic.Length..]);
        if (format != SnapshotFormatVersion)
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.FormatVersionMismatch,
                $"The register index snapshot has format version {format}; this library reads version {SnapshotFormatVersion}: build the index again from the register.");
        }

        var versionLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[(SnapshotMagic.Length + sizeof(int))..]);
        var header = new byte[fixedPart.Length + versionLength + sizeof(long) + sizeof(ulong)];
        fixedPart.CopyTo(header);
        SnapshotReader.Fill(stream, header.AsSpan(fixedPart.Length), 0);
        var hashed = header.AsSpan(0, header.Length - sizeof(ulong));
        if (XxHash3.HashToUInt64(hashed) != BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(hashed.Length)))
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt,
                "The register index snapshot is corrupt: the checksum of its header does not match.");
        }

        var version = Encoding.UTF8.GetString(header, fixedPart.Length, versionLength);
        if (version != LibraryVersion)
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.LibraryVersionMismatch,
                $"The register index snapshot was written by library version {version}; this is version {LibraryVersion}, whose model may differ: build the index again from the register.");
        }

        var bodyLength = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(fixedPart.Length + versionLength));
        return bodyLength >= 0
            ? bodyLength
            : throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Corrupt, "The register index snapshot is corrupt: its length is negative.");
    }

    private static void WriteUInt64(Stream stream, ulong value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static string OptionsDifference(RegisterMatchOptions saved, RegisterMatchOptions expected)
    {
        var differences = new List<string>();
        void Compare<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                differences.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} {a} in the snapshot, {b} expected"));
            }
        }

        Compare(nameof(RegisterMatchOptions.MatchWeight), saved.MatchWeight, expected.MatchWeight);
        Compare(nameof(RegisterMatchOptions.ReviewWeight), saved.ReviewWeight, expected.ReviewWeight);
        Compare(nameof(RegisterMatchOptions.AmbiguityMargin), saved.AmbiguityMargin, expected.AmbiguityMargin);
        Compare(nameof(RegisterMatchOptions.RandomPairs), saved.RandomPairs, expected.RandomPairs);
        Compare(nameof(RegisterMatchOptions.MaxBlockSize), saved.MaxBlockSize, expected.MaxBlockSize);
        Compare(nameof(RegisterMatchOptions.UnregisteredShare), saved.UnregisteredShare, expected.UnregisteredShare);
        return string.Join("; ", differences);
    }
}
