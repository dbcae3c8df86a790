using System.IO.Hashing;

namespace Immunization.Matching.Verification;

/// <summary>
/// Writes a snapshot's body to a stream and hashes it as it goes (XxHash3); without a stream, it only counts the bytes,
/// so that the header can state the body's length before the body is written to a stream that cannot seek back.
/// </summary>
internal sealed class SnapshotWriter(Stream? stream, string rootScope) : SnapshotChannel(rootScope)
{
    private readonly XxHash3 _hash = new();

    /// <inheritdoc/>
    public override bool IsReading => false;

    /// <summary>Gets the number of body bytes written (or counted).</summary>
    public long Length { get; private set; }

    /// <summary>Gets the XxHash3 of the body written so far.</summary>
    public ulong Checksum => _hash.GetCurrentHashAsUInt64();

    /// <summary>Gets where each field starts in the body, in order (a part's start is followed by its own fields').</summary>
    public List<(string Field, long Start)> Starts { get; } = [];

    /// <inheritdoc/>
    protected override long Remaining => long.MaxValue;

    /// <inheritdoc/>
    protected override void OnSection(string field) => Starts.Add((field, Length));

    /// <inheritdoc/>
    protected override void Bytes(Span<byte> bytes)
    {
        Length += bytes.Length;
        if (stream is not null)
        {
            _hash.Append(bytes);
            stream.Write(bytes);
        }
    }
}
