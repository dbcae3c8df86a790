using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Identity;
using Immunization.Testing.Arbitraries;
using NodaTime;

namespace Immunization.Core.Tests.Identity;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("1990", DatePrecision.Year, "1990")]
    [InlineData("1990-05", DatePrecision.Month, "1990-05")]
    [InlineData("1990-05-03", DatePrecision.Day, "1990-05-03")]
    [InlineData("03/05/1990", DatePrecision.Day, "1990-05-03")]
    [InlineData("3/5/1990", DatePrecision.Day, "1990-05-03")]
    [InlineData("05/1990", DatePrecision.Month, "1990-05")]
    [InlineData(" 29/02/2000 ", DatePrecision.Day, "2000-02-29")]
    public void Parse_AcceptedForms_FormatAsIso(string text, DatePrecision precision, string iso)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(iso, date.ToString());
    }

    [Theory]
    [InlineData("31/04/1990", "The day does not exist in that month.")]
    [InlineData("29/02/2001", "The day does not exist in that month.")]
    [InlineData("2001-02-29", "The day does not exist in that month.")]
    [InlineData("1990-13-01", "The month must be 1–12.")]
    [InlineData("00/05/1990", "The day must be at least 1.")]
    [InlineData("31/00/1990", "The month must be 1–12.")]
    [InlineData("1990-00", "The month must be 1–12.")]
    [InlineData("0000", "The year must be 1–9999.")]
    [InlineData("90", "4-digit year")]
    [InlineData("03/05/90", "exactly 4 digits")]
    [InlineData("1990/05/03", "exactly 4 digits")]
    [InlineData("1990-5-3", "2-digit month")]
    [InlineData("1990-05-3", "2-digit day")]
    [InlineData("", "empty")]
    [InlineData("03-05-1990", "4-digit year")]
    public void Parse_Invalid_ThrowsWithReason(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => PartialDate.Parse(text));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("found", ex.Message, StringComparison.Ordinal);
        Assert.False(PartialDate.TryParse(text, out var result));
        Assert.Equal(default, result);
    }

    [Theory]
    [InlineData("31/04/1990", "31", "1990")]
    [InlineData("29/02/2001", "29", "2001")]
    [InlineData("1987-13-01", "13", "1987")]
    [InlineData("1987-11-31", "31", "1987")]
    public void Parse_Invalid_MessageDoesNotRepeatTheDateParts(string text, string day, string year)
    {
        var ex = Assert.Throws<FormatException>(() => PartialDate.Parse(text));

        Assert.DoesNotContain(day, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(year, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDate_Invalid_MessageDoesNotRepeatTheDateParts()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromDate(1987, 2, 29));
        Assert.DoesNotContain("1987", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("29", ex.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromDate(1987, 2, 0));
        var year = Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(12345));
        Assert.DoesNotContain("12345", year.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1990", "1990-05-03", true)]
    [InlineData("1990-05", "1990-05-03", true)]
    [InlineData("1990-05-03", "1990-05-03", true)]
    [InlineData("1990", "1990", true)]
    [InlineData("1990", "1991", false)]
    [InlineData("1990-05", "1990-06-01", false)]
    [InlineData("1990-05-03", "1990-05-04", false)]
    public void IsCompatibleWith_KnownPartsMustAgree(string a, string b, bool expected)
    {
        Assert.Equal(expected, PartialDate.Parse(a).IsCompatibleWith(PartialDate.Parse(b)));
        Assert.Equal(expected, PartialDate.Parse(b).IsCompatibleWith(PartialDate.Parse(a)));
    }

    [Theory]
    [InlineData("03/05/1990", "05/03/1990", true)]
    [InlineData("12/01/1990", "01/12/1990", true)]
    [InlineData("05/05/1990", "05/05/1990", false)]
    [InlineData("03/05/1990", "05/03/1991", false)]
    [InlineData("13/05/1990", "05/12/1990", false)]
    [InlineData("03/05/1990", "1990-03", false)]
    public void IsDayMonthSwapOf_DetectsSwappedDayAndMonth(string a, string b, bool expected)
    {
        Assert.Equal(expected, PartialDate.Parse(a).IsDayMonthSwapOf(PartialDate.Parse(b)));
    }

    [Theory]
    [InlineData("1990", "1990-01-01", "1990-12-31")]
    [InlineData("2000-02", "2000-02-01", "2000-02-29")]
    [InlineData("1990-05-03", "1990-05-03", "1990-05-03")]
    public void EarliestLatest_BoundTheDays(string text, string earliest, string latest)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(earliest, date.Earliest.ToString("yyyy-MM-dd", null));
        Assert.Equal(latest, date.Latest.ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public void Default_HasNoPrecisionAndIsCompatibleWithNothing()
    {
        var none = default(PartialDate);

        Assert.Equal(DatePrecision.None, none.Precision);
        Assert.Equal(string.Empty, none.ToString());
        Assert.False(none.IsCompatibleWith(new PartialDate(1990)));
        Assert.Throws<InvalidOperationException>(() => none.Earliest);
    }

    [Fact]
    public void Constructors_FromNodaTimeValues()
    {
        Assert.Equal(PartialDate.Parse("1990-05-03"), new PartialDate(new LocalDate(1990, 5, 3)));
        Assert.Equal(PartialDate.Parse("1990-05"), new PartialDate(new YearMonth(1990, 5)));
        Assert.True(PartialDate.Parse("1990-05-03").TryGetLocalDate(out var d));
        Assert.Equal(new LocalDate(1990, 5, 3), d);
        Assert.False(PartialDate.Parse("1990-05").TryGetLocalDate(out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromDate(2001, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(0));
    }

    [Property]
    public Property ParseToString_RoundTrips() =>
        Prop.ForAll(IdentityArbitraries.PartialDateArbitrary(), d => PartialDate.Parse(d.ToString()) == d);

    [Property]
    public Property EveryDateIsCompatibleWithItsCoarserForms() =>
        Prop.ForAll(IdentityArbitraries.PartialDatesOf(DatePrecision.Day).ToArbitrary(), d =>
            d.IsCompatibleWith(new PartialDate(d.Year))
            && d.IsCompatibleWith(PartialDate.FromYearMonth(d.Year, d.Month))
            && d.Earliest == d.Latest);

    [Property]
    public Property EarliestIsNotAfterLatest() =>
        Prop.ForAll(IdentityArbitraries.PartialDateArbitrary(), d =>
            d.Earliest <= d.Latest && new PartialDate(d.Earliest).IsCompatibleWith(d) && new PartialDate(d.Latest).IsCompatibleWith(d));

    // Dates whose day could be a month (1–12) and differs from their month: exactly the dates a swap can turn into another date.
    private static Gen<PartialDate> SwappableDates() =>
        from year in Gen.Choose(1900, 2030)
        from month in Gen.Choose(1, 12)
        from other in Gen.Choose(1, 11)
        select PartialDate.FromDate(year, month, other >= month ? other + 1 : other);

    [Property]
    public Property SwapIsSymmetric() =>
        Prop.ForAll(SwappableDates().ToArbitrary(), d =>
        {
            var swapped = PartialDate.FromDate(d.Year, d.Day, d.Month);
            return d.IsDayMonthSwapOf(swapped)
                && swapped.IsDayMonthSwapOf(d)
                && !d.IsDayMonthSwapOf(d)
                && !d.IsDayMonthSwapOf(PartialDate.FromDate(d.Year + 1, d.Day, d.Month))
                && !d.IsDayMonthSwapOf(PartialDate.FromYearMonth(d.Year, d.Day));
        });

    [Property]
    public Property Equality_ConsistentWithHashAndText() =>
        Prop.ForAll(IdentityArbitraries.PartialDateArbitrary(), IdentityArbitraries.PartialDateArbitrary(), (a, b) =>
            (a == b) == (a.ToString() == b.ToString()) && (!(a == b) || a.GetHashCode() == b.GetHashCode()) && (a != b) == !a.Equals(b));

    [Property]
    public bool TryParse_AnyText_NeverThrowsAndRoundTrips(NonNull<string> text) =>
        !PartialDate.TryParse(text.Get, out var value) || PartialDate.Parse(value.ToString()) == value;

    [Property]
    public Property TryParse_NoisyText_AgreesWithParse() =>
        Prop.ForAll(ParseContract.NoisyTexts(), text =>
            ParseContract.TryParseAgreesWithParse<PartialDate>(text, PartialDate.TryParse, s => PartialDate.Parse(s)));

    [Theory]
    [InlineData("19900503", "1990-05-03")]
    [InlineData(" 20000229 ", "2000-02-29")]
    [InlineData("1990-05", "1990-05")]
    [InlineData("03/05/1990", "1990-05-03")]
    public void TryParse_IsoBasicAllowed_ReadsBothForms(string text, string expected)
    {
        Assert.True(PartialDate.TryParse(text, PartialDateStyles.AllowIsoBasic, out var date));
        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData("19900431")]
    [InlineData("20010229")]
    [InlineData("19901301")]
    [InlineData("19900500")]
    [InlineData("19900003")]
    [InlineData("00000101")]
    [InlineData("1990050")]
    public void TryParse_IsoBasicNotADay_False(string text)
    {
        Assert.False(PartialDate.TryParse(text, PartialDateStyles.AllowIsoBasic, out var date));
        Assert.Equal(default, date);
    }

    [Fact]
    public void TryParse_IsoBasicWithoutTheStyle_False()
    {
        Assert.False(PartialDate.TryParse("19900503", out _));
        Assert.False(PartialDate.TryParse("19900503", PartialDateStyles.None, out _));
    }

    [Fact]
    public void TryParse_UndefinedStyle_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.TryParse("1990", (PartialDateStyles)2, out _));

        Assert.Equal("styles", e.ParamName);
    }

    [Property]
    public Property TryParse_IsoBasicOfAnyDay_SameDay() =>
        Prop.ForAll(IdentityArbitraries.PartialDateArbitrary(), d =>
            d.Precision != DatePrecision.Day
            || (PartialDate.TryParse(d.ToString().Replace("-", "", StringComparison.Ordinal), PartialDateStyles.AllowIsoBasic, out var back) && back == d));

    [Property]
    public bool TryParse_IsoBasicAllowedOnOtherText_AgreesWithTryParse(NonNull<string> text) =>
        text.Get.Trim().Length == 8 && text.Get.Trim().All(char.IsAsciiDigit)
        || (PartialDate.TryParse(text.Get, PartialDateStyles.AllowIsoBasic, out var a) == PartialDate.TryParse(text.Get, out var b) && a == b);
}
