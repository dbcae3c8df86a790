using System.Text.Json;
using Ardalis.GuardClauses;

namespace Immunization.Matching.Cluster;

/// <summary>A register split into shards: its name in the storage, the number of shards and of people.</summary>
/// <param name="Id">The snapshot's name, the folder of its shard files in the storage.</param>
/// <param name="ShardCount">The number of shards.</param>
/// <param name="People">The number of people.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
[GenerateSerializer]
[Immutable]
public sealed record RegisterSnapshotInfo([property: Id(0)] string Id, [property: Id(1)] int ShardCount, [property: Id(2)] int People)
{
    private const int ManifestFormat = 1;

    /// <summary>
    /// Writes the snapshot's description (<c>{Id}/snapshot.json</c>) beside its shard files, so that a client that knows only
    /// the snapshot's name can <see cref="Load"/> it.
    /// </summary>
    /// <param name="storage">The storage that holds the shard files.</param>
    /// <exception cref="ArgumentNullException"><paramref name="storage"/> is <see langword="null"/>.</exception>
    public void Save(IClusterStorage storage)
    {
        Guard.Against.Null(storage);
        storage.Write(ManifestName(Id), stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteNumber("format", ManifestFormat);
            w.WriteString("id", Id);
            w.WriteNumber("shardCount", ShardCount);
            w.WriteNumber("people", People);
            w.WriteEndObject();
        });
    }

    /// <summary>Reads a snapshot's description written by <see cref="Save"/> and checks that every shard file is there.</summary>
    /// <param name="storage">The storage that holds the shard files.</param>
    /// <param name="snapshotId">The snapshot's name.</param>
    /// <returns>The snapshot, or <see langword="null"/> when the storage has no snapshot of that name.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The description is not one this library wrote, or a shard file is missing.</exception>
    public static RegisterSnapshotInfo? Load(IClusterStorage storage, string snapshotId)
    {
        Guard.Against.Null(storage);
        Guard.Against.Null(snapshotId);
        using var stream = storage.OpenRead(ManifestName(snapshotId));
        if (stream is null)
        {
            return null;
        }

        RegisterSnapshotInfo info;
        try
        {
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            if (root.GetProperty("format").GetInt32() != ManifestFormat)
            {
                throw new InvalidDataException($"Snapshot {snapshotId}: its snapshot.json is of another format; split the register again.");
            }

            info = new RegisterSnapshotInfo(root.GetProperty("id").GetString()!, root.GetProperty("shardCount").GetInt32(),
                root.GetProperty("people").GetInt32());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Snapshot {snapshotId}: its snapshot.json is not one this library wrote.", e);
        }

        if (info.Id != snapshotId || info.ShardCount < 1)
        {
            throw new InvalidDataException($"Snapshot {snapshotId}: its snapshot.json describes another snapshot.");
        }

        for (var s = 0; s < info.ShardCount; s++)
        {
            if (!storage.Exists(info.ShardName(s)))
            {
                throw new InvalidDataException(FormattableString.Invariant($"Snapshot {snapshotId}: shard file {s} of {info.ShardCount} is missing."));
            }
        }

        return info;
    }

    internal static string ManifestName(string snapshotId) => $"{snapshotId}/snapshot.json";

    internal string ShardName(int shard) => $"{Id}/shard-{shard:D4}.bin";

    internal string GrainKey(int shard) => $"{Id}/{shard}/{ShardCount}";
}
