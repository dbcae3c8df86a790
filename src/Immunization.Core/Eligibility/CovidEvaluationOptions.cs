namespace Immunization.Core.Eligibility;

/// <summary>The configurable parts of COVID-19 status and eligibility.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record CovidEvaluationOptions
{
    /// <summary>The defaults: the built-in age groups, fully vaccinated 14 days after the last primary dose, second booster for 50+,
    /// the immunocompromised and the high-exposure priority groups.</summary>
    public static CovidEvaluationOptions Default { get; } = new();

    /// <summary>The age groups people are classified into.</summary>
    public AgeGroupScheme AgeGroups { get; init; } = AgeGroupScheme.Default;

    /// <summary>
    /// Days after the last valid primary dose before the status is <see cref="VaccinationStatus.PrimarySeriesComplete"/>
    /// (14 by default; 0 counts the day of the dose).
    /// </summary>
    public int FullyVaccinatedAfterDays { get; init; } = 14;

    /// <summary>The age from which an adult may have the second booster (50; thanhnien 05/2022, sggpnews 2022-05-12).</summary>
    public int SecondBoosterMinimumAge { get; init; } = 50;

    /// <summary>
    /// The priority groups whose adults may have the second booster ("high exposure risk": health workers, anti-epidemic
    /// forces, border staff, military, police, teachers, essential services; thanhnien 05/2022). Immunocompromised adults
    /// may too, whatever their group.
    /// </summary>
    public IReadOnlyList<PriorityGroup> SecondBoosterGroups { get; init; } =
    [
        PriorityGroup.HealthWorkers, PriorityGroup.AntiEpidemicForces, PriorityGroup.DiplomatsCustomsImmigration, PriorityGroup.Military,
        PriorityGroup.Police, PriorityGroup.Teachers, PriorityGroup.EssentialServices,
    ];

    /// <summary>
    /// The products not given in pregnancy: Sputnik V (CVX 505; giadinh.net.vn, thanhnien.vn, 09/2021). A pregnant person
    /// (<see cref="RiskConditions.Pregnant"/> on the date) is not offered them, and <see cref="CovidEvaluator.Check"/> refuses
    /// them; a dose already given still counts (CDSi evaluates what was given; a contraindication stops a forecast only).
    /// </summary>
    public IReadOnlyList<string> NotInPregnancyProducts { get; init; } = ["505"];
}
