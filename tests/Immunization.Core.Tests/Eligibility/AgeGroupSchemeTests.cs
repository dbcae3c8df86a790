using Immunization.Core.Eligibility;
using NodaTime;

namespace Immunization.Core.Tests.Eligibility;

public sealed class AgeGroupSchemeTests
{
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
