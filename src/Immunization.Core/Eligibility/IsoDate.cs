using System.Globalization;
using NodaTime;

namespace Immunization.Core.Eligibility;

/// <summary>
/// A date written as <c>uuuu-MM-dd</c> straight into an interpolated string (no pattern lookup, no string of its own):
/// the same text as NodaTime's pattern; nothing for <see langword="null"/>, as a missing date interpolates.
/// </summary>
internal readonly struct IsoDate(LocalDate? date) : ISpanFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString() => date is not { } d ? string.Empty
        : d.Year is < 1 or > 9999 ? d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)
        : string.Create(10, d, static (span, value) => Write(span, value));

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (date is not { } d)
        {
            charsWritten = 0;
            return true;
        }

        if (d.Year is < 1 or > 9999)
        {
            var text = ToString();
            charsWritten = text.Length;
            return text.TryCopyTo(destination);
        }

        if (destination.Length < 10)
        {
            charsWritten = 0;
            return false;
        }

        Write(destination, d);
        charsWritten = 10;
        return true;
    }

    private static void Write(Span<char> span, LocalDate date)
    {
        var year = date.Year;
        span[0] = (char)('0' + (year / 1000));
        span[1] = (char)('0' + (year / 100 % 10));
        span[2] = (char)('0' + (year / 10 % 10));
        span[3] = (char)('0' + (year % 10));
        span[4] = '-';
        span[5] = (char)('0' + (date.Month / 10));
        span[6] = (char)('0' + (date.Month % 10));
        span[7] = '-';
        span[8] = (char)('0' + (date.Day / 10));
        span[9] = (char)('0' + (date.Day % 10));
    }
}
