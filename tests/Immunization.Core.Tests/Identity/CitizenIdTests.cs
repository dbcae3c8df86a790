using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Identity;
using Immunization.Testing.Arbitraries;
using Immunization.Tests.Shared;
using NodaTime;

namespace Immunization.Core.Tests.Identity;

public sealed class CitizenIdTests
{
    [Theory]
    [InlineData("001090012345", 1, Sex.Male, 1990)]
    [InlineData("079185000123", 79, Sex.Female, 1985)]
    [InlineData("096099123456", 96, Sex.Male, 1999)]
    [InlineData("036300654321", 36, Sex.Female, 2000)]
    [InlineData("048205000001", 48, Sex.Male, 2005)]
    [InlineData("001400000001", 1, Sex.Male, 2100)]
    [InlineData("001999000001", 1, Sex.Female, 2399)]
    public void Parse_Cccd_DecodesProvinceSexAndBirthYear(string text, int province, Sex sex, int year)
    {
        var id = CitizenId.Parse(text);

        Assert.Equal(CitizenIdKind.Cccd, id.Kind);
        Assert.Equal(province, id.ProvinceCode);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(year, id.BirthYear);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("001 090 012345")]
    [InlineData("001.090.012.345")]
    [InlineData("001-090-012345")]
    [InlineData("  001090012345\t")]
    public void Parse_GroupedDigits_AcceptedAsBareDigits(string text)
    {
        Assert.Equal(CitizenId.Parse("001090012345"), CitizenId.Parse(text));
    }

    [Fact]
    public void Parse_Cmnd_HasNoEncodedParts()
    {
        var id = CitizenId.Parse("025987123");

        Assert.Equal(CitizenIdKind.Cmnd, id.Kind);
        Assert.Null(id.ProvinceCode);
        Assert.Null(id.BirthYear);
        Assert.Equal(Sex.Unknown, id.Sex);
        Assert.Equal("025987123", id.ToString());
        Assert.Equal(CitizenIdDiscrepancies.NotEncoded, id.CheckAgainst(Sex.Male, 1970));
    }

    [Theory]
    [InlineData("00109001234", "A CCCD has 12 digits; found 11.")]
    [InlineData("0010900123456", "found 13")]
    [InlineData("", "empty")]
    [InlineData("00109001234X", "found a letter at position 12")]
    [InlineData("0010900123\U0001F600", "found a character outside the Basic Multilingual Plane (such as an emoji) at position 11")]
    [InlineData("001  090012345", "position 5")]
    [InlineData("-001090012345", "position 1")]
    [InlineData("003090012345", "63 provinces")]
    [InlineData("097090012345", "63 provinces")]
    [InlineData("000090012345", "63 provinces")]
    public void Parse_Invalid_ThrowsWithReasonButNotTheNumber(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => CitizenId.Parse(text));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        if (text.Length > 0)
        {
            Assert.DoesNotContain(text.Trim(), ex.Message, StringComparison.Ordinal);
        }

        Assert.False(CitizenId.TryParse(text, out var result));
        Assert.Equal(default, result);
    }

    [Theory]
    [InlineData(Sex.Male, 1990, CitizenIdDiscrepancies.None)]
    [InlineData(Sex.Unknown, 1990, CitizenIdDiscrepancies.None)]
    [InlineData(Sex.Female, 1990, CitizenIdDiscrepancies.Sex)]
    [InlineData(Sex.Male, 1991, CitizenIdDiscrepancies.Year)]
    [InlineData(Sex.Male, 2090, CitizenIdDiscrepancies.Century)]
    [InlineData(Sex.Female, 2091, CitizenIdDiscrepancies.Sex | CitizenIdDiscrepancies.Century | CitizenIdDiscrepancies.Year)]
    public void CheckAgainst_SaysWhichPartDisagrees(Sex sex, int year, CitizenIdDiscrepancies expected)
    {
        Assert.Equal(expected, CitizenId.Parse("001090012345").CheckAgainst(sex, year));
    }

    [Fact]
    public void CheckAgainst_CenturyBoundary_1999And2000Differ()
    {
        var born1999 = CitizenId.CreateCccd(79, Sex.Female, 1999, 1);
        var born2000 = CitizenId.CreateCccd(79, Sex.Female, 2000, 1);

        Assert.Equal("079199000001", born1999.ToString());
        Assert.Equal("079300000001", born2000.ToString());
        Assert.Equal(CitizenIdDiscrepancies.Century | CitizenIdDiscrepancies.Year, born1999.CheckAgainst(Sex.Female, 2000));
        Assert.Equal(CitizenIdDiscrepancies.None, born2000.CheckAgainst(Sex.Female, 2000));
    }

    [Fact]
    public void CheckAgainst_PartialDateAndLocalDate_UseTheYear()
    {
        var id = CitizenId.Parse("001190012345");

        Assert.Equal(CitizenIdDiscrepancies.None, id.CheckAgainst(Sex.Female, PartialDate.Parse("03/05/1990")));
        Assert.Equal(CitizenIdDiscrepancies.Year, id.CheckAgainst(Sex.Female, PartialDate.Parse("1989")));
        Assert.Equal(CitizenIdDiscrepancies.Sex, id.CheckAgainst(Sex.Male, default(PartialDate)));
        Assert.Equal(CitizenIdDiscrepancies.None, id.CheckAgainst(Sex.Female, new LocalDate(1990, 12, 31)));
    }

    [Fact]
    public void ProvinceCodes_MatchTheOfficialListOfOldProvinces()
    {
        var codes = File.ReadLines(SharedDatasets.Path("vn-admin/provinces_old.csv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => int.Parse(line.AsSpan(0, line.IndexOf(',', StringComparison.Ordinal)), CultureInfo.InvariantCulture))
            .Order()
            .ToArray();

        Assert.Equal(63, codes.Length);
        Assert.Equal(codes, CitizenId.ProvinceCodes.ToArray());
        Assert.All(codes, c => Assert.True(CitizenId.IsProvinceCode(c)));
        Assert.False(CitizenId.IsProvinceCode(3));
        Assert.False(CitizenId.IsProvinceCode(-1));
        Assert.False(CitizenId.IsProvinceCode(100));
    }

    [Fact]
    public void CreateCccd_OutOfRangeParts_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CitizenId.CreateCccd(3, Sex.Male, 1990, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CitizenId.CreateCccd(1, Sex.Unknown, 1990, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CitizenId.CreateCccd(1, Sex.Male, 1899, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CitizenId.CreateCccd(1, Sex.Male, 1990, 1_000_000));
    }

    [Fact]
    public void CreateCccd_PlaceholderParts_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CitizenId.CreateCccd(79, Sex.Female, 1985, 0));
        var ex = Assert.Throws<ArgumentException>(() => CitizenId.CreateCccd(12, Sex.Female, 2045, 678_901));
        Assert.Contains("placeholder", ex.Message, StringComparison.Ordinal);
        Assert.Equal("012345678902", CitizenId.CreateCccd(12, Sex.Female, 2045, 678_902).ToString());
    }

    [Theory]
    [InlineData("079185000123.", "position 13")]
    [InlineData("079185000123-", "position 13")]
    [InlineData("079 185 000123 .", "position 16")]
    [InlineData("025987123.", "position 10")]
    [InlineData(".079185000123", "position 1")]
    [InlineData(" -079185000123", "position 1")]
    [InlineData("079..185000123", "position 5")]
    [InlineData("079 -185000123", "position 5")]
    [InlineData("079185.-000123", "position 8")]
    public void Parse_SeparatorNotBetweenDigits_ThrowsWithPosition(string text, string position)
    {
        var ex = Assert.Throws<FormatException>(() => CitizenId.Parse(text));

        Assert.Contains("only between digits", ex.Message, StringComparison.Ordinal);
        Assert.Contains(position, ex.Message, StringComparison.Ordinal);
        Assert.False(CitizenId.TryParse(text, out _));
    }

    [Theory]
    [InlineData("000000000")]
    [InlineData("111111111")]
    [InlineData("999999999")]
    [InlineData("123456789")]
    [InlineData("012345678")]
    [InlineData("987654321")]
    [InlineData("876543210")]
    [InlineData("234567890")]
    [InlineData("123.456.789")]
    [InlineData("000000000000")]
    [InlineData("012345678901")]
    [InlineData("079185000000")]
    [InlineData("001 090 000000")]
    public void Parse_Placeholder_ThrowsSayingPlaceholder(string text)
    {
        var ex = Assert.Throws<FormatException>(() => CitizenId.Parse(text));

        Assert.Contains("a placeholder, not a real number", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(text, ex.Message, StringComparison.Ordinal);
        Assert.False(CitizenId.TryParse(text, out var result));
        Assert.Equal(default, result);
    }

    [Theory]
    [InlineData("123456780")]
    [InlineData("012345679")]
    [InlineData("111111112")]
    [InlineData("987654320")]
    [InlineData("079185000001")]
    [InlineData("079185100000")]
    [InlineData("012345678902")]
    public void Parse_NearPlaceholder_IsAccepted(string text)
    {
        Assert.Equal(text, CitizenId.Parse(text).ToString());
    }

    [Fact]
    public void Equality_CmndAndCccd_DifferAndCmndSortsFirst()
    {
        var cmnd = CitizenId.Parse("999999998");
        var cccd = CitizenId.Parse("001000000001");

        Assert.NotEqual(cmnd, cccd);
        Assert.True(cmnd < cccd);
        Assert.NotEqual(default, cmnd);
        Assert.Equal(string.Empty, default(CitizenId).ToString());
    }

    [Property]
    public Property GeneratedCccd_IsConsistentWithItsHolder() =>
        Prop.ForAll(IdentityArbitraries.CccdsWithHolder().ToArbitrary(), h =>
            h.Id.CheckAgainst(h.Sex, h.BirthYear) == CitizenIdDiscrepancies.None
            && h.Id.Sex == h.Sex
            && h.Id.BirthYear == h.BirthYear
            && CitizenId.IsProvinceCode(h.Id.ProvinceCode!.Value));

    [Property]
    public Property GeneratedCccd_OtherYear_IsInconsistent() =>
        Prop.ForAll(IdentityArbitraries.CccdsWithHolder().ToArbitrary(), Gen.Choose(1, 150).ToArbitrary(), (h, shift) =>
            h.Id.CheckAgainst(h.Sex, h.BirthYear + shift) != CitizenIdDiscrepancies.None);

    [Property]
    public Property ParseToString_RoundTrips() =>
        Prop.ForAll(IdentityArbitraries.CitizenIdArbitrary(), id => CitizenId.Parse(id.ToString()) == id);

    [Property]
    public Property Equality_ConsistentWithHashAndText() =>
        Prop.ForAll(IdentityArbitraries.CitizenIdArbitrary(), IdentityArbitraries.CitizenIdArbitrary(), (a, b) =>
            (a == b) == (a.ToString() == b.ToString())
            && (a != b) == !a.Equals(b)
            && (!a.Equals(b) || a.GetHashCode() == b.GetHashCode())
            && Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a)));

    [Property]
    public bool TryParse_AnyText_NeverThrowsAndRoundTrips(NonNull<string> text) =>
        !CitizenId.TryParse(text.Get, out var value) || CitizenId.Parse(value.ToString()) == value;

    [Property]
    public Property TryParse_NoisyText_AgreesWithParse() =>
        Prop.ForAll(ParseContract.NoisyTexts(), text =>
            ParseContract.TryParseAgreesWithParse<CitizenId>(text, CitizenId.TryParse, s => CitizenId.Parse(s)));

    [Theory]
    [InlineData("001090012345", 1090012345L)]
    [InlineData("079185000123", 79185000123L)]
    [InlineData("023817465", 23817465L)]
    public void Number_ParsedId_IsItsDigitsAsANumber(string text, long number)
    {
        var id = CitizenId.Parse(text);

        Assert.Equal(number, id.Number);
        Assert.Equal(long.Parse(id.ToString(), CultureInfo.InvariantCulture), id.Number);
    }

    [Fact]
    public void Number_Default_IsZero() => Assert.Equal(0L, default(CitizenId).Number);
}
