namespace Immunization.Matching.Cluster;

/// <summary>
/// <c>client.json</c> as written: every key optional here (a key left out stays <see langword="null"/>, so that the defaults of
/// <see cref="ClusterClientOptions"/> apply; the JSON source generator would set an init-only property left out to its type's default).
/// </summary>
internal sealed class ClusterClientJson
{
    public string? ClusterId { get; set; }

    public string? ServiceId { get; set; }

    public string? MembershipDatabase { get; set; }

    public string? Storage { get; set; }

    public string? Snapshot { get; set; }

    public int? ChunkSize { get; set; }

    public ClusterClientOptions ToOptions()
    {
        var defaults = new ClusterClientOptions();
        return new ClusterClientOptions
        {
            ClusterId = ClusterId ?? defaults.ClusterId,
            ServiceId = ServiceId ?? defaults.ServiceId,
            MembershipDatabase = MembershipDatabase ?? defaults.MembershipDatabase,
            Storage = Storage ?? defaults.Storage,
            Snapshot = Snapshot ?? defaults.Snapshot,
            ChunkSize = ChunkSize ?? defaults.ChunkSize,
        };
    }
}
