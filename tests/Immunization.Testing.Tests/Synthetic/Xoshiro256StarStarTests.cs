using FsCheck;
using FsCheck.Fluent;
using Immunization.Testing.Synthetic;

namespace Immunization.Testing.Tests.Synthetic;

public sealed class Xoshiro256StarStarTests
{
    [Fact]
    public void SplitMix64_FromZero_ReferenceOutputs()
    {
        // First outputs of Vigna's reference splitmix64.c from state 0.
        var state = 0UL;

        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64.Next(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, SplitMix64.Next(ref state));
        Assert.Equal(0x06C45D188009454FUL, SplitMix64.Next(ref state));
    }

    [Fact]
    public void NextUInt64_FromSplitMixState_ReferenceOutput()
    {
        // xoshiro256** with s = splitmix64(0) x 4; its first output is rotl(s1 * 5, 7) * 9, computed independently here.
        var rng = new Xoshiro256StarStar(0);
        const ulong s1 = 0x6E789E6AA1B965F4UL;
        var expected = unchecked(((s1 * 5) << 7 | (s1 * 5) >> 57) * 9);

        Assert.Equal(expected, rng.NextUInt64());
    }

    [FsCheck.Xunit.Property]
    public Property Next_StaysBelowBound() => Prop.ForAll(
        Gen.Choose(1, int.MaxValue).Zip(Gen.Choose(0, int.MaxValue)).ToArbitrary(),
        x =>
        {
            var rng = new Xoshiro256StarStar((ulong)x.Item2);
            for (var i = 0; i < 20; i++)
            {
                var n = rng.Next(x.Item1);
                if (n < 0 || n >= x.Item1)
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void Next_SmallBound_Uniform()
    {
        var rng = new Xoshiro256StarStar(11);
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++)
        {
            counts[rng.Next(6)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void NextDouble_InUnitInterval()
    {
        var rng = new Xoshiro256StarStar(3);
        var sum = 0.0;
        for (var i = 0; i < 100_000; i++)
        {
            var d = rng.NextDouble();
            Assert.InRange(d, 0.0, 0.9999999999999999);
            sum += d;
        }

        Assert.InRange(sum / 100_000, 0.495, 0.505);
    }

    [Fact]
    public void WeightedTable_DrawsInProportion()
    {
        var table = new WeightedTable([1, 0, 3]);
        var rng = new Xoshiro256StarStar(5);
        var counts = new int[3];
        for (var i = 0; i < 40_000; i++)
        {
            counts[table.Next(ref rng)]++;
        }

        Assert.Equal(0, counts[1]);
        Assert.InRange(counts[0], 9_500, 10_500);
        Assert.Equal(0.25, table.Probability(0), 9);
    }

    [Fact]
    public void WeightedTable_BadWeights_Refused()
    {
        Assert.Throws<ArgumentException>(() => new WeightedTable([]));
        Assert.Throws<ArgumentException>(() => new WeightedTable([0, 0]));
        Assert.Throws<ArgumentException>(() => new WeightedTable([1, -1]));
        Assert.Throws<ArgumentException>(() => new WeightedTable([1, double.NaN]));
    }
}
