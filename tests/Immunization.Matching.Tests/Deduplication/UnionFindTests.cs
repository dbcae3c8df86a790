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
}
