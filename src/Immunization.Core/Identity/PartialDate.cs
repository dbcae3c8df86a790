using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace Immunization.Core.Identity;

/// <summary>
/// A date known to the day, to the month or only to the year, such as a date of birth written <c>1990</c>,
/// <c>05/1990</c> or <c>03/05/1990</c>. ISO calendar.
/// </summary>
/// <remarks>
/// <para>
/// Accepted text: <c>yyyy</c>, <c>yyyy-MM</c>, <c>yyyy-MM-dd</c> (ISO, two-digit month and day), and the Vietnamese
/// order <c>dd/MM/yyyy</c> and <c>MM/yyyy</c> (day and month may have one or two digits). Years are 1–9999, written
/// with four digits. Surrounding white space is ignored. Impossible dates (<c>31/04/1990</c>, <c>29/02/2001</c>) are
/// rejected with the reason. <see cref="ToString()"/> writes the ISO form for the precision.
/// </para>
/// <para>
/// A date of birth is personal data, so exception messages say what is wrong ("The day does not exist in that month.")
/// without repeating the day, the month or the year.
/// </para>
/// <para>
/// The value is packed into one <see cref="int"/> (year × 512 + month × 32 + day, month and day 0 when unknown).
/// The <see langword="default"/> value has precision <see cref="DatePrecision.None"/> and formats as an empty string.
/// </para>
/// <para>
/// Equality is exact: <c>1990</c> and <c>1990-05-03</c> are different values. Use <see cref="IsCompatibleWith"/> to ask
/// whether two values may denote the same day.
/// </para>
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for more information.</threadsafety>
public readonly struct PartialDate : IEquatable<PartialDate>
{
    private readonly int _packed;

    private PartialDate(int year, int month, int day) => _packed = (year << 9) | (month << 5) | day;

    /// <summary>Initializes a date known to the day.</summary>
    /// <param name="date">The date; its year must be 1–9999.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is before 1.</exception>
    public PartialDate(LocalDate date)
        : this(CheckYear(date.Year, nameof(date)), date.Month, date.Day)
    {
    }

    /// <summary>Initializes a date known to the month.</summary>
    /// <param name="yearMonth">The year and month; the year must be 1–9999.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is before 1.</exception>
    public PartialDate(YearMonth yearMonth)
        : this(CheckYear(yearMonth.Year, nameof(yearMonth)), yearMonth.Month, 0)
    {
    }

    /// <summary>Initializes a date known only to the year.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1–9999.</exception>
    public PartialDate(int year)
        : this(CheckYear(year, nameof(year)), 0, 0)
    {
    }

    /// <summary>Gets how much of the date is known.</summary>
    public DatePrecision Precision => _packed == 0 ? DatePrecision.None
        : Day != 0 ? DatePrecision.Day
        : Month != 0 ? DatePrecision.Month
        : DatePrecision.Year;

    /// <summary>Gets the year (0 only for the <see langword="default"/> value).</summary>
    public int Year => _packed >> 9;

    /// <summary>Gets the month, 1–12, or 0 when only the year is known.</summary>
    public int Month => (_packed >> 5) & 0xF;

    /// <summary>Gets the day of the month, or 0 when the day is not known.</summary>
    public int Day => _packed & 0x1F;

    /// <summary>Gets the earliest day the value may denote (1 January of the year, the 1st of the month, or the day itself).</summary>
    /// <exception cref="InvalidOperationException">The value is the <see langword="default"/>.</exception>
    public LocalDate Earliest => Precision switch
    {
        DatePrecision.Day => new LocalDate(Year, Month, Day),
        DatePrecision.Month => new LocalDate(Year, Month, 1),
        DatePrecision.Year => new LocalDate(Year, 1, 1),
        _ => throw new InvalidOperationException("The default PartialDate denotes no day."),
    };

    /// <summary>Gets the latest day the value may denote (31 December of the year, the last of the month, or the day itself).</summary>
    /// <exception cref="InvalidOperationException">The value is the <see langword="default"/>.</exception>
    public LocalDate Latest => Precision switch
    {
        DatePrecision.Day => new LocalDate(Year, Month, Day),
        DatePrecision.Month => new LocalDate(Year, Month, CalendarSystem.Iso.GetDaysInMonth(Year, Month)),
        DatePrecision.Year => new LocalDate(Year, 12, 31),
        _ => throw new InvalidOperationException("The default PartialDate denotes no day."),
    };

    /// <summary>Returns whether two values are equal (same precision and same known parts).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    /// <summary>Returns whether two values differ.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    /// <summary>Builds a date known to the day.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <param name="day">The day, valid for the month.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The parts do not form a date.</exception>
    public static PartialDate FromDate(int year, int month, int day)
    {
        var error = day < 1 ? "The day must be at least 1." : Validate(year, month, day);
        return error is null ? new PartialDate(year, month, day) : throw new ArgumentOutOfRangeException(nameof(day), error);
    }

    /// <summary>Builds a date known to the month.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The parts do not form a month.</exception>
    public static PartialDate FromYearMonth(int year, int month)
    {
        var error = Validate(year, month, 0);
        return error is null ? new PartialDate(year, month, 0) : throw new ArgumentOutOfRangeException(nameof(month), error);
    }

    /// <summary>Reads a partial date (see the remarks of <see cref="PartialDate"/> for the accepted forms).</summary>
    /// <param name="text">The text, e.g. <c>1990</c>, <c>1990-05</c>, <c>1990-05-03</c>, <c>03/05/1990</c> or <c>05/1990</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The text is not a valid partial date; the message says why.</exception>
    public static PartialDate Parse(ReadOnlySpan<char> text)
    {
        var error = TryParseCore(text, out var result);
        return error is null ? result : throw new FormatException(error);
    }

    /// <summary>Tries to read a partial date (see the remarks of <see cref="PartialDate"/> for the accepted forms).</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The value, or <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when the text is a valid partial date.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out PartialDate result) => TryParseCore(text, out result) is null;

    /// <summary>
    /// Tries to read a partial date in the forms of <see cref="TryParse(ReadOnlySpan{char}, out PartialDate)"/> and in the
    /// further forms <paramref name="styles"/> allows.
    /// </summary>
    /// <param name="text">The text, e.g. <c>1990-05-03</c>, or <c>19900503</c> with <see cref="PartialDateStyles.AllowIsoBasic"/>.</param>
    /// <param name="styles">The further forms to accept.</param>
    /// <param name="result">The value, or <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when the text is a valid partial date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> holds an undefined flag.</exception>
    public static bool TryParse(ReadOnlySpan<char> text, PartialDateStyles styles, out PartialDate result)
    {
        if ((styles & ~PartialDateStyles.AllowIsoBasic) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(styles), "Only the flags of PartialDateStyles are allowed.");
        }

        if ((styles & PartialDateStyles.AllowIsoBasic) != 0)
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 8 && !trimmed.ContainsAnyExceptInRange('0', '9'))
            {
                var year = ((trimmed[0] - '0') * 1000) + ((trimmed[1] - '0') * 100) + ((trimmed[2] - '0') * 10) + (trimmed[3] - '0');
                var month = ((trimmed[4] - '0') * 10) + (trimmed[5] - '0');
                var day = ((trimmed[6] - '0') * 10) + (trimmed[7] - '0');
                var valid = day >= 1 && Validate(year, month, day) is null;
                result = valid ? new PartialDate(year, month, day) : default;
                return valid;
            }
        }

        return TryParse(text, out result);
    }

    /// <summary>
    /// Returns whether this value and <paramref name="other"/> may denote the same day: every part known in both is equal.
    /// <c>1990</c> is compatible with <c>1990-05-03</c>, <c>1990-05</c> with <c>1990-05-03</c>; <c>1990</c> is not compatible with
    /// <c>1991</c>. The <see langword="default"/> value is compatible with nothing.
    /// </summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when compatible.</returns>
    public bool IsCompatibleWith(PartialDate other)
    {
        if (_packed == 0 || other._packed == 0 || Year != other.Year)
        {
            return false;
        }

        if (Month == 0 || other.Month == 0)
        {
            return true;
        }

        return Month == other.Month && (Day == 0 || other.Day == 0 || Day == other.Day);
    }

    /// <summary>
    /// Returns whether <paramref name="other"/> is this date with day and month swapped, the usual data-entry error between
    /// <c>dd/MM</c> and <c>MM/dd</c>: both known to the day, same year, day and month different, each one's day the other's month
    /// (so both days are at most 12).
    /// </summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when the two are a day/month swap of each other.</returns>
    public bool IsDayMonthSwapOf(PartialDate other) =>
        Day != 0 && other.Day != 0 && Year == other.Year && Day != Month && Day == other.Month && Month == other.Day;

    /// <summary>Returns the date as a <see cref="LocalDate"/> when it is known to the day.</summary>
    /// <param name="date">The date, or <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when <see cref="Precision"/> is <see cref="DatePrecision.Day"/>.</returns>
    public bool TryGetLocalDate(out LocalDate date)
    {
        date = Precision == DatePrecision.Day ? new LocalDate(Year, Month, Day) : default;
        return Precision == DatePrecision.Day;
    }

    /// <inheritdoc/>
    public bool Equals(PartialDate other) => _packed == other._packed;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is PartialDate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _packed;

    /// <summary>Formats the value in ISO form for its precision: <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
    /// <returns>The text; empty for the <see langword="default"/> value.</returns>
    public override string ToString() => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    private static int CheckYear(int year, string paramName) =>
        year is >= 1 and <= 9999 ? year : throw new ArgumentOutOfRangeException(paramName, "The year must be 1–9999.");

    // Day 0 stands for an unknown day.
    private static string? Validate(int year, int month, int day)
    {
        if (year is < 1 or > 9999)
        {
            return "The year must be 1–9999.";
        }

        if (month is < 1 or > 12)
        {
            return "The month must be 1–12.";
        }

        if (day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return "The day does not exist in that month.";
        }

        return null;
    }

    private static string? TryParseCore(ReadOnlySpan<char> text, out PartialDate result)
    {
        result = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return "A date is empty.";
        }

        if (text.Length > 10)
        {
            return $"A date has the form yyyy, yyyy-MM, yyyy-MM-dd, MM/yyyy or dd/MM/yyyy; the text is {text.Length} characters long.";
        }

        int year, month = 0, day = 0;
        if (text.Contains('/'))
        {
            // Vietnamese order: [dd/]MM/yyyy.
            var lastSlash = text.LastIndexOf('/');
            if (!TryReadNumber(text[(lastSlash + 1)..], 4, 4, out year))
            {
                return "In dd/MM/yyyy or MM/yyyy the year must have exactly 4 digits.";
            }

            var rest = text[..lastSlash];
            var slash = rest.IndexOf('/');
            if (slash >= 0)
            {
                if (!TryReadNumber(rest[..slash], 1, 2, out day) || !TryReadNumber(rest[(slash + 1)..], 1, 2, out month))
                {
                    return "In dd/MM/yyyy the day and the month must have 1 or 2 digits.";
                }

                if (day == 0)
                {
                    return "The day must be at least 1.";
                }
            }
            else if (!TryReadNumber(rest, 1, 2, out month))
            {
                return "In MM/yyyy the month must have 1 or 2 digits.";
            }
        }
        else
        {
            // ISO: yyyy[-MM[-dd]].
            if (text.Length < 4 || !TryReadNumber(text[..4], 4, 4, out year))
            {
                return "A date must start with a 4-digit year (yyyy, yyyy-MM, yyyy-MM-dd) or have the form dd/MM/yyyy or MM/yyyy.";
            }

            if (text.Length > 4)
            {
                if (text[4] != '-' || text.Length < 7 || !TryReadNumber(text.Slice(5, 2), 2, 2, out month))
                {
                    return "In yyyy-MM the year must be followed by '-' and a 2-digit month.";
                }

                if (text.Length > 7)
                {
                    if (text.Length != 10 || text[7] != '-' || !TryReadNumber(text.Slice(8, 2), 2, 2, out day))
                    {
                        return "In yyyy-MM-dd the month must be followed by '-' and a 2-digit day.";
                    }

                    if (day == 0)
                    {
                        return "The day must be at least 1.";
                    }
                }
            }
        }

        if (year == 0)
        {
            return "The year must be 1–9999.";
        }

        if (month == 0 && text.Length > 4)
        {
            return "The month must be 1–12.";
        }

        var error = month == 0 ? null : Validate(year, month, day);
        if (error is null)
        {
            result = new PartialDate(year, month, day);
        }

        return error;
    }

    private static bool TryReadNumber(ReadOnlySpan<char> digits, int minLength, int maxLength, out int value)
    {
        value = 0;
        if (digits.Length < minLength || digits.Length > maxLength)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
