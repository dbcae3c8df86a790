using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Text;

namespace Immunization.Core.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Nguyễn Thị Minh Anh", "nguyen thi minh anh")]
    [InlineData("  TRẦN   văn  đức ", "tran van duc")]
    [InlineData("Đặng Thuỷ", "dang thuy")]
    [InlineData("Hoà\tHòa", "hoa hoa")]
    [InlineData("", "")]
    public void Fold_VietnameseText_RemovesMarksCaseAndExtraSpace(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Fact]
    public void Fold_DecomposedInput_EqualsComposed()
    {
        const string composed = "Phạm Thị Hồng Nhung";
        var decomposed = composed.Normalize(NormalizationForm.FormD);

        Assert.NotEqual(composed, decomposed);
        Assert.Equal(VietnameseText.Fold(composed), VietnameseText.Fold(decomposed));
    }

    [Property]
    public Property Fold_IsIdempotent() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), s =>
        {
            var once = VietnameseText.Fold(s.Get);
            return VietnameseText.Fold(once) == once;
        });
}
