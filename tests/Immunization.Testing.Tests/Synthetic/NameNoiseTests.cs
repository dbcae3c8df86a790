using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Immunization.Testing.Synthetic;

namespace Immunization.Testing.Tests.Synthetic;

public sealed class NameNoiseTests
{
    private static readonly string[] s_names =
        [.. GeneratedData.Clean.Register.Take(2_000).Select(e => e.Person.FullName!), "Đặng Thị Ánh Tuyết", "Lý Văn Đức", "Ngô Ân"];

    private static Arbitrary<string> Names() => Gen.Elements(s_names).ToArbitrary();

    private static Arbitrary<(string Name, ulong Seed)> NamesWithSeeds() =>
        Gen.Elements(s_names).Zip(Gen.Choose(0, int.MaxValue).Select(i => (ulong)i)).ToArbitrary();

    [Fact]
    public void Decompose_EveryName_EqualsUnicodeNfd()
    {
        Assert.All(s_names, n => Assert.Equal(n.Normalize(NormalizationForm.FormD), NameNoise.Decompose(n)));
    }

    [Fact]
    public void Decompose_EveryVietnameseLetter_EqualsUnicodeNfd()
    {
        const string letters = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
        var all = letters + letters.ToUpperInvariant();

        Assert.Equal(all.Normalize(NormalizationForm.FormD), NameNoise.Decompose(all));
        Assert.Equal(all.ToUpperInvariant(), NameNoise.ToUpper(all));
        Assert.Equal(all.ToLowerInvariant(), NameNoise.ToLower(all));
    }

    [Fact]
    public void DropAllMarks_EveryName_AsciiWithSameLetters()
    {
        Assert.All(s_names, n =>
        {
            var plain = NameNoise.DropAllMarks(n);
            Assert.True(plain.All(char.IsAscii));
            Assert.Equal(Fold(n), plain.ToLowerInvariant());
        });
    }

    [FsCheck.Xunit.Property]
    public Property DropSomeMarks_KeepsSomeAndChangesSome() => Prop.ForAll(NamesWithSeeds(), x =>
    {
        if (NameNoise.MarkedSyllables(x.Name) < 2)
        {
            return true;
        }

        var rng = new Xoshiro256StarStar(x.Seed);
        var noisy = NameNoise.DropSomeMarks(ref rng, x.Name);
        return noisy != x.Name && NameNoise.HasComposedVowel(noisy) && Fold(noisy) == Fold(x.Name);
    });

    [FsCheck.Xunit.Property]
    public Property CaseAndSpacing_ChangesTextNotLetters() => Prop.ForAll(NamesWithSeeds(), x =>
    {
        var rng = new Xoshiro256StarStar(x.Seed);
        var noisy = NameNoise.CaseAndSpacing(ref rng, x.Name);
        return noisy != x.Name && Fold(noisy) == Fold(x.Name);
    });

    [FsCheck.Xunit.Property]
    public Property MistypeSyllable_ChangesOneLetter() => Prop.ForAll(NamesWithSeeds(), x =>
    {
        var rng = new Xoshiro256StarStar(x.Seed);
        var noisy = Fold(NameNoise.MistypeSyllable(ref rng, x.Name));
        var clean = Fold(x.Name);
        return noisy != clean && Math.Abs(noisy.Length - clean.Length) <= 1 &&
               noisy.Split(' ').Length == clean.Split(' ').Length;
    });

    [FsCheck.Xunit.Property]
    public Property SwapFamilyAndGiven_MovesTheLastSyllableFirst() => Prop.ForAll(Names(), name =>
    {
        var swapped = NameNoise.SwapFamilyAndGiven(name).Split(' ');
        var parts = name.Split(' ');
        return swapped[0] == parts[^1] && swapped.Skip(1).SequenceEqual(parts.Take(parts.Length - 1));
    });

    [Fact]
    public void DStrokeAsD_ReplacesOnlyTheStroke()
    {
        Assert.Equal("Dặng Van Dức", NameNoise.DStrokeAsD("Đặng Van Đức"));
        Assert.False(NameNoise.HasDStroke("Dặng Van Dức"));
        Assert.True(NameNoise.HasDStroke("Lý Văn Đức"));
    }

    [Fact]
    public void MarkedSyllables_CountsSyllablesWithVowelMarks()
    {
        Assert.Equal(0, NameNoise.MarkedSyllables("Nguyen Van An"));
        Assert.Equal(2, NameNoise.MarkedSyllables("Nguyễn Văn An"));
        Assert.Equal(4, NameNoise.MarkedSyllables("Đặng Thị Ánh Tuyết"));
    }

    // Lower case, marks removed, đ → d, spaces collapsed: what should survive noise that only touches marks, case or spacing.
    private static string Fold(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch { 'đ' => 'd', 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
