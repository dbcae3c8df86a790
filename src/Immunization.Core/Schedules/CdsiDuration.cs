using System.Globalization;
using NodaTime;

namespace Immunization.Core.Schedules;

/// <summary>
/// A CDSi age or interval such as <c>6 months - 4 days</c> or <c>16 months + 4 weeks</c>: a signed number of years,
/// months and days (weeks are counted as 7 days), added in that order by <see cref="AddTo"/>.
/// </summary>
/// <param name="Years">The years (may be negative).</param>
/// <param name="Months">The months (may be negative).</param>
/// <param name="Days">The days, weeks counted as 7 days (may be negative).</param>
/// <threadsafety>An immutable value; safe to share between threads.</threadsafety>
public readonly record struct CdsiDuration(int Years, int Months, int Days)
{
    /// <summary>Adds the duration CDSi's way: years, then months, then days; an impossible date rolls forward to the 1st of the next month.</summary>
    /// <param name="date">The date to add to, e.g. a date of birth.</param>
    /// <returns>The date, e.g. the date a minimum age is reached.</returns>
    public LocalDate AddTo(LocalDate date) => CdsiCalendar.Add(date, this);

    /// <summary>Parses CDC's text, e.g. <c>4 weeks - 4 days</c>. Empty text gives <see langword="null"/>.</summary>
    internal static CdsiDuration? ParseOrNull(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!TryParse(text, out var duration))
        {
            throw new FormatException($"'{text}' is not a CDSi duration (expected e.g. '6 months - 4 days').");
        }

        return duration;
    }

    /// <summary>Parses CDC's text: terms <c>N unit</c> joined by <c>+</c> or <c>-</c>; units are year(s), month(s), week(s), day(s).</summary>
    /// <param name="text">The text, e.g. <c>4 weeks - 4 days</c>.</param>
    /// <param name="duration">The duration read, or <c>default</c>.</param>
    /// <returns><see langword="true"/> if the text is a duration.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out CdsiDuration duration)
    {
        duration = default;
        int years = 0, months = 0, days = 0, sign = 1, terms = 0;
        var i = 0;
        while (true)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            if (terms > 0)
            {
                if (text[i] == '+')
                {
                    sign = 1;
                }
                else if (text[i] == '-')
                {
                    sign = -1;
                }
                else
                {
                    return false;
                }

                i++;
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }
            }
            else if (text[i] == '-')
            {
                sign = -1;
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (start == i || !int.TryParse(text[start..i], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            var unit = text[start..i];
            number *= sign;
            if (unit.StartsWith("year", StringComparison.OrdinalIgnoreCase))
            {
                years += number;
            }
            else if (unit.StartsWith("month", StringComparison.OrdinalIgnoreCase))
            {
                months += number;
            }
            else if (unit.StartsWith("week", StringComparison.OrdinalIgnoreCase))
            {
                days += 7 * number;
            }
            else if (unit.StartsWith("day", StringComparison.OrdinalIgnoreCase))
            {
                days += number;
            }
            else
            {
                return false;
            }

            terms++;
        }

        if (terms == 0)
        {
            return false;
        }

        duration = new CdsiDuration(years, months, days);
        return true;
    }

    /// <summary>The duration in CDC's words, e.g. <c>12 months - 4 days</c> or <c>4 weeks</c>; parsed back by <see cref="TryParse"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        Term(text, Years, "year");
        Term(text, Months, "month");
        if (Days != 0 && Days % 7 == 0)
        {
            Term(text, Days / 7, "week");
        }
        else
        {
            Term(text, Days, "day");
        }

        return text.Length == 0 ? "0 days" : text.ToString();
    }

    private static void Term(System.Text.StringBuilder text, int number, string unit)
    {
        if (number == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(number < 0 ? " - " : " + ");
        }
        else if (number < 0)
        {
            text.Append('-');
        }

        var size = Math.Abs(number);
        text.Append(size.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit).Append(size == 1 ? string.Empty : "s");
    }
}
