using System.Runtime.CompilerServices;
using NodaTime;

namespace Immunization.Reporting.Coverage;

/// <summary>
/// A date of the ISO calendar as one number that rises with the date: <c>(year &lt;&lt; 9) | (month &lt;&lt; 5) | day</c>, so
/// that counting millions of people compares numbers instead of calling NodaTime's comparisons (which check calendars and
/// call through the calendar's calculator) for each; <see cref="None"/> for a date of another calendar, which is compared
/// as a <see cref="LocalDate"/> instead.
/// </summary>
internal static class IsoDateKey
{
    /// <summary>The key of a date that is not in the ISO calendar (below every key of one).</summary>
    internal const int None = int.MinValue;

    // The month and day of 29 February.
    private const int LeapDay = (2 << 5) | 29;

    /// <summary>The date's key, or <see cref="None"/>.</summary>
    /// <remarks>
    /// Compiled optimized at its first call and never inlined, so that NodaTime's getters are inlined into it: a report's
    /// first count would otherwise run them in the runtime's quick, unoptimized form for a while.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static int Of(LocalDate date) =>
        date.Calendar == CalendarSystem.Iso ? (date.Year << 9) | (date.Month << 5) | date.Day : None;

    /// <summary>
    /// How two dates compare: as keys when both are ISO dates, otherwise as dates (which fail for two calendars as
    /// <see cref="LocalDate.CompareTo(LocalDate)"/> does).
    /// </summary>
    /// <param name="a">A date.</param>
    /// <param name="aKey">Its key (<see cref="Of"/>).</param>
    /// <param name="b">Another date.</param>
    /// <param name="bKey">Its key.</param>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static int Compare(LocalDate a, int aKey, LocalDate b, int bKey) =>
        aKey != None && bKey != None ? aKey.CompareTo(bKey) : a.CompareTo(b);

    /// <summary>
    /// Whether <paramref name="date"/> is after <paramref name="asOf"/>: as keys when both are ISO dates, otherwise both
    /// taken in the ISO calendar (dates of two calendars compare as the days they are, never fail).
    /// </summary>
    /// <param name="date">A date.</param>
    /// <param name="asOf">The date compared with.</param>
    /// <param name="asOfKey">Its key (<see cref="Of"/>).</param>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static bool After(LocalDate date, LocalDate asOf, int asOfKey) =>
        Of(date) is var key && key != None && asOfKey != None
            ? key > asOfKey
            : date.WithCalendar(CalendarSystem.Iso) > asOf.WithCalendar(CalendarSystem.Iso);

    /// <summary>
    /// Completed years of age as <see cref="CoverageCalculator.AgeInYears"/> counts them, from two keys; <see langword="null"/>
    /// when either is <see cref="None"/> or the birthday is 29 February (whose anniversaries NodaTime's arithmetic decides).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static int? AgeInYears(int birth, int asOf)
    {
        if (birth == None || asOf == None || (birth & 0x1FF) == LeapDay)
        {
            return null;
        }

        if (asOf < birth)
        {
            return -1;
        }

        return (asOf >> 9) - (birth >> 9) - ((asOf & 0x1FF) < (birth & 0x1FF) ? 1 : 0);
    }
}
