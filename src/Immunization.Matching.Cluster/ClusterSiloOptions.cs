namespace Immunization.Matching.Cluster;

/// <summary>
/// A production silo's settings (the tool's <c>silo.json</c>): which cluster it joins, the PostgreSQL database that holds the
/// cluster's membership table (Orleans' ADO.NET clustering), where other silos and clients reach it, and the shared folder that
/// holds the register's shard files and the link jobs' files.
/// </summary>
/// <remarks>
/// Read it with <see cref="FromJson(Stream)"/> (camelCase keys, comments and trailing commas allowed, unknown keys refused) and
/// give it to <see cref="ClusterHostingExtensions.UseRegisterCluster(ISiloBuilder, ClusterSiloOptions, IClusterStorage)"/>.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ClusterSiloOptions
{
    /// <summary>The default silo-to-silo port.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The default port that clients connect to.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>Gets the cluster's name, the same on every silo and client of one cluster (<c>clusterId</c>; required).</summary>
    public string ClusterId { get; init; } = "";

    /// <summary>Gets the service's name, the same on every silo and client, kept across deployments (<c>serviceId</c>).</summary>
    public string ServiceId { get; init; } = ClusterClientOptions.DefaultServiceId;

    /// <summary>
    /// Gets the Npgsql connection string of the PostgreSQL database holding Orleans' membership table (<c>membershipDatabase</c>;
    /// required). Create the tables once with <see cref="ClusterDatabase.CreateTablesAsync"/>.
    /// </summary>
    public string MembershipDatabase { get; init; } = "";

    /// <summary>
    /// Gets the folder every silo and client shares (a network share in production) with the register's shard files and the
    /// link jobs' files (<c>storage</c>; required). The host opens it: the library never opens a path.
    /// </summary>
    public string Storage { get; init; } = "";

    /// <summary>
    /// Gets the IP address other silos and clients reach this silo at (<c>advertisedAddress</c>), or <see langword="null"/> for
    /// the first address of the machine's host name. The silo listens on every address of the machine either way.
    /// </summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>Gets the silo-to-silo port (<c>siloPort</c>, default 11111).</summary>
    public int SiloPort { get; init; } = DefaultSiloPort;

    /// <summary>Gets the port clients connect to (<c>gatewayPort</c>, default 30000).</summary>
    public int GatewayPort { get; init; } = DefaultGatewayPort;

    /// <summary>Reads a silo's settings from UTF-8 JSON and checks them.</summary>
    /// <param name="utf8Json">The JSON, read to its end.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ClusterConfigurationException">The JSON is malformed, has an unknown key, misses a required key or holds a
    /// value out of range; the message names the key.</exception>
    public static ClusterSiloOptions FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var options = ClusterJson.Read(utf8Json, ClusterJsonContext.Default.ClusterSiloJson).ToOptions();
        options.Check();
        return options;
    }

    /// <summary>Checks every setting; throws naming the first key that is wrong.</summary>
    internal void Check()
    {
        ClusterJson.CheckCommon(ClusterId, ServiceId, MembershipDatabase, Storage);
        if (AdvertisedAddress is not null && !System.Net.IPAddress.TryParse(AdvertisedAddress, out _))
        {
            throw new ClusterConfigurationException("advertisedAddress: not an IP address (give an IPv4 or IPv6 address, not a host name, or leave the key out).");
        }

        ClusterJson.CheckPort(SiloPort, "siloPort");
        ClusterJson.CheckPort(GatewayPort, "gatewayPort");
        if (SiloPort == GatewayPort)
        {
            throw new ClusterConfigurationException("gatewayPort: the same as siloPort; a silo needs two ports.");
        }
    }
}
