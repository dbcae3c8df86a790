using System.IO.Hashing;

namespace Immunization.Matching.Verification;

/// <summary>
/// Reads a snapshot's body of a known length from a stream and hashes it as it goes (XxHash3): no read goes past the
/// length the header states, and a stream that ends before it is reported as truncated.
/// </summary>
internal sealed class SnapshotReader(Stream stream, long length, string rootScope) : SnapshotChannel(rootScope)
{
    private readonly XxHash3 _hash = new();
    private long _read;

    /// <inheritdoc/>
    public override bool IsReading => true;

    /// <summary>Gets the XxHash3 of the body read so far.</summary>
    public ulong Checksum => _hash.GetCurrentHashAsUInt64();

    /// <summary>Gets whether the whole body has been read.</summary>
    public bool AtEnd => _read == length;

    /// <inheritdoc/>
    protected override long Remaining => length - _read;

    /// <inheritdoc/>
    protected override void Bytes(Span<byte> bytes)
    {
        if (bytes.Length > Remaining)
        {
            throw Corrupt("a field runs past the end of the snapshot");
        }

        Fill(stream, bytes, length);
        _read += bytes.Length;
        _hash.Append(bytes);
    }

    /// <summary>Fills <paramref name="bytes"/> from <paramref name="stream"/>; a stream that ends first is a truncated snapshot.</summary>
    public static void Fill(Stream stream, Span<byte> bytes, long bodyLength)
    {
        try
        {
            stream.ReadExactly(bytes);
        }
        catch (EndOfStreamException e)
        {
            throw new RegisterIndexSnapshotException(RegisterIndexSnapshotProblem.Truncated,
                $"The register index snapshot is truncated: the stream ends before the snapshot's {bodyLength} bytes of index do.", e);
        }
    }
}
