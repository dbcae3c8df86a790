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
    public async Task LinkAsync_LookalikesOnOtherShards_EqualTheWholeRegistersIndex()
    {
        // Groups of people sharing a person's folded name, birth year and sex, all on other shards than the person's: the
        // shards decide with the whole register's counts, as one index does.
        var world = World.Generate(13, 1_500, 4, twins: 20, lookalikeGroups: 40, lookalikesPerGroup: 12);
        // Eight strangers per register lookalike: the thirteen people of a group then outweigh a commune that agrees (about
        // 11 bits beyond the name, year and sex), while the person alone, as its own shard would count, does not.
        var options = new RegisterMatchOptions { UnregisteredShare = 8 };
        var snapshot = RegisterSnapshot.Write(world.Register, 4, fixture.Storage, "lookalikes", options);
        var whole = RegisterIndex.Build(world.Register.Select(p => p.ToRecord()), options);
        var linker = new ClusterLinker(fixture.Cluster.Client, snapshot);

        var actual = new List<RecordLink>();
        foreach (var chunk in world.Records.Chunk(1_000))
        {
            actual.AddRange(await linker.LinkAsync(chunk));
        }

        Assert.Equal(world.Records.Select(r => World.Row(whole.Link(r.ToRecord()))), actual.Select(World.Row));
        Assert.Contains(actual, l => l.AmbiguityReason == AmbiguityReason.Lookalikes);
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
