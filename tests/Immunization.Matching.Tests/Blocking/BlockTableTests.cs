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

        var table = new BlockTable(keys, members, keys.Length);

        Assert.Equal(new[] { 10, 13, 15 }, table.Find(7).ToArray().Order());
        Assert.Equal([11], table.Find(0).ToArray());
        Assert.Equal([12], table.Find(-3).ToArray());
        Assert.Equal([14], table.Find(long.MaxValue).ToArray());
        Assert.Equal([16], table.Find(long.MinValue).ToArray());
        Assert.True(table.Find(8).IsEmpty);
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

                var table = new BlockTable(keys, members, keys.Length);

                var expected = sortedKeys.Select((k, i) => (k, sortedMembers[i])).GroupBy(p => p.k);
                return expected.All(g => table.Find(g.Key).SequenceEqual(g.Select(p => p.Item2).ToArray()))
                    && Enumerable.Range(-25, 50).Where(k => !sortedKeys.Contains(k)).All(k => table.Find(k).IsEmpty);
            });
}
