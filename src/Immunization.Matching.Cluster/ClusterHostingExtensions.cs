using Ardalis.GuardClauses;
using Microsoft.Extensions.DependencyInjection;

namespace Immunization.Matching.Cluster;

/// <summary>Adds the register matcher's grains' services to a silo.</summary>
public static class ClusterHostingExtensions
{
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
}
