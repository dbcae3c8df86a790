using System.Text;
using Microsoft.Extensions.Hosting;

namespace Immunization.Matching.Cluster.Tests;

/// <summary>The silo's and the client's settings read from JSON: defaults, the sample files, and errors that name the key.</summary>
public sealed class ClusterOptionsTests
{
    private const string Database = "Host=127.0.0.1;Port=5432;Database=orleans;Username=orleans;Password=s3cret-pw";

    [Fact]
    public void FromJson_SiloWithRequiredKeysOnly_TakesTheDefaults()
    {
        var options = ClusterSiloOptions.FromJson(Json($$"""{ "clusterId": "c1", "membershipDatabase": "{{Database}}", "storage": "/srv/x" }"""));

        Assert.Equal(new ClusterSiloOptions { ClusterId = "c1", MembershipDatabase = Database, Storage = "/srv/x" }, options);
        Assert.Equal((11111, 30000, "immunization", null), (options.SiloPort, options.GatewayPort, options.ServiceId, options.AdvertisedAddress));
    }

    [Fact]
    public void FromJson_SampleFiles_ReadAndAgreeOnTheCluster()
    {
        var folder = Path.Combine(RepositoryRoot(), "samples", "cluster");
        var silos = new[] { "silo-1.json", "silo-2.json" }.Select(f => ClusterSiloOptions.FromJson(File.OpenRead(Path.Combine(folder, f)))).ToArray();
        var client = ClusterClientOptions.FromJson(File.OpenRead(Path.Combine(folder, "client.json")));

        Assert.All(silos, s => Assert.Equal((client.ClusterId, client.ServiceId, client.MembershipDatabase, client.Storage),
            (s.ClusterId, s.ServiceId, s.MembershipDatabase, s.Storage)));
        // Two silos on one machine need four different ports.
        Assert.Equal(4, silos.SelectMany(s => new[] { s.SiloPort, s.GatewayPort }).Distinct().Count());
    }

    [Theory]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "#DB#", "storage": "/s", "siloPort": 70000 }""", "siloPort")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "#DB#", "storage": "/s", "gatewayPort": 11111 }""", "gatewayPort")]
    [InlineData("""{ "membershipDatabase": "#DB#", "storage": "/s" }""", "clusterId")]
    [InlineData("""{ "clusterId": "c 1", "membershipDatabase": "#DB#", "storage": "/s" }""", "clusterId")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "#DB#" }""", "storage")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "#DB#", "storage": "/s", "advertisedAddress": "silo.example" }""", "advertisedAddress")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "#DB#", "storage": "/s", "siloport": 1 }""", "siloport")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "#DB#", "storage": "/s", "siloPort": "11111" }""", "siloPort")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "Database=x;Password=s3cret-pw", "storage": "/s" }""", "membershipDatabase")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "Host=x;Password='s3cret-pw", "storage": "/s" }""", "membershipDatabase")]
    public void FromJson_SiloSettingWrong_NamesTheKeyAndNeverThePassword(string json, string key)
    {
        var e = Assert.Throws<ClusterConfigurationException>(() => ClusterSiloOptions.FromJson(Json(json.Replace("#DB#", Database, StringComparison.Ordinal))));

        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "#DB#", "storage": "/s" }""", "snapshot")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "#DB#", "storage": "/s", "snapshot": "a/b" }""", "snapshot")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "#DB#", "storage": "/s", "snapshot": "r1", "chunkSize": 0 }""", "chunkSize")]
    [InlineData("""{ "clusterId": "c1", "membershipDatabase": "#DB#", "storage": "/s", "snapshot": "r1", "siloPort": 1 }""", "siloPort")]
    public void FromJson_ClientSettingWrong_NamesTheKey(string json, string key)
    {
        var e = Assert.Throws<ClusterConfigurationException>(() => ClusterClientOptions.FromJson(Json(json.Replace("#DB#", Database, StringComparison.Ordinal))));

        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseRegisterCluster_OptionsWrongInCode_IsRefusedBeforeTheSiloStarts()
    {
        var options = new ClusterClientOptions { ClusterId = "c1", MembershipDatabase = Database, Storage = "/s", Snapshot = "r1", ChunkSize = -1 };
        var builder = new HostApplicationBuilder();

        var e = Assert.Throws<ClusterConfigurationException>(() => builder.UseOrleansClient(c => c.UseRegisterCluster(options)));

        Assert.Contains("chunkSize", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSqlScript_Embedded_CarriesOrleansLicenceAndCreatesTheMembershipTables()
    {
        var script = ClusterDatabase.PostgreSqlScript;

        Assert.Contains("MIT License", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE OrleansQuery", script, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("CREATE TABLE OrleansMembershipTable", script, StringComparison.OrdinalIgnoreCase);
        Assert.True(script.IndexOf("CREATE TABLE OrleansQuery", StringComparison.OrdinalIgnoreCase)
            < script.IndexOf("INSERT INTO OrleansQuery", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Load_SnapshotSavedWithAShardMissing_IsRefusedNamingTheShard()
    {
        var storage = new Support.MemoryStorage();
        var info = new RegisterSnapshotInfo("r1", 2, 10);
        storage.Write(info.ShardName(0), s => s.WriteByte(1));
        info.Save(storage);

        var e = Assert.Throws<InvalidDataException>(() => RegisterSnapshotInfo.Load(storage, "r1"));

        Assert.Contains("shard file 1 of 2", e.Message, StringComparison.Ordinal);
        Assert.Null(RegisterSnapshotInfo.Load(storage, "r2"));
    }

    private static MemoryStream Json(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "Immunization.sln")))
        {
            folder = Path.GetDirectoryName(folder) ?? throw new InvalidOperationException("The repository's root is not above the tests.");
        }

        return folder;
    }
}
