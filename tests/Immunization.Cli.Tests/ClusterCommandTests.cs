using Immunization.Cli.Matching;
using Immunization.Matching.Cluster;
using Immunization.Tests.Shared;
using Microsoft.Extensions.Hosting;

namespace Immunization.Cli.Tests;

/// <summary>
/// Production mode in the tool: <c>cluster init-db</c>, <c>cluster split</c>, <c>silo</c> and <c>link --cluster</c>; errors that
/// name the file and the key; and a link on two silos (PostgreSQL membership) that writes what the single-machine run writes.
/// </summary>
public sealed class ClusterCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cluster-command-tests-" + Guid.NewGuid().ToString("N"));

    public ClusterCommandTests() => Directory.CreateDirectory(Path.Combine(_folder, "storage"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_LinkOnTwoSilosWithPostgreSqlMembership_WritesTheLocalRunsFilesByteForByte()
    {
        await using var postgres = await TemporaryPostgres.StartAsync();
        var client = WriteClient(postgres.ConnectionString);
        var output = new StringWriter();
        Assert.Equal(0, CliApp.Run(["cluster", "init-db", "--config", client], output, new StringWriter()));
        Assert.Contains("created Orleans' membership tables", output.ToString(), StringComparison.Ordinal);
        var data = Path.Combine(_folder, "data");
        Assert.Equal(0, CliApp.Run(["generate", "--people", "1200", "--seed", "5", "--out", data], new StringWriter(), new StringWriter()));
        var register = Path.Combine(data, "register.csv");
        var records = Path.Combine(data, "records.csv");
        Assert.Equal(0, CliApp.Run(["cluster", "split", "--config", client, "--register", register, "--shards", "6"], new StringWriter(), new StringWriter()));
        Assert.Equal(0, CliApp.Run(["link", "--register", register, "--records", records, "--out", Path.Combine(_folder, "local")],
            new StringWriter(), new StringWriter()));

        var silos = new List<IHost>();
        int code;
        var linked = new StringWriter();
        try
        {
            var ports = LoopbackPorts.Free(4);
            for (var i = 0; i < 2; i++)
            {
                var options = ClusterConfigFiles.ReadSilo(WriteSilo(postgres.ConnectionString, i, ports[2 * i], ports[(2 * i) + 1]));
                var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
                builder.UseOrleans(s => s.UseRegisterCluster(options, new DirectoryStorage(options.Storage)));
                var host = builder.Build();
                silos.Add(host);
                await host.StartAsync(TestContext.Current.CancellationToken);
            }

            code = CliApp.Run(["link", "--cluster", client, "--records", records, "--out", Path.Combine(_folder, "cluster")], linked, new StringWriter());
        }
        finally
        {
            for (var i = silos.Count - 1; i >= 0; i--)
            {
                await silos[i].StopAsync(CancellationToken.None);
                silos[i].Dispose();
            }
        }

        Assert.Equal(0, code);
        Assert.Contains("snapshot register-1 (6 shards)", linked.ToString(), StringComparison.Ordinal);
        foreach (var name in (string[])["links.csv", "explanations.csv"])
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "local", name)), File.ReadAllBytes(Path.Combine(_folder, "cluster", name)));
        }

        // The job's copy of the records is gone from the shared folder.
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_folder, "storage", "jobs")));
        // A snapshot is never overwritten.
        var error = new StringWriter();
        Assert.Equal(2, CliApp.Run(["cluster", "split", "--config", client, "--register", register, "--shards", "6"], new StringWriter(), error));
        Assert.Contains("register-1 exists already", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InitDbPrintSql_PrintsOrleansScriptsWithTheirLicence()
    {
        var output = new StringWriter();

        var code = CliApp.Run(["cluster", "init-db", "--print-sql"], output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("MIT License", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE OrleansMembershipTable", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "Host=h;Password=s3cret-pw", "storage": "#S#", "siloPort": 70000 }""", "siloPort")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "Host=h;Password=s3cret-pw", "storage": "#S#", "gatewayport": 1 }""", "gatewayport")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "Password=s3cret-pw", "storage": "#S#" }""", "membershipDatabase")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "Host=h;Password=s3cret-pw", "storage": "#S#/missing" }""", "storage")]
    public void Run_SiloSettingWrong_ExitsWithTwoNamingTheFileAndTheKey(string json, string key)
    {
        var path = Path.Combine(_folder, "silo.json");
        File.WriteAllText(path, json.Replace("#S#", Path.Combine(_folder, "storage"), StringComparison.Ordinal));
        var error = new StringWriter();

        var code = CliApp.Run(["silo", "--config", path], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains(path, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LinkClusterWithRegister_ExitsWithTwoSayingWhy()
    {
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--cluster", "client.json", "--register", "r.csv", "--records", "x.csv", "--out", _folder], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("--cluster links against the snapshot", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LinkClusterSnapshotNotSplit_ExitsWithTwoNamingTheSnapshot()
    {
        var client = WriteClient("Host=127.0.0.1;Port=1;Username=x");
        var records = Path.Combine(_folder, "records.csv");
        File.WriteAllText(records, "record_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,nationality\n");
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--cluster", client, "--records", records, "--out", Path.Combine(_folder, "out")], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("snapshot: no snapshot register-1", error.ToString(), StringComparison.Ordinal);
    }

    private string WriteClient(string database)
    {
        var path = Path.Combine(_folder, "client.json");
        File.WriteAllText(path, $$"""
            {
              // The test's client.
              "clusterId": "cli-test",
              "membershipDatabase": "{{database}}",
              "storage": "{{Path.Combine(_folder, "storage")}}",
              "snapshot": "register-1",
              "chunkSize": 500,
            }
            """);
        return path;
    }

    private string WriteSilo(string database, int silo, int siloPort, int gatewayPort)
    {
        var path = Path.Combine(_folder, $"silo-{silo}.json");
        File.WriteAllText(path, $$"""
            {
              "clusterId": "cli-test",
              "membershipDatabase": "{{database}}",
              "storage": "{{Path.Combine(_folder, "storage")}}",
              "advertisedAddress": "127.0.0.1",
              "siloPort": {{siloPort}},
              "gatewayPort": {{gatewayPort}}
            }
            """);
        return path;
    }
}
