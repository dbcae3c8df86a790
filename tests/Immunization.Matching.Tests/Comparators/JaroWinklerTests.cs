using FsCheck;
using FsCheck.Fluent;
using Immunization.Matching.Comparators;
using Immunization.Matching.Tests.Support;

namespace Immunization.Matching.Tests.Comparators;

public sealed class JaroWinklerTests
{
    [Theory]
    [InlineData("martha", "marhta", 0.9611)]
    [InlineData("dwayne", "duane", 0.84)]
    [InlineData("dixon", "dicksonx", 0.8133)]
    [InlineData("jellyfish", "smellyfish", 0.8963)]
    [InlineData("abc", "xyz", 0.0)]
    public void Similarity_TextbookPairs_MatchPublishedValues(string a, string b, double expected)
    {
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 4);
    }

    [Fact]
    public void Similarity_IdenticalStrings_IsOne()
    {
        Assert.Equal(1.0, JaroWinkler.Similarity("nguyen thi minh anh", "nguyen thi minh anh"));
    }

    [Fact]
    public void Similarity_EmptyAgainstNonEmpty_IsZero()
    {
        Assert.Equal(0.0, JaroWinkler.Similarity("", "anh"));
        Assert.Equal(1.0, JaroWinkler.Similarity("", ""));
    }

    [Fact]
    public void Similarity_BitParallelPath_AgreesWithReferenceOnFebrlLikeNames()
    {
        var random = new Random(23768213);
        const string Alphabet = "abcdeghiklmnorstuy";
        for (var n = 0; n < 20_000; n++)
        {
            var a = RandomWord(random, Alphabet, 1 + random.Next(20));
            var b = random.Next(2) == 0 ? Mutate(random, a, Alphabet) : RandomWord(random, Alphabet, 1 + random.Next(20));
            var (x, y) = Reference.Canonical(a, b);
            Assert.Equal(Reference.JaroWinkler(x, y), JaroWinkler.Similarity(a, b), 12);
        }
    }

    [FsCheck.Xunit.Property]
    public Property Similarity_AnyPair_IsSymmetric() =>
        Prop.ForAll(Generators.AnyText, Generators.AnyText, (a, b) => JaroWinkler.Similarity(a, b) == JaroWinkler.Similarity(b, a));

    [FsCheck.Xunit.Property]
    public Property Similarity_AnyPair_IsBetweenZeroAndOne() =>
        Prop.ForAll(Generators.AnyText, Generators.AnyText, (a, b) =>
        {
            var s = JaroWinkler.Similarity(a, b);
            return s is >= 0.0 and <= 1.0;
        });

    [FsCheck.Xunit.Property]
    public Property Similarity_ScanPath_AgreesWithReference() =>
        Prop.ForAll(Generators.AnyText, Generators.AnyText, (a, b) =>
        {
            var (x, y) = Reference.Canonical(a, b);
            return Math.Abs(Reference.JaroWinkler(x, y) - JaroWinkler.Similarity(a, b)) < 1e-12;
        });

    [FsCheck.Xunit.Property]
    public Property Similarity_StringWithItself_IsOne() =>
        Prop.ForAll(Generators.Names, a => JaroWinkler.Similarity(a, a) == 1.0);

    private static string RandomWord(Random random, string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static string Mutate(Random random, string word, string alphabet)
    {
        var chars = word.ToList();
        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits && chars.Count > 1; e++)
        {
            var i = random.Next(chars.Count - 1);
            switch (random.Next(4))
            {
                case 0: chars[i] = alphabet[random.Next(alphabet.Length)]; break;
                case 1: chars.RemoveAt(i); break;
                case 2: chars.Insert(i, alphabet[random.Next(alphabet.Length)]); break;
                default: (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]); break;
            }
        }

        return new string([.. chars]);
    }
}
