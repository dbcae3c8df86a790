using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Tests.Schedules;

public sealed class CdsiDurationTests
{
    [Theory]
    [InlineData("6 months - 4 days", 0, 6, -4)]
    [InlineData("8 months + 1 day", 0, 8, 1)]
    [InlineData("16 months + 4 weeks", 0, 16, 28)]
    [InlineData(" 19 years - 4 days", 19, 0, -4)]
    [InlineData("4 weeks", 0, 0, 28)]
    [InlineData("1 year", 1, 0, 0)]
    [InlineData("2 years - 2 months", 2, -2, 0)]
    public void TryParse_CdcDurations_ReadsYearsMonthsDays(string text, int years, int months, int days)
    {
        Assert.True(CdsiDuration.TryParse(text, out var duration));
        Assert.Equal(new CdsiDuration(years, months, days), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("six months")]
    [InlineData("6 fortnights")]
    [InlineData("6 months 4 days")]
    public void TryParse_Nonsense_ReturnsFalse(string text) => Assert.False(CdsiDuration.TryParse(text, out _));

    [Fact]
    public void ParseOrNull_Nonsense_ThrowsWithReason()
    {
        var ex = Assert.Throws<FormatException>(() => CdsiDuration.ParseOrNull("6 fortnights"));
        Assert.Contains("6 fortnights", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTo_SixMonthsMinusFourDays_AddsMonthsThenDays() =>
        Assert.Equal(new LocalDate(2025, 9, 27), new CdsiDuration(0, 6, -4).AddTo(new LocalDate(2025, 3, 31)));
}
