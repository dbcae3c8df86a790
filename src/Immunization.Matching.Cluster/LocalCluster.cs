using System.Net;
using System.Net.Sockets;
using Ardalis.GuardClauses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Immunization.Matching.Cluster;

/// <summary>
/// An Orleans cluster of several silos in this process, talking over loopback TCP as separate machines would, with a client:
/// to try the cluster on one machine. Production runs one silo per machine with a membership table instead.
/// </summary>
/// <threadsafety>Start and dispose from one thread; <see cref="Client"/> is thread-safe.</threadsafety>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<IHost> _silos;
    private readonly IHost _client;

    private LocalCluster(List<IHost> silos, IHost client)
    {
        _silos = silos;
        _client = client;
        Client = client.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>Gets the client connected to the cluster.</summary>
    public IClusterClient Client { get; }

    /// <summary>Gets the number of silos.</summary>
    public int Silos => _silos.Count;

    /// <summary>Starts <paramref name="silos"/> silos on free loopback ports, all sharing <paramref name="storage"/>, and a client.</summary>
    /// <param name="silos">The number of silos (1 to 64).</param>
    /// <param name="storage">The storage of the register's shard files and the jobs.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running cluster.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="storage"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="silos"/> is out of range.</exception>
    public static async Task<LocalCluster> StartAsync(int silos, IClusterStorage storage, CancellationToken cancellationToken = default)
    {
        Guard.Against.OutOfRange(silos, nameof(silos), 1, 64);
        Guard.Against.Null(storage);
        var ports = FreePorts(2 * silos);
        var clusterId = "immunization-local-" + Guid.NewGuid().ToString("N")[..8];
        const string serviceId = "immunization";
        var primary = new IPEndPoint(IPAddress.Loopback, ports[0]);
        var hosts = new List<IHost>();
        try
        {
            for (var i = 0; i < silos; i++)
            {
                var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
                var siloPort = ports[2 * i];
                var gatewayPort = ports[(2 * i) + 1];
                builder.UseOrleans(silo => silo
                    .UseLocalhostClustering(siloPort, gatewayPort, primary, serviceId, clusterId)
                    .AddRegisterMatching(storage));
                var host = builder.Build();
                hosts.Add(host);
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            var clientBuilder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            var gateways = Enumerable.Range(0, silos).Select(i => ports[(2 * i) + 1]).ToArray();
            clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering(gateways, serviceId, clusterId));
            var clientHost = clientBuilder.Build();
            await clientHost.StartAsync(cancellationToken).ConfigureAwait(false);
            return new LocalCluster(hosts, clientHost);
        }
        catch
        {
            foreach (var host in hosts)
            {
                host.Dispose();
            }

            throw;
        }
    }

    /// <summary>Stops the client and the silos.</summary>
    /// <returns>A task that completes when all have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _client.StopAsync().ConfigureAwait(false);
        _client.Dispose();
        for (var i = _silos.Count - 1; i >= 0; i--)
        {
            await _silos[i].StopAsync().ConfigureAwait(false);
            _silos[i].Dispose();
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = new TcpListener[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                listeners[i] = new TcpListener(IPAddress.Loopback, 0);
                listeners[i].Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener?.Stop();
            }
        }
    }
}
