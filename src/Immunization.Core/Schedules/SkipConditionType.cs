namespace Immunization.Core.Schedules;

/// <summary>The kind of a conditional-skip condition.</summary>
public enum SkipConditionType : byte
{
    /// <summary>The patient's age is within a begin and end age.</summary>
    Age = 0,

    /// <summary>The interval from the previous dose is at least a value.</summary>
    Interval = 1,

    /// <summary>A series of the named series groups is complete.</summary>
    CompletedSeries = 2,

    /// <summary>A count of doses of some vaccine types given within ages.</summary>
    VaccineCountByAge = 3,

    /// <summary>A count of doses of some vaccine types given within dates.</summary>
    VaccineCountByDate = 4,

    /// <summary>A count of doses of some vaccine types given within dates and ages.</summary>
    VaccineCountByDateAndAge = 5,
}
