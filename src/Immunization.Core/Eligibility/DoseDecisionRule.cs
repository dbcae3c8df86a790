namespace Immunization.Core.Eligibility;

/// <summary>The rule that allows a COVID-19 dose of a product on a date, or the one that stops it (<see cref="CovidDoseDecision"/>).</summary>
public enum DoseDecisionRule : byte
{
    /// <summary>Allowed: the dose would count under the rules in effect on the date (age, interval, product, mixing).</summary>
    Allowed = 0,

    /// <summary>Allowed: the dose would count, but only within the 4-day grace period (CDSi absolute minimum interval or age); the earliest date is later.</summary>
    GracePeriod = 1,

    /// <summary>Too young for the dose on the date: it counts from the minimum age (<see cref="CovidDoseDecision.Earliest"/>).</summary>
    TooYoung = 2,

    /// <summary>Too soon after the previous dose: it counts from the minimum interval (<see cref="CovidDoseDecision.Earliest"/>).</summary>
    TooSoon = 3,

    /// <summary>The product is not allowed for this dose on the date: the wrong product for the age, or a mix (after the dose before) not allowed then.</summary>
    ProductNotAllowed = 4,

    /// <summary>No rule for this dose was in effect yet on the date (e.g. boosters before 1 Dec 2021); it counts from <see cref="CovidDoseDecision.Earliest"/>.</summary>
    NotYetInEffect = 5,

    /// <summary>A second booster, and the person is not 50+, immunocompromised or in a high-exposure priority group on the date.</summary>
    NotInSecondBoosterGroup = 6,

    /// <summary>The person is older than the series allows for the dose.</summary>
    AgedOut = 7,

    /// <summary>The series is complete (with every booster the schedule has): a further dose would be extraneous.</summary>
    SeriesComplete = 8,

    /// <summary>The product is not given in pregnancy (<see cref="CovidEvaluationOptions.NotInPregnancyProducts"/>) and the person is pregnant on the date.</summary>
    NotInPregnancy = 9,

    /// <summary>The code is not a product of Viet Nam's COVID-19 schedule.</summary>
    UnknownProduct = 10,
}
