using FsCheck;
using FsCheck.Fluent;
using Immunization.Matching.Comparators;
using Immunization.Matching.Tests.Support;

namespace Immunization.Matching.Tests.Comparators;

public sealed class DamerauLevenshteinTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("0123456", "0123465", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("19560409", "19560490", 1)]
    public void Distance_KnownPairs_ReturnsOsaDistance(string a, string b, int expected)
    {
        Assert.Equal(expected, DamerauLevenshtein.Distance(a, b));
    }

    [Fact]
    public void Distance_BeyondCutOff_ReturnsCutOffPlusOne()
    {
        Assert.Equal(3, DamerauLevenshtein.Distance("1804974", "6089216", 2));
    }

    [Fact]
    public void Distance_NegativeCutOff_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DamerauLevenshtein.Distance("a", "b", -1));
    }

    [Fact]
    public void Distance_LongStrings_UsePooledRowsAndStayExact()
    {
        var a = new string('a', 300) + "xy";
        var b = new string('a', 300) + "yx" + "z";
        Assert.Equal(Reference.Osa(a, b), DamerauLevenshtein.Distance(a, b));
    }

    [FsCheck.Xunit.Property]
    public Property Distance_AnyPair_EqualsReference() =>
        Prop.ForAll(Generators.AnyText, Generators.AnyText, (a, b) => DamerauLevenshtein.Distance(a, b) == Reference.Osa(a, b));

    [FsCheck.Xunit.Property]
    public Property Distance_WithCutOff_IsReferenceCappedAtCutOffPlusOne() =>
        Prop.ForAll(Generators.Names, Generators.Names, Gen.Choose(0, 4).ToArbitrary(), (a, b, max) =>
            DamerauLevenshtein.Distance(a, b, max) == Math.Min(Reference.Osa(a, b), max + 1));

    [FsCheck.Xunit.Property]
    public Property Distance_AnyPair_IsSymmetricAndBounded() =>
        Prop.ForAll(Generators.AnyText, Generators.AnyText, (a, b) =>
        {
            var d = DamerauLevenshtein.Distance(a, b);
            return d == DamerauLevenshtein.Distance(b, a) && d >= 0 && d <= Math.Max(a.Length, b.Length) && (d == 0) == (a == b);
        });
}
