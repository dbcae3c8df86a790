using System.Net;
using Ardalis.GuardClauses;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Immunization.Matching.Cluster;

/// <summary>Adds the register matcher's grains' services to a silo, and wires production silos and clients.</summary>
public static class ClusterHostingExtensions
{
    /// <summary>The ADO.NET invariant of PostgreSQL's provider (Npgsql), which Orleans' ADO.NET clustering loads.</summary>
    internal const string PostgreSqlInvariant = "Npgsql";

    /// <summary>Gives the silo the storage that holds the register's shard files and the link jobs' files.</summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="storage">The storage every silo shares.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ISiloBuilder AddRegisterMatching(this ISiloBuilder silo, IClusterStorage storage)
    {
        Guard.Against.Null(silo);
        Guard.Against.Null(storage);
        silo.Services.AddSingleton(storage);
        return silo;
    }

    /// <summary>
    /// Makes the silo a production member of a register cluster: its cluster and service names, membership through Orleans'
    /// ADO.NET clustering on PostgreSQL (create the tables first with <see cref="ClusterDatabase.CreateTablesAsync"/>), its
    /// endpoints (listening on every address, advertising <see cref="ClusterSiloOptions.AdvertisedAddress"/>), and the register
    /// matcher's grains on the shared <paramref name="storage"/>.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="options">The silo's settings.</param>
    /// <param name="storage">The storage every silo shares (the folder of <see cref="ClusterSiloOptions.Storage"/>, opened by the host).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ClusterConfigurationException">A setting is wrong; the message names its key.</exception>
    public static ISiloBuilder UseRegisterCluster(this ISiloBuilder silo, ClusterSiloOptions options, IClusterStorage storage)
    {
        Guard.Against.Null(silo);
        Guard.Against.Null(options);
        Guard.Against.Null(storage);
        options.Check();
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgreSqlInvariant;
            o.ConnectionString = options.MembershipDatabase;
        });
        if (options.AdvertisedAddress is { } address)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(address), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }

        return silo.AddRegisterMatching(storage);
    }

    /// <summary>
    /// Makes the client connect to a register cluster: its cluster and service names, and the silos' gateways found in the
    /// membership table of Orleans' ADO.NET clustering on PostgreSQL.
    /// </summary>
    /// <param name="client">The client builder.</param>
    /// <param name="options">The client's settings.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ClusterConfigurationException">A setting is wrong; the message names its key.</exception>
    public static IClientBuilder UseRegisterCluster(this IClientBuilder client, ClusterClientOptions options)
    {
        Guard.Against.Null(client);
        Guard.Against.Null(options);
        options.Check();
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        return client.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgreSqlInvariant;
            o.ConnectionString = options.MembershipDatabase;
        });
    }
}
