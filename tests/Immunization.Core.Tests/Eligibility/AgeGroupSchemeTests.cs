using Immunization.Core.Eligibility;
using NodaTime;

namespace Immunization.Core.Tests.Eligibility;

public sealed class AgeGroupSchemeTests
{
    [Theory]
    [InlineData(2000, 2, 29, 2001, 2, 28)]
    [InlineData(2000, 2, 29, 2004, 2, 28)]
    [InlineData(2000, 2, 29, 2004, 2, 29)]
    [InlineData(2000, 3, 1, 2001, 2, 28)]
    [InlineData(1990, 12, 31, 2022, 12, 30)]
    [InlineData(1990, 12, 31, 2022, 12, 31)]
    [InlineData(2022, 6, 30, 2022, 7, 1)]
    public void AgeInYears_Dates_AsPeriodBetweenCountsThem(int y, int m, int d, int ay, int am, int ad)
    {
        var birth = new LocalDate(y, m, d);
        var asOf = new LocalDate(ay, am, ad);

        Assert.Equal(Period.Between(birth, asOf, PeriodUnits.Years).Years, AgeGroupScheme.AgeInYears(birth, asOf));
    }

    [FsCheck.Xunit.Property]
    public bool AgeInYears_AnyDatesInOrder_AsPeriodBetweenCountsThem(ushort birthDays, ushort daysLater)
    {
        var birth = new LocalDate(1920, 1, 1).PlusDays(birthDays % 40_000);
        var asOf = birth.PlusDays(daysLater % 40_000);
        return AgeGroupScheme.AgeInYears(birth, asOf) == Period.Between(birth, asOf, PeriodUnits.Years).Years;
    }

    [Theory]
    [InlineData("2009-06-15", "2021-06-14", "5-11")]   // the day before the 12th birthday
    [InlineData("2009-06-15", "2021-06-15", "12-17")]  // the 12th birthday
    [InlineData("2003-06-15", "2021-06-14", "12-17")]  // "12 to under 18": 17 the day before turning 18
    [InlineData("2003-06-15", "2021-06-15", "18-49")]
    [InlineData("1971-06-15", "2021-06-15", "50-64")]
    [InlineData("1956-06-15", "2021-06-15", "65+")]
    [InlineData("2020-01-01", "2021-06-15", "0-4")]
    public void Classify_AgeInWholeYears_TheOneGroup(string birth, string asOf, string expected)
    {
        Assert.Equal(expected, AgeGroupScheme.Default.Classify(CovidScenarioTests.Date(birth), CovidScenarioTests.Date(asOf)).Name);
    }

    [Fact]
    public void AgeInYears_BornOn29February_TurnsOnThe28thInOtherYears()
    {
        Assert.Equal(17, AgeGroupScheme.AgeInYears(new LocalDate(2004, 2, 29), new LocalDate(2022, 2, 27)));
        Assert.Equal(18, AgeGroupScheme.AgeInYears(new LocalDate(2004, 2, 29), new LocalDate(2022, 2, 28)));
    }

    [Fact]
    public void Constructor_GapBetweenGroups_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AgeGroupScheme([new("0-4", 0, 5), new("6+", 6, null)]));
        Assert.Throws<ArgumentException>(() => new AgeGroupScheme([new("0-17", 0, 18)]));
    }

    [Fact]
    public void Constructor_CustomGroups_Classifies()
    {
        var scheme = new AgeGroupScheme([new("children", 0, 18), new("adults", 18, 60), new("60+", 60, null)]);

        Assert.Equal("60+", scheme.Classify(new LocalDate(1950, 1, 1), new LocalDate(2021, 1, 1)).Name);
    }
}
