using Immunization.Core.Records;
using Immunization.Matching.Cluster.Tests.Support;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Cluster.Tests;

/// <summary>Links through a 3-silo cluster equal the links of one index over the whole register.</summary>
public sealed class ClusterLinkerTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData(7UL, 6)]
    [InlineData(23UL, 4)]
    public async Task LinkAsync_Batches_EqualTheWholeRegistersIndex(ulong seed, int shardCount)
    {
        var world = World.Generate(seed, 2_000, shardCount);
        var snapshot = RegisterSnapshot.Write(world.Register, shardCount, fixture.Storage, $"linker-{seed}");
        var whole = RegisterIndex.Build(world.Register.Select(p => p.ToRecord()));
        var linker = new ClusterLinker(fixture.Cluster.Client, snapshot);

        var actual = new List<RecordLink>();
        foreach (var chunk in world.Records.Chunk(700))
        {
            actual.AddRange(await linker.LinkAsync(chunk));
        }

        var expected = world.Records.Select(r => World.Row(whole.Link(r.ToRecord()))).ToArray();
        Assert.Equal(expected, actual.Select(World.Row));
        Assert.Contains(actual, l => l.AmbiguityReason == AmbiguityReason.Tie && l.RunnerUpPersonId!.Contains("-twin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkAsync_OneRecord_EqualsTheWholeRegistersIndex()
    {
        var world = World.Generate(31, 1_000, 3);
        var snapshot = RegisterSnapshot.Write(world.Register, 3, fixture.Storage, "single");
        var whole = RegisterIndex.Build(world.Register.Select(p => p.ToRecord()));
        var linker = new ClusterLinker(fixture.Cluster.Client, snapshot);

        foreach (var record in world.Records.Take(40))
        {
            var link = await linker.LinkAsync(record);

            Assert.Equal(World.Row(whole.Link(record.ToRecord())), World.Row(link));
        }
    }
}
