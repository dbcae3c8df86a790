namespace Immunization.Reporting.Coverage;

/// <summary>The names of the indicators in the tidy table.</summary>
public static class Indicators
{
    /// <summary>People in the register (the denominator, as a count).</summary>
    public const string Population = "population";

    /// <summary>Doses administered, as entered (every dose record counts once).</summary>
    public const string DosesEntered = "doses_entered";

    /// <summary>Doses administered that the evaluation found valid.</summary>
    public const string DosesValid = "doses_valid";

    /// <summary>People with at least one valid dose, per 100 people.</summary>
    public const string PeopleOnePlus = "people_1plus";

    /// <summary>People with a complete primary series, per 100 people.</summary>
    public const string PeoplePrimaryComplete = "people_primary_complete";

    /// <summary>People with a first booster (dose 3), per 100 people.</summary>
    public const string PeopleBoosted = "people_boosted";

    /// <summary>People with a second booster (dose 4), per 100 people.</summary>
    public const string PeopleSecondBooster = "people_second_booster";

    /// <summary>People without dose 2 once their product's interval plus the grace has passed, per 100 people with dose 1 that long ago.</summary>
    public const string DropOutDose1To2 = "dropout_dose1_dose2";
}
