namespace Immunization.Core.Identity;

/// <summary>How much of a <see cref="PartialDate"/> is known.</summary>
public enum DatePrecision : byte
{
    /// <summary>Nothing: the <see langword="default"/> value of <see cref="PartialDate"/>.</summary>
    None = 0,

    /// <summary>Only the year.</summary>
    Year = 1,

    /// <summary>The year and the month.</summary>
    Month = 2,

    /// <summary>The full date.</summary>
    Day = 3,
}
