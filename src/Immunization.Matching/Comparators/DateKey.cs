using Immunization.Core.Identity;

namespace Immunization.Matching.Comparators;

/// <summary>
/// A date of a <c>date</c> field packed for the comparisons of the scoring loop: <c>yyyy * 10000 + MM * 100 + dd</c>, an
/// unknown month or day 0, compared as numbers.
/// </summary>
/// <remarks>
/// The text is read once per distinct value by Core's <see cref="PartialDate"/> (its forms <c>yyyy</c>, <c>yyyy-MM</c>,
/// <c>yyyy-MM-dd</c>, <c>MM/yyyy</c>, <c>dd/MM/yyyy</c>, and the basic form <c>yyyyMMdd</c> through
/// <see cref="PartialDateStyles.AllowIsoBasic"/>), so the engine reads dates as the rest of the system does. A value that is
/// not a real calendar date (day 31 in a 30-day month, month 13, a day or month 00) gets <see cref="Invalid"/>: the caller
/// can still compare its text but gives it no date levels.
/// </remarks>
internal static class DateKey
{
    public const int Invalid = -1;

    public static int Parse(ReadOnlySpan<char> s) =>
        PartialDate.TryParse(s, PartialDateStyles.AllowIsoBasic, out var date) ? Pack(date.Year, date.Month, date.Day) : Invalid;

    public static int Pack(int year, int month, int day) => (year * 10000) + (month * 100) + day;

    public static int Year(int key) => key / 10000;

    public static int Month(int key) => key / 100 % 100;

    public static int Day(int key) => key % 100;

    /// <summary>Days since 0001-01-01 for a full date, or -1 when the month or day is unknown.</summary>
    public static int DayNumber(int key)
    {
        var month = Month(key);
        var day = Day(key);
        if (month == 0 || day == 0)
        {
            return -1;
        }

        return new DateOnly(Year(key), month, day).DayNumber;
    }
}
