using Ardalis.GuardClauses;

namespace Immunization.Reporting.Coverage;

/// <summary>An age group, in completed years as of the report's reference date: from <see cref="MinYears"/> to <see cref="MaxYears"/> inclusive.</summary>
public sealed record AgeGroup
{
    /// <summary>Creates an age group.</summary>
    /// <param name="label">The label written in reports, for example <c>18+</c>.</param>
    /// <param name="minYears">The lowest age in completed years.</param>
    /// <param name="maxYears">The highest age in completed years, or <see langword="null"/> for no upper bound.</param>
    public AgeGroup(string label, int minYears, int? maxYears)
    {
        Guard.Against.NullOrWhiteSpace(label);
        Guard.Against.Negative(minYears);
        if (maxYears is int max)
        {
            Guard.Against.OutOfRange(max, nameof(maxYears), minYears, int.MaxValue);
        }

        Label = label;
        MinYears = minYears;
        MaxYears = maxYears;
    }

    /// <summary>The label written in reports.</summary>
    public string Label { get; }

    /// <summary>The lowest age in completed years.</summary>
    public int MinYears { get; }

    /// <summary>The highest age in completed years, or <see langword="null"/> for no upper bound.</summary>
    public int? MaxYears { get; }

    /// <summary>The built-in groups: 5–11, 12–17, 18+, 50+, 65+ (the last three overlap, so they are not summed).</summary>
    public static IReadOnlyList<AgeGroup> BuiltIn { get; } =
    [
        new("5-11", 5, 11),
        new("12-17", 12, 17),
        new("18+", 18, null),
        new("50+", 50, null),
        new("65+", 65, null),
    ];

    /// <summary>Whether an age in completed years falls in this group.</summary>
    /// <param name="years">The age in completed years.</param>
    /// <returns><see langword="true"/> when the age is in the group.</returns>
    public bool Contains(int years) => years >= MinYears && (MaxYears is not int max || years <= max);
}
