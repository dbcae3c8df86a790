namespace Immunization.Reporting.Coverage;

/// <summary>What is suspicious about a figure. A figure that cannot be true is flagged, never clipped or hidden.</summary>
[Flags]
public enum FigureFlags
{
    /// <summary>Nothing to remark.</summary>
    None = 0,

    /// <summary>The numerator exceeds the denominator: a proportion over 100 %.</summary>
    OverOneHundredPercent = 1,

    /// <summary>The value is negative (for example a negative drop-out or a negative backlog).</summary>
    Negative = 2,

    /// <summary>The denominator is zero: the figure has no value.</summary>
    NoDenominator = 4,

    /// <summary>Fewer valid doses than people with at least one dose: the counts contradict each other.</summary>
    DosesBelowPeople = 8,
}
