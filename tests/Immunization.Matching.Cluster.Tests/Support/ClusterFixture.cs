using Orleans.TestingHost;

namespace Immunization.Matching.Cluster.Tests.Support;

/// <summary>A 3-silo Orleans cluster in this process (in-memory transport), its silos sharing one <see cref="MemoryStorage"/>.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // Silos are configured by a static delegate: the test cluster builds them from their own service collections.
    private static readonly MemoryStorage s_storage = new();

    internal MemoryStorage Storage => s_storage;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddRegisterMatching(s_storage));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
