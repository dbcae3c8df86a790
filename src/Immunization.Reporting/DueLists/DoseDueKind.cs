namespace Immunization.Reporting.DueLists;

/// <summary>Why a person is on a commune's dose-due list.</summary>
public enum DoseDueKind
{
    /// <summary>Dose 2 is past due: the person had dose 1 and the past-due date of dose 2 has gone by.</summary>
    OverdueDoseTwo = 0,

    /// <summary>A person of a priority group whose dose 3 (first booster) is due: its earliest date has come.</summary>
    PriorityDoseThree = 1,

    /// <summary>A person of a priority group whose dose 4 (second booster) is due: its earliest date has come.</summary>
    PriorityDoseFour = 2,
}
