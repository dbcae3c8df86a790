using Ardalis.GuardClauses;
using NodaTime;

namespace Immunization.Reporting.Coverage;

/// <summary>How a report is computed.</summary>
public sealed class ReportOptions
{
    /// <summary>
    /// The reference date: ages, statuses and drop-out are as of this date, and the doses counted are those dated on or
    /// before it (the others are counted in <see cref="Quality.QualityIndicators.DosesAfterReferenceDate"/>). Required.
    /// </summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The age groups; <see cref="AgeGroup.BuiltIn"/> by default.</summary>
    public IReadOnlyList<AgeGroup> AgeGroups { get; init => field = Guard.Against.Null(value); } = AgeGroup.BuiltIn;

    /// <summary>The interval from dose 1 to dose 2 per product code, in days (for example 21 for Pfizer, 28 for Moderna).</summary>
    public IReadOnlyDictionary<string, int> DoseTwoIntervalDays { get; init => field = Guard.Against.Null(value); } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The interval in days for a product not in <see cref="DoseTwoIntervalDays"/> (28 by default).</summary>
    public int DefaultDoseTwoIntervalDays { get; init; } = 28;

    /// <summary>The days of grace after the interval before a person counts as dropped out (7 by default).</summary>
    public int DropOutGraceDays { get; init; } = 7;

    /// <summary>The period written in rows; the reference date as <c>yyyyMMdd</c> (DHIS2's day period) when not set.</summary>
    public string? Period { get; init; }
}
