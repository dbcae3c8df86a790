using FsCheck;
using FsCheck.Fluent;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Tests.Comparators;

public sealed class IdentityKeysTests
{
    // The text the sorted-syllable token was built from before it was written into a buffer.
    private static string SortedByStrings(string name)
    {
        var syllables = name.Split(' ');
        Array.Sort(syllables, StringComparer.Ordinal);
        return "\u0002" + string.Join(' ', syllables);
    }

    private static string Sorted(string name) => IdentityKeys.SortedSyllables(name, new char[name.Length + 1]).ToString();

    [Theory]
    [InlineData("nguyen van an")]
    [InlineData("an nguyen van")]
    [InlineData("le a")]
    [InlineData("b a")]
    [InlineData("ab a")]
    [InlineData("a  b")]
    [InlineData(" a b ")]
    [InlineData("nguyen")]
    [InlineData("ton nu thi hong hanh")]
    public void SortedSyllables_Name_IsTheSortedJoinedSyllables(string name) =>
        Assert.Equal(SortedByStrings(name), Sorted(name));

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property SortedSyllables_AnyLettersAndSpaces_EqualsSplitSortJoin() =>
        Prop.ForAll(Gen.Elements('a', 'b', 'c', 'y', ' ', 'đ', 'ơ').ArrayOf().Select(chars => new string(chars)).ToArbitrary(),
            name => (Sorted(name) == SortedByStrings(name)).Label($"'{name}'"));

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property SortedSyllables_AnyOrderOfTheSyllables_GivesTheSameText() =>
        Prop.ForAll(Gen.Elements("nguyen", "thi", "van", "an", "anh", "a", "b").ArrayOf().Where(s => s.Length > 0).ToArbitrary(),
            syllables =>
            {
                var reversed = syllables.Reverse().ToArray();
                return Sorted(string.Join(' ', syllables)) == Sorted(string.Join(' ', reversed));
            });

    [Fact]
    public void SortedSyllables_ManySyllables_SortsBeyondTheStackBuffer()
    {
        var syllables = Enumerable.Range(0, 40).Select(i => ((char)('z' - (i % 26))).ToString() + i).ToArray();
        var name = string.Join(' ', syllables);

        Assert.Equal(SortedByStrings(name), Sorted(name));
    }
}
