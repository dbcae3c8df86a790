namespace Immunization.Core.Eligibility;

/// <summary>Risk conditions that change a person's COVID-19 schedule.</summary>
[Flags]
public enum RiskConditions : byte
{
    /// <summary>None known.</summary>
    None = 0,

    /// <summary>Moderately or severely immunocompromised: an additional primary dose (Dispatch 3309/BYT-DP) and the second booster.</summary>
    Immunocompromised = 1,

    /// <summary>Pregnant: recorded (Sputnik V is not given in pregnancy); the built-in schedule does not change with it.</summary>
    Pregnant = 2,
}
