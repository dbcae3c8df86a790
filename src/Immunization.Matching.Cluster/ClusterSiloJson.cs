namespace Immunization.Matching.Cluster;

/// <summary>
/// <c>silo.json</c> as written: every key optional here (a key left out stays <see langword="null"/>, so that the defaults of
/// <see cref="ClusterSiloOptions"/> apply; the JSON source generator would set an init-only property left out to its type's default).
/// </summary>
internal sealed class ClusterSiloJson
{
    public string? ClusterId { get; set; }

    public string? ServiceId { get; set; }

    public string? MembershipDatabase { get; set; }

    public string? Storage { get; set; }

    public string? AdvertisedAddress { get; set; }

    public int? SiloPort { get; set; }

    public int? GatewayPort { get; set; }

    public ClusterSiloOptions ToOptions()
    {
        var defaults = new ClusterSiloOptions();
        return new ClusterSiloOptions
        {
            ClusterId = ClusterId ?? defaults.ClusterId,
            ServiceId = ServiceId ?? defaults.ServiceId,
            MembershipDatabase = MembershipDatabase ?? defaults.MembershipDatabase,
            Storage = Storage ?? defaults.Storage,
            AdvertisedAddress = AdvertisedAddress,
            SiloPort = SiloPort ?? defaults.SiloPort,
            GatewayPort = GatewayPort ?? defaults.GatewayPort,
        };
    }
}
