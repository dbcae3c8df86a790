using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Text;

namespace Immunization.Core.Tests.Text;

// ICU's string.Normalize is the reference here: the tests run with ICU, the library must not need it.
public sealed class LatinNormalizationTests
{
    private const string VietnameseLetters =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ" +
        "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ ";

    private const string Marks = "\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323";

    public static TheoryData<int, int> LatinBlocks => new() { { 0x00C0, 0x024F }, { 0x1E00, 0x1EFF } };

    [Theory]
    [MemberData(nameof(LatinBlocks))]
    public void ToFormD_EveryLatinLetter_EqualsIcu(int first, int last)
    {
        for (var cp = first; cp <= last; cp++)
        {
            var text = ((char)cp).ToString();
            Assert.Equal(text.Normalize(NormalizationForm.FormD), LatinNormalization.ToFormD(text));
        }
    }

    [Theory]
    [MemberData(nameof(LatinBlocks))]
    public void ToFormC_EveryDecomposedLatinLetter_EqualsIcu(int first, int last)
    {
        for (var cp = first; cp <= last; cp++)
        {
            var decomposed = ((char)cp).ToString().Normalize(NormalizationForm.FormD);
            Assert.Equal(decomposed.Normalize(NormalizationForm.FormC), LatinNormalization.ToFormC(decomposed));
        }
    }

    [Fact]
    public void ToFormC_MarksInNonCanonicalOrder_ComposesLikeIcu()
    {
        // e + dot below + circumflex and e + circumflex + dot below are both "ệ".
        Assert.Equal("ệ", LatinNormalization.ToFormC("e\u0323\u0302"));
        Assert.Equal("ệ", LatinNormalization.ToFormC("e\u0302\u0323"));
        Assert.Equal("Nguyễn", LatinNormalization.ToFormC("Nguye\u0302\u0303n"));
    }

    [Property]
    public Property ToFormDAndToFormC_RandomVietnameseText_EqualIcu() =>
        Prop.ForAll(VietnameseTextWithStrayMarks().ToArbitrary(), text =>
            LatinNormalization.ToFormD(text) == text.Normalize(NormalizationForm.FormD)
            && LatinNormalization.ToFormC(text) == text.Normalize(NormalizationForm.FormC));

    private static Gen<string> VietnameseTextWithStrayMarks() =>
        Gen.Elements((VietnameseLetters + Marks).ToCharArray())
            .ArrayOf()
            .Select(chars => new string(chars));
}
