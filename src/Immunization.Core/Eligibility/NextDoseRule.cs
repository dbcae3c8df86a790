namespace Immunization.Core.Eligibility;

/// <summary>Why the next dose is (or is not) due when it is.</summary>
public enum NextDoseRule : byte
{
    /// <summary>The series' rules (age, interval, product) in effect: the dose may be given from <see cref="CovidNextDose.Earliest"/>.</summary>
    Schedule = 0,

    /// <summary>Too young on the date asked about: the earliest date is the minimum age.</summary>
    TooYoung = 1,

    /// <summary>Too soon after the previous dose: the earliest date is the minimum interval.</summary>
    TooSoon = 2,

    /// <summary>No rule for this dose was in effect yet on the date asked about (e.g. boosters before 1 Dec 2021): the dates are those of the first rule that takes effect.</summary>
    NotYetInEffect = 3,

    /// <summary>The second booster is for adults of 50 and over, the immunocompromised and the high-exposure priority groups; the person is none of them.</summary>
    NotInSecondBoosterGroup = 4,

    /// <summary>The person is older than the series allows for another dose.</summary>
    AgedOut = 5,
}
