using Immunization.Matching.Cluster.Tests.Support;
using Immunization.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Immunization.Matching.Cluster.Tests;

/// <summary>
/// Production mode end to end: a throw-away PostgreSQL server from the machine's binaries, Orleans' membership tables created
/// by <see cref="ClusterDatabase"/>, two silos (separate hosts over loopback TCP, as two machines) and a client that find each
/// other only through the membership table, and a link job whose links are those of one index over the whole register.
/// </summary>
public sealed class ProductionClusterTests
{
    [Fact]
    public async Task WaitAsync_TwoSilosWithPostgreSqlMembership_WritesTheWholeRegistersLinks()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var postgres = await TemporaryPostgres.StartAsync();
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
        {
            Assert.True(await ClusterDatabase.CreateTablesAsync(connection, cancel));
            // A second run finds them and changes nothing.
            Assert.False(await ClusterDatabase.CreateTablesAsync(connection, cancel));
        }

        var storage = new MemoryStorage();
        var run = JobRun.Prepare(storage, "production", 61, chunkSize: 400);
        run.Spec.Snapshot.Save(storage);
        Assert.Equal(run.Spec.Snapshot, RegisterSnapshotInfo.Load(storage, run.Spec.Snapshot.Id));
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        var ports = LoopbackPorts.Free(4);
        var hosts = new List<IHost>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var silo = new ClusterSiloOptions
                {
                    ClusterId = clusterId,
                    MembershipDatabase = postgres.ConnectionString,
                    Storage = "(memory)",
                    AdvertisedAddress = "127.0.0.1",
                    SiloPort = ports[2 * i],
                    GatewayPort = ports[(2 * i) + 1],
                };
                var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
                builder.UseOrleans(s => s.UseRegisterCluster(silo, storage));
                var host = builder.Build();
                hosts.Add(host);
                await host.StartAsync(cancel);
            }

            var clientBuilder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            var options = new ClusterClientOptions
            {
                ClusterId = clusterId,
                MembershipDatabase = postgres.ConnectionString,
                Storage = "(memory)",
                Snapshot = run.Spec.Snapshot.Id,
            };
            clientBuilder.UseOrleansClient(c => c.UseRegisterCluster(options));
            var clientHost = clientBuilder.Build();
            hosts.Add(clientHost);
            await clientHost.StartAsync(cancel);
            var client = clientHost.Services.GetRequiredService<IClusterClient>();

            await LinkJob.StartAsync(client, run.Spec);
            var status = await LinkJob.WaitAsync(client, run.Spec, TimeSpan.FromMilliseconds(100), cancel);

            Assert.True(status.Finished);
            Assert.Equal(run.Expected, LinkJob.ReadLinks(storage, run.Spec).Select(World.Row));
            // Both silos joined through the membership table and are active in it (status 3: Active).
            Assert.Equal(2, await ActiveSilosAsync(postgres.ConnectionString, clusterId, cancel));
        }
        finally
        {
            for (var i = hosts.Count - 1; i >= 0; i--)
            {
                await hosts[i].StopAsync(CancellationToken.None);
                hosts[i].Dispose();
            }
        }
    }

    private static async Task<long> ActiveSilosAsync(string connectionString, string clusterId, CancellationToken cancel)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancel);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @id AND status = 3", connection);
        command.Parameters.AddWithValue("id", clusterId);
        return (long)(await command.ExecuteScalarAsync(cancel))!;
    }
}
