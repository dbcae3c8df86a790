using Immunization.Matching.Deduplication;

namespace Immunization.Matching.Tests.Deduplication;

public sealed class UnionFindTests
{
    [Fact]
    public void TryUnion_NoGuard_JoinsTransitively()
    {
        var sets = new UnionFind(4, null);

        Assert.True(sets.TryUnion(0, 1));
        Assert.True(sets.TryUnion(1, 2));

        Assert.Equal(sets.Find(0), sets.Find(2));
        Assert.NotEqual(sets.Find(0), sets.Find(3));
    }

    [Fact]
    public void TryUnion_TwoDifferentExclusiveValues_IsRefusedEvenThroughAChain()
    {
        // Records 0 and 2 hold different identity numbers; record 1 holds none and links to both.
        var sets = new UnionFind(3, [7, -1, 9]);

        Assert.True(sets.TryUnion(0, 1));
        Assert.False(sets.TryUnion(1, 2));

        Assert.NotEqual(sets.Find(0), sets.Find(2));
    }

    [Fact]
    public void TryUnion_SameExclusiveValue_Joins()
    {
        var sets = new UnionFind(3, [7, -1, 7]);

        Assert.True(sets.TryUnion(0, 1));
        Assert.True(sets.TryUnion(1, 2));
        Assert.Equal(sets.Find(0), sets.Find(2));
    }

    [Fact]
    public void TryUnion_CloseValues_JoinsButNeverChainsToAFarValue()
    {
        // Values 1 and 2 are close (a typo), 2 and 3 are close, 1 and 3 are not: 3 may not join the cluster of 1 and 2.
        static bool Close(int x, int y) => Math.Abs(x - y) == 1;
        var sets = new UnionFind(3, [1, 2, 3], Close);

        Assert.True(sets.TryUnion(0, 1));
        Assert.False(sets.TryUnion(1, 2));

        Assert.Equal(sets.Find(0), sets.Find(1));
        Assert.NotEqual(sets.Find(0), sets.Find(2));
    }

    [Fact]
    public void TryUnion_FarValuesWithCloseness_Refused()
    {
        var sets = new UnionFind(2, [1, 5], (x, y) => Math.Abs(x - y) == 1);

        Assert.False(sets.TryUnion(0, 1));
    }
}
