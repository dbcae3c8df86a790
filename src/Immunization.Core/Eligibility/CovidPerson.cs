using Ardalis.GuardClauses;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using NodaTime;

namespace Immunization.Core.Eligibility;

/// <summary>
/// What the COVID-19 schedule needs to know about a person: date of birth, sex, priority groups and risk conditions, as
/// facts on the date asked about. They reach the engine as CDSi observations (<c>VN-PG01</c>…<c>VN-PG11</c>,
/// <c>VN-IMMUNOCOMPROMISED</c>, <c>VN-PREGNANT</c>), the way CDSi models underlying conditions.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CovidPerson
{
    /// <summary>Creates the facts about a person.</summary>
    /// <param name="dateOfBirth">The date of birth, to the day, month or year. A date known to the month or year is taken
    /// as its first day (the register's convention for an unknown day and month is 01/01).</param>
    /// <param name="sex">The sex.</param>
    /// <param name="priorityGroups">The priority groups of Decision 1210/QĐ-BYT (none, one or several).</param>
    /// <param name="riskConditions">The risk conditions.</param>
    public CovidPerson(PartialDate dateOfBirth, Sex sex, IEnumerable<PriorityGroup>? priorityGroups = null, RiskConditions riskConditions = RiskConditions.None)
    {
        DateOfBirth = dateOfBirth;
        Sex = sex;
        PriorityGroups = Array.AsReadOnly((priorityGroups ?? []).Where(g => g != PriorityGroup.None).Distinct().Order().ToArray());
        RiskConditions = riskConditions;
        foreach (var group in PriorityGroups)
        {
            Guard.Against.EnumOutOfRange(group);
        }

        var observations = new List<PatientObservation>();
        foreach (var group in PriorityGroups)
        {
            observations.Add(new PatientObservation(ObservationCode(group)));
        }

        if ((riskConditions & RiskConditions.Immunocompromised) != 0)
        {
            observations.Add(new PatientObservation("VN-IMMUNOCOMPROMISED"));
        }

        if ((riskConditions & RiskConditions.Pregnant) != 0)
        {
            observations.Add(new PatientObservation("VN-PREGNANT"));
        }

        Patient = new CdsiPatient(BirthDate, sex, observations);
    }

    /// <summary>The date of birth as given.</summary>
    public PartialDate DateOfBirth { get; }

    /// <summary>The date of birth the evaluation uses: the first day of <see cref="DateOfBirth"/>'s range.</summary>
    public LocalDate BirthDate => DateOfBirth.Earliest;

    /// <summary>The sex.</summary>
    public Sex Sex { get; }

    /// <summary>The priority groups, in their order, without repeats.</summary>
    public IReadOnlyList<PriorityGroup> PriorityGroups { get; }

    /// <summary>The risk conditions.</summary>
    public RiskConditions RiskConditions { get; }

    internal CdsiPatient Patient { get; }

    /// <summary>The CDSi observation code of a priority group, e.g. <c>VN-PG01</c> for health workers.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The code in the schedule's observation list.</returns>
    public static string ObservationCode(PriorityGroup group) => "VN-PG" + ((int)group).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}
