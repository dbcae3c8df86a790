using Ardalis.GuardClauses;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using NodaTime;

namespace Immunization.Core.Eligibility;

/// <summary>
/// What the COVID-19 schedule needs to know about a person: date of birth, sex, priority groups and risk conditions.
/// Groups and conditions are facts over periods (<see cref="PriorityGroupFact"/>, <see cref="RiskConditionFact"/>; the
/// simple constructor makes facts that always hold); an evaluation as of a date uses only the facts in effect on that
/// date. They reach the engine as CDSi observations (<c>VN-PG01</c>…<c>VN-PG11</c>, <c>VN-IMMUNOCOMPROMISED</c>,
/// <c>VN-PREGNANT</c>), the way CDSi models underlying conditions.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CovidPerson
{
    private readonly CdsiPatient? _undatedPatient;

    /// <summary>Creates the facts about a person whose priority groups and risk conditions hold on every date.</summary>
    /// <param name="dateOfBirth">The date of birth, to the day, month or year. A date known to the month or year is taken
    /// as its first day (the register's convention for an unknown day and month is 01/01).</param>
    /// <param name="sex">The sex.</param>
    /// <param name="priorityGroups">The priority groups of Decision 1210/QĐ-BYT (none, one or several).</param>
    /// <param name="riskConditions">The risk conditions.</param>
    public CovidPerson(PartialDate dateOfBirth, Sex sex, IEnumerable<PriorityGroup>? priorityGroups = null, RiskConditions riskConditions = RiskConditions.None)
        : this(
            dateOfBirth,
            sex,
            (priorityGroups ?? []).Select(g => new PriorityGroupFact(g)),
            riskConditions == RiskConditions.None ? [] : [new RiskConditionFact(riskConditions)])
    {
    }

    private CovidPerson(PartialDate dateOfBirth, Sex sex, IEnumerable<PriorityGroupFact> priorityGroups, IEnumerable<RiskConditionFact> riskConditions)
    {
        Guard.Against.Null(priorityGroups);
        Guard.Against.Null(riskConditions);
        DateOfBirth = dateOfBirth;
        Sex = sex;
        var groupFacts = priorityGroups.Where(f => f is not null && f.Group != PriorityGroup.None).Distinct().ToArray();
        var riskFacts = riskConditions.Where(f => f is not null && f.Conditions != RiskConditions.None).Distinct().ToArray();
        foreach (var fact in groupFacts)
        {
            Guard.Against.EnumOutOfRange(fact.Group);
            CheckPeriod(fact.From, fact.Through, nameof(priorityGroups));
        }

        foreach (var fact in riskFacts)
        {
            CheckPeriod(fact.From, fact.Through, nameof(riskConditions));
        }

        PriorityGroupFacts = Array.AsReadOnly(groupFacts);
        RiskConditionFacts = Array.AsReadOnly(riskFacts);
        PriorityGroups = Array.AsReadOnly(groupFacts.Select(f => f.Group).Distinct().Order().ToArray());
        var all = RiskConditions.None;
        foreach (var fact in riskFacts)
        {
            all |= fact.Conditions;
        }

        RiskConditions = all;
        IsDated = groupFacts.Any(f => f.From is not null || f.Through is not null) || riskFacts.Any(f => f.From is not null || f.Through is not null);
        if (!IsDated)
        {
            _undatedPatient = Build(PriorityGroups, RiskConditions);
        }
    }

    /// <summary>Creates the facts about a person whose priority groups and risk conditions hold over periods (a health
    /// worker from a date, pregnant between two dates).</summary>
    /// <param name="dateOfBirth">The date of birth, to the day, month or year (taken as the first day of its range).</param>
    /// <param name="sex">The sex.</param>
    /// <param name="priorityGroups">The periods in priority groups (facts of group <see cref="PriorityGroup.None"/> are ignored).</param>
    /// <param name="riskConditions">The periods with risk conditions (facts of <see cref="RiskConditions.None"/> are ignored).</param>
    /// <returns>The person.</returns>
    /// <exception cref="ArgumentException">A group is not one of the 11, or a fact ends before it starts.</exception>
    public static CovidPerson WithFacts(PartialDate dateOfBirth, Sex sex, IEnumerable<PriorityGroupFact> priorityGroups, IEnumerable<RiskConditionFact> riskConditions) =>
        new(dateOfBirth, sex, priorityGroups, riskConditions);

    /// <summary>The date of birth as given.</summary>
    public PartialDate DateOfBirth { get; }

    /// <summary>The date of birth the evaluation uses: the first day of <see cref="DateOfBirth"/>'s range.</summary>
    public LocalDate BirthDate => DateOfBirth.Earliest;

    /// <summary>The sex.</summary>
    public Sex Sex { get; }

    /// <summary>Every priority group the person is in on some date, in their order, without repeats (<see cref="PriorityGroupsOn"/> for one date).</summary>
    public IReadOnlyList<PriorityGroup> PriorityGroups { get; }

    /// <summary>Every risk condition the person has on some date (<see cref="RiskConditionsOn"/> for one date).</summary>
    public RiskConditions RiskConditions { get; }

    /// <summary>The priority-group facts, as given (without repeats and <see cref="PriorityGroup.None"/>).</summary>
    public IReadOnlyList<PriorityGroupFact> PriorityGroupFacts { get; }

    /// <summary>The risk-condition facts, as given (without repeats and <see cref="RiskConditions.None"/>).</summary>
    public IReadOnlyList<RiskConditionFact> RiskConditionFacts { get; }

    /// <summary>Whether any fact has a start or end date (when not, every fact holds on every date).</summary>
    public bool IsDated { get; }

    /// <summary>The CDSi observation code of a priority group, e.g. <c>VN-PG01</c> for health workers.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The code in the schedule's observation list.</returns>
    public static string ObservationCode(PriorityGroup group) => "VN-PG" + ((int)group).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The priority groups the person is in on a date, in their order, without repeats.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The groups whose facts hold on <paramref name="date"/>.</returns>
    public IReadOnlyList<PriorityGroup> PriorityGroupsOn(LocalDate date) => IsDated ? DatedPriorityGroupsOn(date) : PriorityGroups;

    /// <summary>The risk conditions the person has on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The union of the conditions whose facts hold on <paramref name="date"/>.</returns>
    public RiskConditions RiskConditionsOn(LocalDate date)
    {
        if (!IsDated)
        {
            return RiskConditions;
        }

        var on = RiskConditions.None;
        foreach (var fact in RiskConditionFacts)
        {
            if (fact.IsInEffectOn(date))
            {
                on |= fact.Conditions;
            }
        }

        return on;
    }

    // Apart from PriorityGroupsOn: the lambda's closure is made on entry to the method that declares it, and most people
    // have no dated fact (no closure per call for them).
    private PriorityGroup[] DatedPriorityGroupsOn(LocalDate date) =>
        PriorityGroupFacts.Where(f => f.IsInEffectOn(date)).Select(f => f.Group).Distinct().Order().ToArray();

    /// <summary>The engine's patient with the observations in effect on a date.</summary>
    internal CdsiPatient PatientOn(LocalDate date) => _undatedPatient ?? Build(PriorityGroupsOn(date), RiskConditionsOn(date));

    private CdsiPatient Build(IReadOnlyList<PriorityGroup> groups, RiskConditions conditions)
    {
        var observations = new List<PatientObservation>(groups.Count + 2);
        foreach (var group in groups)
        {
            observations.Add(new PatientObservation(ObservationCode(group)));
        }

        if ((conditions & RiskConditions.Immunocompromised) != 0)
        {
            observations.Add(new PatientObservation("VN-IMMUNOCOMPROMISED"));
        }

        if ((conditions & RiskConditions.Pregnant) != 0)
        {
            observations.Add(new PatientObservation("VN-PREGNANT"));
        }

        return new CdsiPatient(BirthDate, Sex, observations);
    }

    private static void CheckPeriod(LocalDate? from, LocalDate? through, string parameter)
    {
        if (from is { } f && through is { } t && t < f)
        {
            throw new ArgumentException("A fact ends before it starts.", parameter);
        }
    }
}
