namespace Immunization.Core.Eligibility;

/// <summary>Risk conditions that change a person's COVID-19 schedule.</summary>
[Flags]
public enum RiskConditions : byte
{
    /// <summary>None known.</summary>
    None = 0,

    /// <summary>Moderately or severely immunocompromised: an additional primary dose (Dispatch 3309/BYT-DP) and the second booster.</summary>
    Immunocompromised = 1,

    /// <summary>
    /// Pregnant. The sources give one effect: Sputnik V is not given in pregnancy (giadinh.net.vn; thanhnien.vn, 09/2021), so
    /// it is not offered (<see cref="CovidEvaluationOptions.NotInPregnancyProducts"/>). They give no other change to the
    /// schedule (no series, interval or priority), so otherwise it is a fact carried and reported
    /// (<see cref="CovidAssessment.RiskConditions"/>).
    /// </summary>
    Pregnant = 2,
}
