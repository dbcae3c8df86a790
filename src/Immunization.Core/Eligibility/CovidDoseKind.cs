namespace Immunization.Core.Eligibility;

/// <summary>The role of a dose in a person's COVID-19 series.</summary>
public enum CovidDoseKind : byte
{
    /// <summary>A dose of the primary series (including the immunocompromised's additional primary dose).</summary>
    Primary = 0,

    /// <summary>The first booster (dose 3 after a 2-dose primary series).</summary>
    Booster = 1,

    /// <summary>The second booster (dose 4 after a 2-dose primary series).</summary>
    SecondBooster = 2,
}
