using System.Globalization;
using Immunization.Reporting.Coverage;

namespace Immunization.Reporting.Export;

/// <summary>How figures are written as text in every export (invariant culture, so the bytes do not depend on the machine).</summary>
internal static class TidyFormat
{
    internal static string Value(Figure figure) =>
        figure.Value is double v ? Math.Round(v, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture) : "";

    internal static string Denominator(Figure figure) =>
        figure.Denominator is long d ? d.ToString(CultureInfo.InvariantCulture) : "";

    internal static string Flags(FigureFlags flags)
    {
        if (flags == FigureFlags.None)
        {
            return "";
        }

        var parts = new List<string>(4);
        if ((flags & FigureFlags.OverOneHundredPercent) != 0)
        {
            parts.Add("over_100");
        }

        if ((flags & FigureFlags.Negative) != 0)
        {
            parts.Add("negative");
        }

        if ((flags & FigureFlags.NoDenominator) != 0)
        {
            parts.Add("no_denominator");
        }

        if ((flags & FigureFlags.DosesBelowPeople) != 0)
        {
            parts.Add("doses_below_people");
        }

        return string.Join('|', parts);
    }
}
