namespace Immunization.Matching.Cluster;

/// <summary>
/// A client's settings (the tool's <c>client.json</c>): which cluster it connects to, the PostgreSQL database of the cluster's
/// membership table (where it finds the silos' gateways), the shared folder, and the register snapshot its link jobs use.
/// </summary>
/// <remarks>
/// Read it with <see cref="FromJson(Stream)"/> (camelCase keys, comments and trailing commas allowed, unknown keys refused) and
/// give it to <see cref="ClusterHostingExtensions.UseRegisterCluster(IClientBuilder, ClusterClientOptions)"/>.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ClusterClientOptions
{
    /// <summary>The default service name.</summary>
    public const string DefaultServiceId = "immunization";

    /// <summary>The default number of records per link job chunk.</summary>
    public const int DefaultChunkSize = 10_000;

    /// <summary>The largest chunk (a chunk travels as one message to every shard).</summary>
    public const int MaxChunkSize = 100_000;

    /// <summary>Gets the cluster's name, as in the silos' settings (<c>clusterId</c>; required).</summary>
    public string ClusterId { get; init; } = "";

    /// <summary>Gets the service's name, as in the silos' settings (<c>serviceId</c>).</summary>
    public string ServiceId { get; init; } = DefaultServiceId;

    /// <summary>Gets the Npgsql connection string of the membership database, as in the silos' settings (<c>membershipDatabase</c>; required).</summary>
    public string MembershipDatabase { get; init; } = "";

    /// <summary>Gets the folder the silos share, as this machine sees it (<c>storage</c>; required).</summary>
    public string Storage { get; init; } = "";

    /// <summary>Gets the register snapshot to link against: its name in the storage (<c>snapshot</c>; required).</summary>
    public string Snapshot { get; init; } = "";

    /// <summary>Gets the number of records per chunk of a link job (<c>chunkSize</c>, default 10,000; at most 100,000).</summary>
    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>Reads a client's settings from UTF-8 JSON and checks them.</summary>
    /// <param name="utf8Json">The JSON, read to its end.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ClusterConfigurationException">The JSON is malformed, has an unknown key, misses a required key or holds a
    /// value out of range; the message names the key.</exception>
    public static ClusterClientOptions FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var options = ClusterJson.Read(utf8Json, ClusterJsonContext.Default.ClusterClientJson).ToOptions();
        options.Check();
        return options;
    }

    /// <summary>Checks every setting; throws naming the first key that is wrong.</summary>
    internal void Check()
    {
        ClusterJson.CheckCommon(ClusterId, ServiceId, MembershipDatabase, Storage);
        ClusterJson.CheckName(Snapshot, "snapshot", "the register snapshot's name");
        if (ChunkSize is < 1 or > MaxChunkSize)
        {
            throw new ClusterConfigurationException(System.FormattableString.Invariant(
                $"chunkSize: {ChunkSize} is out of range; give 1 to {MaxChunkSize} records per chunk."));
        }
    }
}
