using Immunization.Core.Records;
using Immunization.Matching.Cluster.Tests.Support;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Cluster.Tests;

/// <summary>
/// The shard hook without a cluster: shard files written and read back, every shard probed, the probes merged and the best
/// candidate's shard deciding give what one index over the whole register gives, record for record.
/// </summary>
public sealed class ShardMergeTests
{
    [Theory]
    [InlineData(3UL, 3, 2_000)]
    [InlineData(17UL, 5, 2_000)]
    [InlineData(29UL, 3, 3)]
    [InlineData(41UL, 7, 4)]
    public void Link_ThroughShards_EqualsTheWholeRegistersIndex(ulong seed, int shardCount, int maxBlockSize)
    {
        var world = World.Generate(seed, 2_500, shardCount);
        var options = new RegisterMatchOptions { MaxBlockSize = maxBlockSize };
        var storage = new MemoryStorage();
        var snapshot = RegisterSnapshot.Write(world.Register, shardCount, storage, "s", options);
        var shards = Enumerable.Range(0, shardCount)
            .Select(s => ShardFile.Read(storage.OpenRead(snapshot.ShardName(s))!, s, shardCount)).ToArray();
        var whole = RegisterIndex.Build(world.Register.Select(p => p.ToRecord()), options);

        var differing = new List<string>();
        var skipped = 0;
        var ambiguous = 0;
        foreach (var text in world.Records)
        {
            var record = text.ToRecord();
            var expected = whole.Link(record);
            var actual = LinkThroughShards(shards, record);
            skipped += expected.SkippedBlocks;
            ambiguous += expected.RunnerUpPersonId is not null ? 1 : 0;
            if (World.Row(expected) != World.Row(actual) && differing.Count < 5)
            {
                differing.Add($"{text.Id}:\n  whole  {World.Row(expected)}\n  shards {World.Row(actual)}");
            }
        }

        Assert.True(differing.Count == 0, string.Join('\n', differing));
        Assert.Equal(world.Register.Count, shards.Sum(s => s.Count));
        // The data reach what the shards must get right: ties across shards, and (with a small block limit) skipped blocks.
        Assert.True(ambiguous > 50, $"{ambiguous} ties");
        Assert.True(maxBlockSize > 100 || skipped > 0, "no block was skipped");
    }

    [Theory]
    [InlineData(11UL, 3)]
    [InlineData(37UL, 5)]
    public void Link_ThroughShardsWithLookalikesOnOtherShards_EqualsTheWholeRegistersIndex(ulong seed, int shardCount)
    {
        // Each lookalike group lives on other shards than its person: a shard that counted only its own people would see
        // no lookalikes and link the records that the whole register leaves ambiguous.
        var world = World.Generate(seed, 2_000, shardCount, twins: 20, lookalikeGroups: 60, lookalikesPerGroup: 12);
        // Eight strangers per register lookalike: the thirteen people of a group then outweigh a commune that agrees (about
        // 11 bits beyond the name, year and sex), while the person alone, as its own shard would count, does not.
        var options = new RegisterMatchOptions { UnregisteredShare = 8 };
        var storage = new MemoryStorage();
        var snapshot = RegisterSnapshot.Write(world.Register, shardCount, storage, "s", options);
        var shards = Enumerable.Range(0, shardCount)
            .Select(s => ShardFile.Read(storage.OpenRead(snapshot.ShardName(s))!, s, shardCount)).ToArray();
        var whole = RegisterIndex.Build(world.Register.Select(p => p.ToRecord()), options);

        var differing = new List<string>();
        var lookalikes = 0;
        foreach (var text in world.Records)
        {
            var record = text.ToRecord();
            var expected = whole.Link(record);
            var actual = LinkThroughShards(shards, record);
            lookalikes += expected.AmbiguityReason == AmbiguityReason.Lookalikes ? 1 : 0;
            if (World.Row(expected) != World.Row(actual) && differing.Count < 5)
            {
                differing.Add($"{text.Id}:\n  whole  {World.Row(expected)}\n  shards {World.Row(actual)}");
            }
        }

        Assert.True(differing.Count == 0, string.Join('\n', differing));
        Assert.True(lookalikes >= 10, $"{lookalikes} records ambiguous for lookalikes");
        // The shards hold the whole register's counts: a group's person sees all of them, none on the person's own shard.
        var looked = world.Records.Where(r => r.Id.EndsWith("-look", StringComparison.Ordinal)).Select(r => r.Id[2..^5]).ToHashSet();
        foreach (var (shard, s) in shards.Select((shard, s) => (shard, s)))
        {
            for (var i = 0; i < shard.Count; i++)
            {
                if (looked.Contains(shard.PersonId(i)))
                {
                    Assert.True(shard.LookalikesOf(i) > 12, $"shard {s} counts {shard.LookalikesOf(i)} lookalikes of a group of 13 or more");
                }
            }
        }
    }

    [Fact]
    public void Read_FileOfAnotherShard_IsRefused()
    {
        var world = World.Generate(5, 300, 2, twins: 0);
        var storage = new MemoryStorage();
        var snapshot = RegisterSnapshot.Write(world.Register, 2, storage, "s");

        var error = Assert.Throws<InvalidDataException>(() => ShardFile.Read(storage.OpenRead(snapshot.ShardName(0))!, 1, 2));

        Assert.Contains("not shard 1 of 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile_IsRefusedAsCutShort()
    {
        var world = World.Generate(5, 300, 2, twins: 0);
        var storage = new MemoryStorage();
        var snapshot = RegisterSnapshot.Write(world.Register, 2, storage, "s");
        using var whole = new MemoryStream();
        storage.OpenRead(snapshot.ShardName(0))!.CopyTo(whole);

        var cut = new MemoryStream(whole.ToArray()[..(int)(whole.Length / 2)]);

        Assert.Throws<InvalidDataException>(() => ShardFile.Read(cut, 0, 2));
    }

    /// <summary>What the router does for one record, without the cluster.</summary>
    internal static RecordLink LinkThroughShards(RegisterIndex[] shards, Comparators.Vietnamese.IdentityRecord record)
    {
        var merge = RegisterIndex.Merge(record, [.. shards.Select(s => s.Probe(record))]);
        if (!record.IsVietnameseCitizen)
        {
            return new RecordLink(new RecordVerification(record.Id, null, VerificationOutcome.NotApplicable, [], double.NaN), -1, double.NaN, []);
        }

        if (merge.Shard < 0)
        {
            return new RecordLink(new RecordVerification(record.Id, null, VerificationOutcome.NotFound, [], double.NaN), -1, double.NaN, [], skippedBlocks: merge.SkippedBlocks);
        }

        return shards[merge.Shard].DecideShard(record, merge.Best.Index, merge.RunnerUp?.Weight ?? double.NaN, merge.RunnerUp?.Person,
            merge.SkippedBlocks);
    }
}
