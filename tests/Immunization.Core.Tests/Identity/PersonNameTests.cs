using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Identity;
using Immunization.Testing.Arbitraries;

namespace Immunization.Core.Tests.Identity;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("nguyễn thị minh anh", "Nguyễn Thị Minh Anh")]
    [InlineData("  NGUYỄN   THỊ  MINH ANH ", "Nguyễn Thị Minh Anh")]
    [InlineData("Lê Thị Hòa", "Lê Thị Hoà")]
    [InlineData("Lê Thị Hoà", "Lê Thị Hoà")]
    [InlineData("Trần Thị Thủy", "Trần Thị Thuỷ")]
    [InlineData("Phạm Văn Khỏe", "Phạm Văn Khoẻ")]
    [InlineData("Đỗ Quốc Hoàng", "Đỗ Quốc Hoàng")]
    [InlineData("Ngô Thị Mùa", "Ngô Thị Mùa")]
    [InlineData("Bùi Gia Huy", "Bùi Gia Huy")]
    [InlineData("Hoàng Ngọc Quý", "Hoàng Ngọc Quý")]
    [InlineData("Võ Văn Thoại", "Võ Văn Thoại")]
    [InlineData("Trương Thị Hường", "Trương Thị Hường")]
    [InlineData("đặng văn giữ", "Đặng Văn Giữ")]
    [InlineData("H'hen niê", "H'Hen Niê")]
    public void Parse_VariousWritings_GivesModernDisplayForm(string text, string expected)
    {
        Assert.Equal(expected, PersonName.Parse(text).DisplayName);
    }

    [Theory]
    [InlineData("Lê Thị Hòa", "Lê Thị Hoà")]
    [InlineData("Trần Thủy Tiên", "Trần Thuỷ Tiên")]
    [InlineData("Nguyễn Văn Khỏe", "Nguyễn Văn Khoẻ")]
    [InlineData("Hoàng Thị Thúy", "Hoàng Thị Thuý")]
    [InlineData("Lý Hòa Bình", "LÝ HOÀ BÌNH")]
    public void Parse_OldAndNewTonePlacement_GiveEqualNames(string oldStyle, string newStyle)
    {
        var a = PersonName.Parse(oldStyle);
        var b = PersonName.Parse(newStyle);

        Assert.Equal(a, b);
        Assert.Equal(a.MatchingKey, b.MatchingKey);
        Assert.Equal(a.TonedKey, b.TonedKey);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Parse_DecomposedInput_EqualsComposedInput()
    {
        var composed = "Nguyễn Thị Minh Ánh".Normalize(NormalizationForm.FormC);
        var decomposed = composed.Normalize(NormalizationForm.FormD);

        Assert.NotEqual(composed, decomposed);
        Assert.Equal(PersonName.Parse(composed), PersonName.Parse(decomposed));
        Assert.True(PersonName.Parse(decomposed).DisplayName.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Đặng Văn Đức", "dang van duc")]
    [InlineData("Dang Van Duc", "dang van duc")]
    [InlineData("Nguyễn Thi Minh Ânh", "nguyen thi minh anh")]
    [InlineData("Trương Thị Hường", "truong thi huong")]
    public void MatchingKey_RemovesDiacriticsAndFoldsDStroke(string text, string expected)
    {
        Assert.Equal(expected, PersonName.Parse(text).MatchingKey);
    }

    [Theory]
    [InlineData("Thùy Dương", "Thuỳ Dương")]
    [InlineData("Lũy", "Luỹ")]
    [InlineData("Thụy", "Thuỵ")]
    [InlineData("Hòe", "Hoè")]
    [InlineData("Qúy", "Quý")]
    [InlineData("Quỳnh", "Quỳnh")]
    [InlineData("Giàu", "Giàu")]
    [InlineData("Gìn", "Gìn")]
    [InlineData("Tuổi", "Tuổi")]
    [InlineData("Nguyễn", "Nguyễn")]
    [InlineData("Khuỷu", "Khuỷu")]
    [InlineData("Hoàng", "Hoàng")]
    [InlineData("Mỹ", "Mỹ")]
    [InlineData("Ánh", "Ánh")]
    [InlineData("Oánh", "Oánh")]
    [InlineData("Anna", "Anna")]
    [InlineData("Jóhn", "Jóhn")]
    public void Parse_SingleSyllables_ModernTonePlacement(string text, string expected)
    {
        Assert.Equal(expected, PersonName.Parse(text).DisplayName);
        Assert.Equal(expected, PersonName.Parse(text.Normalize(NormalizationForm.FormD)).DisplayName);
    }

    [Fact]
    public void Parse_UnusualWhiteSpace_BecomesSingleSpaces()
    {
        var name = PersonName.Parse("Lê\u2028Thị\tHoà\u00A0\u3000Anh");

        Assert.Equal("Lê Thị Hoà Anh", name.DisplayName);
        Assert.Equal("Thị Hoà", name.MiddleNames);
    }

    [Fact]
    public void TonedKey_KeepsTonesInLowerCase()
    {
        var name = PersonName.Parse("ĐẶNG THỊ HÒA");

        Assert.Equal("đặng thị hoà", name.TonedKey);
        Assert.NotEqual(PersonName.Parse("Đặng Thị Hoa").TonedKey, name.TonedKey);
    }

    [Theory]
    [InlineData("Nguyễn Thị Minh Anh", "Nguyễn", "Thị Minh", "Anh")]
    [InlineData("Lê Lợi", "Lê", "", "Lợi")]
    [InlineData("Tôn Nữ Thị Ngọc Hân", "Tôn", "Nữ Thị Ngọc", "Hân")]
    [InlineData("Anh", "", "", "Anh")]
    public void Parts_SplitFamilyMiddleGiven(string text, string family, string middle, string given)
    {
        var name = PersonName.Parse(text);

        Assert.Equal(family, name.FamilyName);
        Assert.Equal(middle, name.MiddleNames);
        Assert.Equal(given, name.GivenName);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("Nguyễn Văn 3", "digit at position 12")]
    [InlineData("Nguyễn_Văn", "a punctuation mark at position 7")]
    [InlineData("Nguyễn Văn+", "a symbol at position 11")]
    [InlineData("Nguyễn \U0001F600", "a character outside the Basic Multilingual Plane (such as an emoji) at position 8")]
    [InlineData("Lê\u0007An", "a control character at position 3")]
    [InlineData("--", "at least one letter")]
    [InlineData("\u0301an", "a combining mark with no letter before it at position 1")]
    [InlineData("Lê \u0301An", "a combining mark with no letter before it at position 4")]
    [InlineData("Lê-\u0303An", "a combining mark with no letter before it at position 4")]
    [InlineData("Nguyễn Тhị Thuỷ", "a letter outside the Latin alphabet at position 8")]
    [InlineData("Nguyễn Thị Thuỷ Αnh", "a letter outside the Latin alphabet at position 17")]
    [InlineData("阮氏水", "a letter outside the Latin alphabet at position 1")]
    [InlineData("Ｎguyễn", "a full-width letter at position 1")]
    public void Parse_Invalid_ThrowsWithReason(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => PersonName.Parse(text));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.True(IdentityErrorMessagesTests.IsWellFormedUtf16(ex.Message));
        Assert.False(PersonName.TryParse(text, out var result));
        Assert.Equal(default, result);
    }

    [Fact]
    public void Parse_MixedScripts_RejectedSoKeysNeverSilentlyDiffer()
    {
        // A Cyrillic "Т" looks like the Latin one; accepted, it gave a matching key that never matched the Latin spelling.
        Assert.False(PersonName.TryParse("Nguyễn \u0422hị Thuỷ", out _));
        Assert.True(PersonName.TryParse("Nguyễn Thị Thuỷ", out _));
    }

    [Theory]
    [InlineData("Zoë Müller", "Zoë Müller")]
    [InlineData("łukasz ŁOŚ", "Łukasz Łoś")]
    [InlineData("H'hen Niê", "H'Hen Niê")]
    [InlineData("An\u0301", "Án")]
    public void Parse_LatinLettersAndMarksAfterLetters_Accepted(string text, string display)
    {
        Assert.Equal(display, PersonName.Parse(text).DisplayName);
    }

    [Fact]
    public void Parse_Invalid_MessageDoesNotEchoTheName()
    {
        var ex = Assert.Throws<FormatException>(() => PersonName.Parse("Nguyễn Văn Bảy 7"));

        Assert.DoesNotContain("Nguyễn", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bảy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_Fails()
    {
        Assert.False(PersonName.TryParse(new string('a', PersonName.MaxLength + 1), out _));
        Assert.True(PersonName.TryParse(new string('a', PersonName.MaxLength), out _));
    }

    [Fact]
    public void WriteMatchingKey_IntoBuffer_MatchesProperty()
    {
        Span<char> buffer = stackalloc char[64];
        const string text = "  Nguyễn   Thị Hòa ";

        var written = PersonName.WriteMatchingKey(text, buffer);

        Assert.Equal(PersonName.Parse(text).MatchingKey, buffer[..written].ToString());
    }

    [Fact]
    public void WriteMatchingKey_ShortBuffer_Throws()
    {
        var buffer = new char[3];

        Assert.Throws<ArgumentException>(() => PersonName.WriteMatchingKey("Nguyễn", buffer));
    }

    [Fact]
    public void Default_IsEmptyAndEqualsItself()
    {
        var name = default(PersonName);

        Assert.Equal(string.Empty, name.DisplayName);
        Assert.Equal(string.Empty, name.MatchingKey);
        Assert.Equal(string.Empty, name.GivenName);
        Assert.Equal(default, name);
    }

    [Property]
    public Property Parse_IsIdempotent() =>
        Prop.ForAll(IdentityArbitraries.PersonNameTexts().ToArbitrary(), text =>
        {
            var once = PersonName.Parse(text);
            var twice = PersonName.Parse(once.DisplayName);
            return once == twice && once.MatchingKey == twice.MatchingKey;
        });

    [Property]
    public Property Parse_InsensitiveToNormalizationForm() =>
        Prop.ForAll(IdentityArbitraries.PersonNameTexts().ToArbitrary(), text =>
            PersonName.Parse(text.Normalize(NormalizationForm.FormD)) == PersonName.Parse(text.Normalize(NormalizationForm.FormC)));

    [Property]
    public Property WriteMatchingKey_EqualsKeyOfParsedName() =>
        Prop.ForAll(IdentityArbitraries.PersonNameTexts().ToArbitrary(), text =>
        {
            var buffer = new char[text.Length];
            var written = PersonName.WriteMatchingKey(text, buffer);
            return new string(buffer, 0, written) == PersonName.Parse(text).MatchingKey;
        });

    // Spellings of one given name (old and new tone placement, case, composed or decomposed); groups are different names.
    // "Thủy" and "Thúy" fold to the same matching key but are different names: equality must still tell them apart.
    private static readonly string[][] s_givenNameSpellings =
    [
        ["Hòa", "Hoà", "HÒA", "hoà", "Ho\u0300a"],
        ["Thủy", "Thuỷ", "THỦY", "thu\u0309y"],
        ["Thúy", "Thuý", "thúy", "THU\u0301Y"],
        ["Khỏe", "Khoẻ", "khoẻ"],
        ["Hoa", "HOA", "hoa"],
        ["Anh", "ANH", "anh"],
        ["Ánh", "ÁNH", "A\u0301nh"],
        ["Đức", "đức", "\u0110\u01B0\u0301c"],
        ["Duc", "DUC"],
    ];

    // A pair of name texts and whether they are spellings of one name; built to be equal half the time.
    private static Gen<(string A, string B, bool Same)> NamePairs() =>
        from prefix in IdentityArbitraries.CleanPersonNameTexts()
        from same in Gen.Elements(true, false)
        from first in Gen.Choose(0, s_givenNameSpellings.Length - 1)
        from offset in Gen.Choose(1, s_givenNameSpellings.Length - 1)
        from spellingA in Gen.Elements(s_givenNameSpellings[first])
        from spellingB in Gen.Elements(s_givenNameSpellings[same ? first : (first + offset) % s_givenNameSpellings.Length])
        from spaces in Gen.Elements(" ", "  ", "\t")
        select (prefix + " " + spellingA, prefix.ToUpperInvariant() + spaces + spellingB, same);

    [Property]
    public Property Equality_HoldsExactlyForSpellingsOfOneName() =>
        Prop.ForAll(NamePairs().ToArbitrary(), pair =>
        {
            var x = PersonName.Parse(pair.A);
            var y = PersonName.Parse(pair.B);
            var consistent = (x == y) == (x.DisplayName == y.DisplayName)
                && (x == y) == x.Equals((object)y)
                && (x != y) == !(x == y);
            return pair.Same
                ? consistent && x == y && x.GetHashCode() == y.GetHashCode() && x.MatchingKey == y.MatchingKey
                    && x.TonedKey == y.TonedKey
                : consistent && x != y && x.TonedKey != y.TonedKey;
        });

    [Property]
    public bool TryParse_AnyText_NeverThrowsAndRoundTrips(NonNull<string> text) =>
        !PersonName.TryParse(text.Get, out var value) || PersonName.Parse(value.ToString()) == value;

    [Property]
    public Property TryParse_NoisyText_AgreesWithParse() =>
        Prop.ForAll(ParseContract.NoisyTexts(), text =>
            ParseContract.TryParseAgreesWithParse<PersonName>(text, PersonName.TryParse, s => PersonName.Parse(s)));
}
