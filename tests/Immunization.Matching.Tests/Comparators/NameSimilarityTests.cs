using FsCheck;
using FsCheck.Fluent;
using Immunization.Benchmarks.Matching;
using Immunization.Matching.Comparators;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Tests.Comparators;

/// <summary>
/// A name is <c>similar</c> only when the given names are one typo apart at most: a long shared family and middle name must not
/// make two people with different given names one person with a typo.
/// </summary>
public sealed class NameSimilarityTests
{
    private static readonly Lazy<string[]> s_names = new(() =>
        [.. new SyntheticIdentities(seed: 3).People(2_000).Select(SyntheticIdentities.ToRecord)
            .Select(r => r.Name.MatchingKey).Where(n => n.Contains(' ', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)]);

    private static int NameLevel(string x, string y)
    {
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var a = IdentityKeys.KeyOf(IdentityRecord.FromText("A", null, x, null, null, null, null, null, null, "VN"), tokens, places, names, intern: true);
        var b = IdentityKeys.KeyOf(IdentityRecord.FromText("B", null, y, null, null, null, null, null, null, "VN"), tokens, places, names, intern: true);
        return IdentityComparison.Name(a, b, names[a.Name], names[b.Name]);
    }

    [Theory]
    [InlineData("nguyen thi chi", "nguyen thi xuan")]
    [InlineData("nguyen thi ngoc chi", "nguyen thi ngoc xuan")]
    [InlineData("tran van thac", "tran van tri")]
    public void NamesSimilar_SharedFamilyAndMiddleNameDifferentGivenName_IsFalse(string a, string b)
    {
        // The whole names alone look alike; the given names have more than one letter to change.
        Assert.True(JaroWinkler.Similarity(a, b) >= IdentityLevels.NameSimilarThreshold - 0.05, JaroWinkler.Similarity(a, b).ToString("0.000"));

        Assert.False(IdentityComparison.NamesSimilar(a, b, IdentityLevels.NameSimilarThreshold));
    }

    [Theory]
    [InlineData("nguyen thi xuan", "nguyen thi xuam")]
    [InlineData("pham van quyet", "pham van quyt")]
    [InlineData("nguyen thi chi", "nguyen thi chii")]
    [InlineData("le van long", "le van lnog")]
    public void NamesSimilar_OneTypoInTheGivenName_IsTrue(string a, string b) =>
        Assert.True(IdentityComparison.NamesSimilar(a, b, IdentityLevels.NameSimilarThreshold));

    [Fact]
    public void Name_SharedFamilyAndMiddleNameDifferentGivenName_IsDifferent() =>
        Assert.Equal(IdentityLevels.NameDifferent, NameLevel("Nguyễn Thị Chi", "Nguyễn Thị Xuân"));

    [Fact]
    public void Name_TypoInTheFamilyNameSameGivenName_IsSimilar() =>
        Assert.Equal(IdentityLevels.NameSimilar, NameLevel("Phạm Văn Quyết", "Phạn Văn Quyết"));

    [Fact]
    public void Name_TypoInTheGivenName_IsSimilar() =>
        Assert.Equal(IdentityLevels.NameSimilar, NameLevel("Nguyễn Thị Xuân", "Nguyễn Thị Xuâm"));

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Name_GivenNameReplacedByOneMoreThanATypoAway_IsNeverSimilar() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).Two().ToArbitrary(), pair =>
        {
            // Another person's given name on this person's family and middle names: a relative, never a typo.
            var names = s_names.Value;
            var name = names[pair.Item1 % names.Length];
            var other = names[pair.Item2 % names.Length];
            var given = other[(other.LastIndexOf(' ') + 1)..];
            var relative = name[..(name.LastIndexOf(' ') + 1)] + given;
            var distance = DamerauLevenshtein.Distance(name.AsSpan(name.LastIndexOf(' ') + 1), given);
            var level = NameLevel(name, relative);
            return (distance <= 1 || level != IdentityLevels.NameSimilar).Label($"{name} / {relative}: level {level}");
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property NamesSimilar_AnyTwoNames_IsSymmetric() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).Two().ToArbitrary(), pair =>
        {
            var names = s_names.Value;
            var a = names[pair.Item1 % names.Length];
            var b = names[pair.Item2 % names.Length];
            return IdentityComparison.NamesSimilar(a, b, IdentityLevels.NameSimilarThreshold)
                == IdentityComparison.NamesSimilar(b, a, IdentityLevels.NameSimilarThreshold);
        });
}
