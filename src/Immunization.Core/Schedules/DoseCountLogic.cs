namespace Immunization.Core.Schedules;

/// <summary>How a vaccine-count condition compares the count of doses with its dose count.</summary>
public enum DoseCountLogic : byte
{
    /// <summary>More doses than the dose count.</summary>
    GreaterThan = 0,

    /// <summary>Exactly the dose count.</summary>
    EqualTo = 1,

    /// <summary>Fewer doses than the dose count.</summary>
    LessThan = 2,
}
