using FsCheck.Xunit;
using Immunization.Reporting.Coverage;
using NodaTime;

namespace Immunization.Reporting.Tests;

/// <summary>
/// <see cref="IsoDateKey"/>: keys order ISO dates as the dates order, and ages from keys are the ages the report counted
/// from dates (over years from before the common era to 9899, and the days at the ends of months).
/// </summary>
public sealed class IsoDateKeyTests
{
    [Property(MaxTest = 300)]
    public void Of_TwoIsoDates_OrderedAsTheDates(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 200; i++)
        {
            LocalDate a = Date(random), b = random.Next(4) == 0 ? a.PlusDays(random.Next(-2, 3)) : Date(random);
            Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(IsoDateKey.Of(a).CompareTo(IsoDateKey.Of(b))));
            Assert.NotEqual(IsoDateKey.None, IsoDateKey.Of(a));
            Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(IsoDateKey.Compare(a, IsoDateKey.Of(a), b, IsoDateKey.Of(b))));
        }
    }

    [Fact]
    public void Compare_DatesOfTwoCalendars_FailsAsTheDatesDo()
    {
        var iso = new LocalDate(2021, 9, 1);
        var julian = new LocalDate(2021, 9, 1, CalendarSystem.Julian);
        Assert.Throws<ArgumentException>(() => IsoDateKey.Compare(julian, IsoDateKey.Of(julian), iso, IsoDateKey.Of(iso)));
    }

    [Property(MaxTest = 300)]
    public void After_DatesOfEitherCalendar_AsTheDaysInTheIsoCalendar(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 200; i++)
        {
            LocalDate a = Date(random), b = random.Next(4) == 0 ? a.PlusDays(random.Next(-2, 3)) : Date(random);
            a = random.Next(4) == 0 ? a.WithCalendar(CalendarSystem.Julian) : a;
            b = random.Next(4) == 0 ? b.WithCalendar(CalendarSystem.Julian) : b;
            bool expected = a.WithCalendar(CalendarSystem.Iso) > b.WithCalendar(CalendarSystem.Iso);
            Assert.Equal(expected, IsoDateKey.After(a, b, IsoDateKey.Of(b)));
        }
    }

    [Property(MaxTest = 300)]
    public void AgeInYears_IsoDates_SameAsFromTheDates(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 200; i++)
        {
            var asOf = Date(random);
            var birth = random.Next(3) switch
            {
                0 => asOf.PlusDays(random.Next(-2, 3)),
                1 => asOf.PlusYears(-random.Next(0, 120)).PlusDays(random.Next(-1, 2)),
                _ => Date(random),
            };
            int? years = IsoDateKey.AgeInYears(IsoDateKey.Of(birth), IsoDateKey.Of(asOf));
            if (birth.Month == 2 && birth.Day == 29)
            {
                Assert.Null(years);
            }
            else
            {
                Assert.Equal(CoverageCalculator.AgeInYears(birth, asOf), years);
            }
        }
    }

    [Fact]
    public void Of_OtherCalendar_None() =>
        Assert.Equal(IsoDateKey.None, IsoDateKey.Of(new LocalDate(2021, 9, 1, CalendarSystem.Julian)));

    [Fact]
    public void AgeInYears_BirthdayOnLeapDay_NullForTheDatesToDecide() =>
        Assert.Null(IsoDateKey.AgeInYears(IsoDateKey.Of(new LocalDate(2000, 2, 29)), IsoDateKey.Of(new LocalDate(2021, 2, 28))));

    // Any ISO date from year -9000 to 9899 (room for the ages and days added), often on the first or last days of a month or a year.
    private static LocalDate Date(Random random)
    {
        int year = random.Next(5) == 0 ? random.Next(-9000, 9900) : random.Next(1900, 2100);
        int month = random.Next(4) == 0 ? (random.Next(2) == 0 ? 1 : 12) : random.Next(1, 13);
        int last = CalendarSystem.Iso.GetDaysInMonth(year, month);
        int day = random.Next(3) switch { 0 => 1, 1 => last, _ => random.Next(1, last + 1) };
        return new LocalDate(year, month, day);
    }
}
