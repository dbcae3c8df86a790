namespace Immunization.Matching.Comparators;

/// <summary>
/// Lenient date parsing into a packed key <c>yyyy * 10000 + MM * 100 + dd</c>, where an unknown month or day is 0.
/// </summary>
/// <remarks>
/// Accepts <c>yyyyMMdd</c>, <c>yyyy-MM-dd</c>, <c>yyyy-MM</c>, <c>yyyy</c> and <c>dd/MM/yyyy</c> (the usual writing in Vietnam).
/// A value that is not a real calendar date (day 31 in a 30-day month, month 13) is rejected, so the caller can still
/// compare its text but gives it no date levels.
/// </remarks>
internal static class DateKey
{
    public const int Invalid = -1;

    public static int Parse(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        int year, month = 0, day = 0;
        if (s.Length == 8 && AllDigits(s))
        {
            year = Digits(s[..4]);
            month = Digits(s.Slice(4, 2));
            day = Digits(s.Slice(6, 2));
        }
        else if (s.Length == 10 && s[4] == '-' && s[7] == '-' && AllDigits(s[..4]) && AllDigits(s.Slice(5, 2)) && AllDigits(s.Slice(8, 2)))
        {
            year = Digits(s[..4]);
            month = Digits(s.Slice(5, 2));
            day = Digits(s.Slice(8, 2));
        }
        else if (s.Length == 10 && s[2] == '/' && s[5] == '/' && AllDigits(s[..2]) && AllDigits(s.Slice(3, 2)) && AllDigits(s.Slice(6, 4)))
        {
            day = Digits(s[..2]);
            month = Digits(s.Slice(3, 2));
            year = Digits(s.Slice(6, 4));
        }
        else if (s.Length == 7 && s[4] == '-' && AllDigits(s[..4]) && AllDigits(s.Slice(5, 2)))
        {
            year = Digits(s[..4]);
            month = Digits(s.Slice(5, 2));
        }
        else if (s.Length == 4 && AllDigits(s))
        {
            year = Digits(s);
        }
        else
        {
            return Invalid;
        }

        return IsValid(year, month, day) ? Pack(year, month, day) : Invalid;
    }

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

    private static bool IsValid(int year, int month, int day)
    {
        if (year < 1 || year > 9999 || month > 12 || (month == 0 && day != 0))
        {
            return false;
        }

        return day == 0 || day <= DateTime.DaysInMonth(year, month);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static int Digits(ReadOnlySpan<char> s)
    {
        var value = 0;
        foreach (var c in s)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
