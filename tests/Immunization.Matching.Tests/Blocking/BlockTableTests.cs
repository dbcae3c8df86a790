using FsCheck;
using FsCheck.Fluent;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Blocking;

public sealed class BlockTableTests
{
    [Fact]
    public void Find_SingleAndSharedKeys_ReturnsEachKeysRecordsAndNothingForOthers()
    {
        long[] keys = [7, 0, -3, 7, long.MaxValue, 7, long.MinValue];
        int[] members = [10, 11, 12, 13, 14, 15, 16];

        var keysOf = keys.Zip(members).ToLookup(p => p.Second, p => p.First);

        var table = new BlockTable(keys, members, keys.Length);

        Assert.Equal(new[] { 10, 13, 15 }, Find(table, 7, keysOf).Order());
        Assert.Equal([11], Find(table, 0, keysOf));
        Assert.Equal([12], Find(table, -3, keysOf));
        Assert.Equal([14], Find(table, long.MaxValue, keysOf));
        Assert.Equal([16], Find(table, long.MinValue, keysOf));
        Assert.Empty(Find(table, 8, keysOf));
    }

    [Fact]
    public void RecordsBelow_CountAboveOrAtTheLargestRecord_TrueOnlyAbove()
    {
        long[] keys = [7, 0, 7, 9];
        int[] members = [10, 11, 16, 12]; // 16 is in the run of key 7, 12 the only record of key 9

        var table = new BlockTable(keys, members, keys.Length);

        Assert.True(table.RecordsBelow(17));
        Assert.False(table.RecordsBelow(16));
        Assert.False(table.RecordsBelow(12));
    }

    // The records of a key come back exactly as a sort of the pairs by key leaves them (the candidates' order, and so the
    // linker's output, does not depend on the table's layout); absent keys find nothing. Few distinct keys force long runs
    // and probe chains; many force single-record slots.
    [FsCheck.Xunit.Property]
    public Property Find_AnyPairs_ReturnsTheRunOfTheSortedPairs() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Zip(Gen.OneOf(Gen.Choose(-20, 20).Select(k => (long)k), ArbMap.Default.GeneratorFor<long>()), Gen.Choose(0, 1000)))
                .ToArbitrary(),
            pairs =>
            {
                var keys = pairs.Select(p => p.Item1).ToArray();
                var members = pairs.Select(p => p.Item2).ToArray();
                var sortedKeys = (long[])keys.Clone();
                var sortedMembers = (int[])members.Clone();
                Array.Sort(sortedKeys, sortedMembers);

                var keysOf = keys.Zip(members).ToLookup(p => p.Second, p => p.First);
                var table = new BlockTable(keys, members, keys.Length);

                var expected = sortedKeys.Select((k, i) => (k, sortedMembers[i])).GroupBy(p => p.k);
                return expected.All(g => Find(table, g.Key, keysOf).SequenceEqual(g.Select(p => p.Item2).ToArray()))
                    && Enumerable.Range(-25, 50).Where(k => !sortedKeys.Contains(k)).All(k => Find(table, k, keysOf).Length == 0);
            });

    [Fact]
    public void Find_KeysSharingTheirFingerprint_ReturnsTheKeysOwnBlockAmongBlocksOfThatFingerprintOnly()
    {
        // Twelve keys with the same low 32 bits (the slots' fingerprint), some with two records, and keys of other fingerprints.
        var pairs = new List<(long Key, int Member)>();
        for (var i = 1; i <= 12; i++)
        {
            pairs.Add(((long)i << 32 | 5, i * 10));
            if (i % 3 == 0)
            {
                pairs.Add(((long)i << 32 | 5, (i * 10) + 1));
            }

            pairs.Add((i * 1_000_003L, 1000 + i));
        }

        var table = new BlockTable([.. pairs.Select(p => p.Key)], [.. pairs.Select(p => p.Member)], pairs.Count);
        var blocks = pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.Member).Order().ToArray());

        foreach (var key in blocks.Keys.Append(99L << 32 | 5))
        {
            var found = new List<int[]>();
            var cursor = -1;
            for (var members = table.Find(key, ref cursor); !members.IsEmpty; members = table.Find(key, ref cursor))
            {
                found.Add([.. members.ToArray().Order()]);
            }

            var sameFingerprint = blocks.Where(b => (int)b.Key == (int)key).Select(b => b.Value).ToList();
            Assert.All(found, f => Assert.Contains(sameFingerprint, s => s.SequenceEqual(f)));
            Assert.Equal(blocks.ContainsKey(key), found.Any(f => f.SequenceEqual(blocks.GetValueOrDefault(key, []))));
        }
    }

    // The register index's search: the next block of the key's fingerprint whose first record has the key among its own.
    private static int[] Find(BlockTable table, long key, ILookup<int, long> keysOf)
    {
        var cursor = -1;
        while (true)
        {
            var members = table.Find(key, ref cursor);
            if (members.IsEmpty || keysOf[members[0]].Contains(key))
            {
                return members.ToArray();
            }
        }
    }
}
