namespace Immunization.Core.Eligibility;

/// <summary>
/// The 11 priority groups of Decision 1210/QĐ-BYT (9 February 2021), in its order; the value is the group's number (the
/// standard record file's <c>priority_group</c> column).
/// </summary>
public enum PriorityGroup : byte
{
    /// <summary>Not in a priority group.</summary>
    None = 0,

    /// <summary>1: health workers.</summary>
    HealthWorkers = 1,

    /// <summary>2: anti-epidemic task forces.</summary>
    AntiEpidemicForces = 2,

    /// <summary>3: diplomats, customs, immigration.</summary>
    DiplomatsCustomsImmigration = 3,

    /// <summary>4: military.</summary>
    Military = 4,

    /// <summary>5: police.</summary>
    Police = 5,

    /// <summary>6: teachers.</summary>
    Teachers = 6,

    /// <summary>7: people over 65.</summary>
    Over65 = 7,

    /// <summary>8: essential services.</summary>
    EssentialServices = 8,

    /// <summary>9: chronic disease.</summary>
    ChronicDisease = 9,

    /// <summary>10: going abroad.</summary>
    GoingAbroad = 10,

    /// <summary>11: outbreak areas.</summary>
    OutbreakAreas = 11,
}
