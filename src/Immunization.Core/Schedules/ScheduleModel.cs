using NodaTime;

namespace Immunization.Core.Schedules;

// The CDSi schedule model: immutable records compiled once from CDC's supporting data. Field names follow the
// supporting-data XML so a reader of the logic specification recognises them.

/// <summary>When a rule applies: from <see cref="Effective"/> through <see cref="Cessation"/>, both inclusive (CDC's data
/// ends one rule on the day before the next one starts, e.g. 2016-12-15 and 2016-12-16).</summary>
internal readonly record struct EffectivePeriod(LocalDate? Effective, LocalDate? Cessation)
{
    public bool Contains(LocalDate date) =>
        (Effective is not { } from || date >= from) && (Cessation is not { } to || date <= to);
}

internal sealed record AgeRule(
    CdsiDuration? AbsoluteMinimum,
    CdsiDuration? Minimum,
    CdsiDuration? EarliestRecommended,
    CdsiDuration? LatestRecommended,
    CdsiDuration? Maximum,
    EffectivePeriod Period);

internal sealed record IntervalRule(
    bool FromPrevious,
    int? FromTargetDose,
    IReadOnlyList<string> FromMostRecent,
    string? FromObservation,
    CdsiDuration? AbsoluteMinimum,
    CdsiDuration? Minimum,
    CdsiDuration? EarliestRecommended,
    CdsiDuration? LatestRecommended,
    bool PriorityOverride,
    EffectivePeriod Period);

internal sealed record SeriesVaccine(
    string VaccineType,
    string Cvx,
    CdsiDuration? BeginAge,
    CdsiDuration? EndAge,
    string? TradeName,
    string? Mvx,
    bool ForecastVaccineType,
    EffectivePeriod Period);

internal enum SkipContext : byte
{
    Evaluation,
    Forecast,
    Both,
}

internal enum SkipConditionType : byte
{
    Age,
    Interval,
    CompletedSeries,
    VaccineCountByAge,
    VaccineCountByDate,
    VaccineCountByDateAndAge,
}

internal enum DoseCountLogic : byte
{
    GreaterThan,
    EqualTo,
    LessThan,
}

internal sealed record SkipCondition(
    SkipConditionType Type,
    LocalDate? StartDate,
    LocalDate? EndDate,
    CdsiDuration? BeginAge,
    CdsiDuration? EndAge,
    CdsiDuration? Interval,
    int DoseCount,
    bool CountValidOnly,
    DoseCountLogic CountLogic,
    IReadOnlyList<string> VaccineTypes,
    IReadOnlyList<string> SeriesGroups);

internal sealed record SkipSet(string Id, string Description, bool ConditionsOr, EffectivePeriod Period, IReadOnlyList<SkipCondition> Conditions);

internal sealed record ConditionalSkip(SkipContext Context, bool SetsOr, IReadOnlyList<SkipSet> Sets)
{
    public bool AppliesTo(bool forecast) =>
        Context == SkipContext.Both || (forecast ? Context == SkipContext.Forecast : Context == SkipContext.Evaluation);
}

internal sealed record SeriesDose(
    int Number,
    IReadOnlyList<AgeRule> Ages,
    IReadOnlyList<IntervalRule> Intervals,
    IReadOnlyList<IntervalRule> AllowableIntervals,
    IReadOnlyList<SeriesVaccine> PreferableVaccines,
    IReadOnlyList<SeriesVaccine> AllowableVaccines,
    IReadOnlyList<string> InadvertentCvx,
    IReadOnlyList<ConditionalSkip> ConditionalSkips,
    bool Recurring,
    LocalDate? SeasonStart,
    LocalDate? SeasonEnd);

internal enum SeriesType : byte
{
    Standard,
    Risk,
    EvaluationOnly,
}

internal sealed record Indication(string ObservationCode, CdsiDuration? BeginAge, CdsiDuration? EndAge, string Description);

internal sealed record AntigenSeries(
    string Name,
    string Antigen,
    string VaccineGroup,
    SeriesType Type,
    IReadOnlyList<string> EquivalentSeriesGroups,
    IReadOnlyList<string> RequiredGenders,
    bool IsDefault,
    bool IsProductPath,
    string SeriesGroupName,
    string SeriesGroup,
    char Priority,
    int Preference,
    CdsiDuration? MinAgeToStart,
    CdsiDuration? MaxAgeToStart,
    IReadOnlyList<Indication> Indications,
    IReadOnlyList<SeriesDose> Doses)
{
    /// <summary>
    /// Extension to CDC's format (<c>selectSeries/primaryDoses</c>, used by Viet Nam's COVID-19 schedule): how many doses
    /// of the series form its primary series, the later ones being boosters; <see langword="null"/> in CDC's files.
    /// </summary>
    public int? PrimaryDoses { get; init; }

    /// <summary>Some conditional skip depends on another series being complete (evaluated in a second pass).</summary>
    public bool UsesCompletedSeries { get; } = Doses.Any(d => d.ConditionalSkips.Any(s => s.Sets.Any(t => t.Conditions.Any(c => c.Type == SkipConditionType.CompletedSeries))));
}

internal sealed record Contraindication(string ObservationCode, string Text, CdsiDuration? BeginAge, CdsiDuration? EndAge, IReadOnlyList<string> Cvx);

internal sealed record Immunity(IReadOnlyList<string> ClinicalHistoryCodes, LocalDate? BirthDateBefore, IReadOnlyList<string> ExclusionCodes);

internal sealed record AntigenSchedule(
    string Name,
    Immunity Immunity,
    IReadOnlyList<Contraindication> GroupContraindications,
    IReadOnlyList<Contraindication> VaccineContraindications,
    IReadOnlyList<AntigenSeries> Series);

internal sealed record LiveVirusConflict(string PreviousCvx, string CurrentCvx, CdsiDuration Begin, CdsiDuration MinimumEnd, CdsiDuration End);

internal sealed record VaccineGroupDefinition(string Name, bool AdministerFullVaccineGroup, IReadOnlyList<string> Antigens);

internal sealed record CvxAssociation(string Antigen, CdsiDuration? BeginAge, CdsiDuration? EndAge);

internal sealed record CvxMapping(string Cvx, string Description, IReadOnlyList<CvxAssociation> Associations);

internal sealed record ObservationDefinition(string Code, string Title);
