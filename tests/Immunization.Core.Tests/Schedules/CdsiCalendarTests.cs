using NodaTime;
using NodaTime.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Schedules;

namespace Immunization.Core.Tests.Schedules;

public sealed class CdsiCalendarTests
{
    [Theory]
    [InlineData("2025-03-31", 0, 6, 0, "2025-10-01")] // the specification's example: September has no 31st
    [InlineData("2024-02-29", 1, 0, 0, "2025-03-01")]
    [InlineData("2025-01-31", 0, 1, 0, "2025-03-01")]
    [InlineData("2025-01-15", 0, 6, -4, "2025-07-11")]
    [InlineData("2025-01-31", 0, 8, 1, "2025-10-02")]
    [InlineData("2025-12-15", 0, 2, 0, "2026-02-15")]
    [InlineData("2025-05-31", 0, -1, 0, "2025-05-01")]
    public void Add_SpecificationExamples_RollImpossibleDatesForward(string start, int years, int months, int days, string expected)
    {
        var result = CdsiCalendar.Add(LocalDatePattern.Iso.Parse(start).Value, years, months, days);

        Assert.Equal(LocalDatePattern.Iso.Parse(expected).Value, result);
    }

    private static Arbitrary<LocalDate> Dates() =>
        Gen.Choose(0, 60_000).Select(d => new LocalDate(1900, 1, 1).PlusDays(d)).ToArbitrary();

    [Property]
    public Property Add_Months_NeverEarlierThanClampingAndAtMostOneDayLater() =>
        Prop.ForAll(Dates(), Gen.Choose(-240, 240).ToArbitrary(), (date, months) =>
        {
            var cdsi = CdsiCalendar.Add(date, 0, months, 0);
            var clamped = date.PlusMonths(months);
            var diff = Period.Between(clamped, cdsi, PeriodUnits.Days).Days;
            return diff >= 0 && diff <= 3 && (cdsi.Day == date.Day || cdsi.Day == 1);
        });

    [Property]
    public Property Add_Days_AgreesWithPlusDays() =>
        Prop.ForAll(Dates(), Gen.Choose(-4000, 4000).ToArbitrary(), (date, days) => CdsiCalendar.Add(date, 0, 0, days) == date.PlusDays(days));

    [Property]
    public Property Add_YearsEqualsTwelveMonths() =>
        Prop.ForAll(Dates(), Gen.Choose(-50, 50).ToArbitrary(), (date, years) => CdsiCalendar.Add(date, years, 0, 0) == CdsiCalendar.Add(date, 0, 12 * years, 0));

    [Property]
    public Property Add_IsMonotonicInDays() =>
        Prop.ForAll(Dates(), Gen.Choose(0, 120).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), (date, months, days) =>
            CdsiCalendar.Add(date, 0, months, days) <= CdsiCalendar.Add(date, 0, months, days + 1));
}
