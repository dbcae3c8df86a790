using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Identity;
using Immunization.Testing.Arbitraries;

namespace Immunization.Core.Tests.Identity;

/// <summary>
/// The display form is assembled from syllables normalised one at a time (and cached); it must equal the form computed over
/// the whole text at once, for any text a name may hold.
/// </summary>
public sealed class PersonNameSyllableCacheTests
{
    // Letters (ASCII, precomposed Vietnamese and other Latin, upper and lower), combining marks, white space of several kinds,
    // hyphens and apostrophes: the characters a name may hold, in any order (combining marks after a letter).
    private static readonly char[] s_letters =
    [
        'a', 'o', 'u', 'y', 'e', 'i', 'g', 'q', 'h', 'n', 'A', 'O', 'U', 'Y', 'Q', 'G', 'đ', 'Đ', 'ư', 'ơ', 'Ư', 'ă', 'â', 'ê', 'ô',
        'à', 'á', 'ả', 'ã', 'ạ', 'ờ', 'Ỳ', 'ỹ', 'ệ', 'Ộ', 'ǖ', 'Ÿ', 'ç', 'ß', 'ı', 'İ', 'ǅ',
    ];

    private static readonly char[] s_marks = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031B', '\u0308'];

    private static readonly string[] s_separators = [" ", "  ", "\t", "\u00A0", "-", "'", "\u2003"];

    private static Gen<string> Syllables() =>
        from letters in Gen.Elements(s_letters).ArrayOf().Where(l => l.Length > 0)
        from marks in Gen.Elements(s_marks).ArrayOf()
        from positions in Gen.Choose(0, 100).ArrayOf(marks.Length)
        select Mark(letters, marks, positions);

    // Inserts each mark right after a letter (chosen by position), so that the text is a valid name.
    private static string Mark(char[] letters, char[] marks, int[] positions)
    {
        var text = new List<char>(letters);
        for (var m = 0; m < marks.Length; m++)
        {
            text.Insert((positions[m] % text.Count) + 1, marks[m]);
        }

        return new string([.. text]);
    }

    private static Gen<string> NameTexts() =>
        from count in Gen.Choose(1, 20)
        from syllables in Syllables().ArrayOf(count)
        from separators in Gen.Elements(s_separators).ArrayOf(count + 1)
        select string.Concat(syllables.Select((s, i) => separators[i] + s)) + separators[count];

    [Property(MaxTest = 2000)]
    public Property Parse_AnyLatinText_DisplayFormEqualsWholeTextForm() =>
        Prop.ForAll(NameTexts().ToArbitrary(), text =>
        {
            if (!PersonName.TryParse(text, out var name))
            {
                return true.Label("not a name");
            }

            var whole = PersonName.DisplayFormWholeText(text.AsSpan().Trim());
            var again = PersonName.Parse(text);
            return (name.DisplayName == whole && again.DisplayName == whole
                && name.TonedKey == whole.ToLowerInvariant() && again.MatchingKey == name.MatchingKey).Label(Escape(text));
        });

    [Property(MaxTest = 500)]
    public Property Parse_DataEntryWritings_DisplayFormEqualsWholeTextForm() =>
        Prop.ForAll(IdentityArbitraries.PersonNameTexts().ToArbitrary(), text =>
            PersonName.Parse(text).DisplayName == PersonName.DisplayFormWholeText(text.AsSpan().Trim()));

    [Theory]
    [InlineData("Nguyễn Thị Hòa")]
    [InlineData("a b c d e f g h i j k l m n o p q r s t u v w x y z")]
    [InlineData("Hòa  Hòa\tHòa")]
    [InlineData("H'hen niê")]
    public void Parse_SameSyllableTwiceOrManySyllables_EqualsWholeTextForm(string text)
    {
        var first = PersonName.Parse(text);
        var second = PersonName.Parse(text);

        Assert.Equal(PersonName.DisplayFormWholeText(text), first.DisplayName);
        Assert.Equal(first.DisplayName, second.DisplayName);
        Assert.Equal(first.MatchingKey, second.MatchingKey);
    }

    [Theory]
    [InlineData("Nguyễn", true)]
    [InlineData("nghiêng", true)]
    [InlineData("Nguye\u0303\u0302n", true)] // decomposed: marks are not letters
    [InlineData("NguyễnVănAn", false)] // a whole name written without spaces is never kept
    [InlineData("Thị-Hòa", false)]
    [InlineData("H'hen", false)]
    [InlineData("nghiêngg", false)]
    public void IsOneSyllable_RunOfLettersAndMarks_KeptOnlyWhenItCanBeOneSyllable(string raw, bool expected) =>
        Assert.Equal(expected, PersonName.IsOneSyllable(raw));

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:X4}"));
}
