using NodaTime;

namespace Immunization.Core.Schedules;

/// <summary>
/// CDSi date arithmetic (logic specification, "Date calculations"): add years, then months, then days. When adding
/// years or months lands on a day the month does not have, the date rolls forward to the 1st of the next month
/// (03-31 + 6 months = 10-01), whereas NodaTime's <c>PlusMonths</c> would clamp to the 30th.
/// </summary>
public static class CdsiCalendar
{
    /// <summary>Adds years, then months, then days to <paramref name="date"/> the way CDSi does.</summary>
    /// <param name="date">The start date (a date of birth or a date administered).</param>
    /// <param name="years">Years to add (may be negative).</param>
    /// <param name="months">Months to add (may be negative).</param>
    /// <param name="days">Days to add (may be negative); weeks are 7 days.</param>
    /// <returns>The resulting date; an impossible day of month rolls forward to the 1st of the following month.</returns>
    /// <example><c>CdsiCalendar.Add(new LocalDate(2025, 3, 31), 0, 6, 0)</c> is 2025-10-01.</example>
    public static LocalDate Add(LocalDate date, int years, int months, int days)
    {
        if (years == 0 && months == 0)
        {
            // Intervals in weeks or days (most of them): no year or month to roll.
            return days == 0 ? date : date.PlusDays(days);
        }

        var totalMonths = (date.Year * 12) + (date.Month - 1) + (years * 12) + months;
        var year = totalMonths / 12;
        var month = (totalMonths % 12) + 1;
        var day = date.Day;
        LocalDate result;
        if (day > 28 && day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            // Roll forward: the day does not exist in the target month.
            result = new LocalDate(year, month, 1).PlusMonths(1);
        }
        else
        {
            result = new LocalDate(year, month, day);
        }

        return days == 0 ? result : result.PlusDays(days);
    }

    internal static LocalDate Add(LocalDate date, CdsiDuration duration) =>
        Add(date, duration.Years, duration.Months, duration.Days);
}
