using System.Collections;
using System.Collections.Frozen;
using System.Collections.ObjectModel;
using NodaTime;

namespace Immunization.Core.Schedules;

// The public, read-only view of the schedule model. It is built once when supporting data is loaded, from the
// internal records the engine runs on (which stay free to change shape for speed). Every list is a ReadOnlyCollection
// over an array nobody else holds: it cannot be cast back to something mutable.

/// <summary>A read-only list of named schedule items (antigens, vaccine groups, CVX codes) in load order, also indexed by name.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiNamedList<T> : IReadOnlyList<T>
    where T : class
{
    private readonly ReadOnlyCollection<T> _items;
    private readonly FrozenDictionary<string, T> _byName;
    private readonly Func<string, string> _normalize;

    internal CdsiNamedList(IEnumerable<T> items, Func<T, string> name, Func<string, string>? normalize = null)
    {
        _items = Array.AsReadOnly(items.ToArray());
        _normalize = normalize ?? (static n => n);
        var byName = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in _items)
        {
            byName.TryAdd(_normalize(name(item)), item);
        }

        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The number of items.</summary>
    public int Count => _items.Count;

    /// <summary>The item at a position, in load order.</summary>
    /// <param name="index">The zero-based position.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public T this[int index] => _items[index];

    /// <summary>The item with a name (case-insensitive; for CVX codes, leading zeros do not matter).</summary>
    /// <param name="name">The name, e.g. <c>Measles</c>, <c>MMR</c> or <c>03</c>.</param>
    /// <returns>The item.</returns>
    /// <exception cref="KeyNotFoundException">No item has that name; the message names it.</exception>
    public T this[string name] =>
        TryGet(name, out var item) ? item : throw new KeyNotFoundException($"'{name}' is not in the supporting data.");

    /// <summary>Looks an item up by name (case-insensitive; for CVX codes, leading zeros do not matter).</summary>
    /// <param name="name">The name.</param>
    /// <param name="item">The item, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if found.</returns>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? item)
    {
        item = null;
        return name is not null && _byName.TryGetValue(_normalize(name), out item);
    }

    /// <summary>Whether an item has that name.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> if found.</returns>
    public bool Contains(string name) => TryGet(name, out _);

    /// <summary>Enumerates the items in load order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The type of an antigen series.</summary>
public enum CdsiSeriesType
{
    /// <summary>A standard series, relevant to everyone (subject to a required sex).</summary>
    Standard = 0,

    /// <summary>A risk series, relevant only with one of its indications (observations).</summary>
    Risk = 1,

    /// <summary>A series used only to evaluate past doses, never to forecast.</summary>
    EvaluationOnly = 2,
}

/// <summary>An antigen (target disease) of the supporting data and its series.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiAntigen
{
    internal CdsiAntigen(AntigenSchedule antigen)
    {
        Name = antigen.Name;
        ImmunityBirthDateBefore = antigen.Immunity.BirthDateBefore;
        Series = Array.AsReadOnly(antigen.Series.Select(s => new CdsiSeries(s)).ToArray());
    }

    /// <summary>The antigen's name, e.g. <c>Measles</c>.</summary>
    public string Name { get; }

    /// <summary>Persons born before this date are presumed immune (e.g. 1957-01-01 for measles), or <see langword="null"/>.</summary>
    public LocalDate? ImmunityBirthDateBefore { get; }

    /// <summary>The antigen's series (standard, risk and evaluation-only), in the file's order.</summary>
    public IReadOnlyList<CdsiSeries> Series { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>An antigen series: an ordered list of target doses, with the rules for choosing it.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiSeries
{
    internal CdsiSeries(AntigenSeries series)
    {
        Name = series.Name;
        Antigen = series.Antigen;
        VaccineGroup = series.VaccineGroup;
        Type = (CdsiSeriesType)series.Type;
        IsDefault = series.IsDefault;
        IsProductPath = series.IsProductPath;
        SeriesGroup = series.SeriesGroup;
        Priority = series.Priority;
        Preference = series.Preference;
        MinimumAgeToStart = series.MinAgeToStart;
        MaximumAgeToStart = series.MaxAgeToStart;
        RequiredSex = Array.AsReadOnly(series.RequiredGenders.ToArray());
        IndicationCodes = Array.AsReadOnly(series.Indications.Select(i => i.ObservationCode).ToArray());
        Doses = Array.AsReadOnly(series.Doses.Select(d => new CdsiSeriesDose(d)).ToArray());
        PrimaryDoses = series.PrimaryDoses;
    }

    /// <summary>
    /// How many doses of the series form its primary series (the later ones are boosters): an extension to CDC's format
    /// (<c>selectSeries/primaryDoses</c>), given by Viet Nam's COVID-19 schedule; <see langword="null"/> in CDC's files.
    /// </summary>
    public int? PrimaryDoses { get; }

    /// <summary>The series name, e.g. <c>Measles 2-dose series</c>.</summary>
    public string Name { get; }

    /// <summary>The antigen, e.g. <c>Measles</c>.</summary>
    public string Antigen { get; }

    /// <summary>The vaccine group, e.g. <c>MMR</c>.</summary>
    public string VaccineGroup { get; }

    /// <summary>Standard, risk or evaluation-only.</summary>
    public CdsiSeriesType Type { get; }

    /// <summary>Whether this is the default series of its series group.</summary>
    public bool IsDefault { get; }

    /// <summary>Whether this is a product path (a series for one product, e.g. a 2-dose rotavirus series).</summary>
    public bool IsProductPath { get; }

    /// <summary>The series group the series competes in during series selection.</summary>
    public string SeriesGroup { get; }

    /// <summary>The series priority (<c>A</c> highest).</summary>
    public char Priority { get; }

    /// <summary>The series preference (1 preferred) used to break ties.</summary>
    public int Preference { get; }

    /// <summary>The minimum age to start the series, or <see langword="null"/>.</summary>
    public CdsiDuration? MinimumAgeToStart { get; }

    /// <summary>The maximum age to start the series, or <see langword="null"/>.</summary>
    public CdsiDuration? MaximumAgeToStart { get; }

    /// <summary>The sexes the series applies to (<c>Male</c>, <c>Female</c>, <c>Unknown</c>); empty for everyone.</summary>
    public IReadOnlyList<string> RequiredSex { get; }

    /// <summary>The observation codes that make a risk series relevant; empty for a standard series.</summary>
    public IReadOnlyList<string> IndicationCodes { get; }

    /// <summary>The target doses, in order.</summary>
    public IReadOnlyList<CdsiSeriesDose> Doses { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A target dose of a series: its age and interval rules and its vaccines.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiSeriesDose
{
    internal CdsiSeriesDose(SeriesDose dose)
    {
        Number = dose.Number;
        Ages = Array.AsReadOnly(dose.Ages.Select(a => new CdsiAgeRule(a)).ToArray());
        PreferableIntervals = Array.AsReadOnly(dose.Intervals.Select(i => new CdsiIntervalRule(i)).ToArray());
        AllowableIntervals = Array.AsReadOnly(dose.AllowableIntervals.Select(i => new CdsiIntervalRule(i)).ToArray());
        PreferableVaccines = Array.AsReadOnly(dose.PreferableVaccines.Select(v => new CdsiSeriesVaccine(v)).ToArray());
        AllowableVaccines = Array.AsReadOnly(dose.AllowableVaccines.Select(v => new CdsiSeriesVaccine(v)).ToArray());
        InadvertentCvx = Array.AsReadOnly(dose.InadvertentCvx.ToArray());
        HasConditionalSkip = dose.ConditionalSkips.Count > 0;
        IsRecurring = dose.Recurring;
    }

    /// <summary>The target dose number, 1-based.</summary>
    public int Number { get; }

    /// <summary>The age rules, each with its effective and cessation dates.</summary>
    public IReadOnlyList<CdsiAgeRule> Ages { get; }

    /// <summary>The preferable interval rules (from the previous dose, a target dose, a vaccine or an observation).</summary>
    public IReadOnlyList<CdsiIntervalRule> PreferableIntervals { get; }

    /// <summary>The allowable interval rules, checked when a preferable interval is not met.</summary>
    public IReadOnlyList<CdsiIntervalRule> AllowableIntervals { get; }

    /// <summary>The preferable vaccines.</summary>
    public IReadOnlyList<CdsiSeriesVaccine> PreferableVaccines { get; }

    /// <summary>The allowable vaccines (valid, but not preferred).</summary>
    public IReadOnlyList<CdsiSeriesVaccine> AllowableVaccines { get; }

    /// <summary>CVX codes (without leading zeros) that are an inadvertent administration for this dose.</summary>
    public IReadOnlyList<string> InadvertentCvx { get; }

    /// <summary>Whether the dose has conditional-skip rules.</summary>
    public bool HasConditionalSkip { get; }

    /// <summary>Whether the dose recurs (e.g. a yearly influenza dose).</summary>
    public bool IsRecurring { get; }
}

/// <summary>An age rule of a target dose. Absent ages are <see langword="null"/>.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiAgeRule
{
    internal CdsiAgeRule(AgeRule rule)
    {
        AbsoluteMinimumAge = rule.AbsoluteMinimum;
        MinimumAge = rule.Minimum;
        EarliestRecommendedAge = rule.EarliestRecommended;
        LatestRecommendedAge = rule.LatestRecommended;
        MaximumAge = rule.Maximum;
        EffectiveDate = rule.Period.Effective;
        CessationDate = rule.Period.Cessation;
    }

    /// <summary>The absolute minimum age (the minimum age less the 4-day grace period).</summary>
    public CdsiDuration? AbsoluteMinimumAge { get; }

    /// <summary>The minimum age.</summary>
    public CdsiDuration? MinimumAge { get; }

    /// <summary>The earliest recommended age.</summary>
    public CdsiDuration? EarliestRecommendedAge { get; }

    /// <summary>The latest recommended age (past due after it).</summary>
    public CdsiDuration? LatestRecommendedAge { get; }

    /// <summary>The maximum age (a dose on or after it is extraneous).</summary>
    public CdsiDuration? MaximumAge { get; }

    /// <summary>The first day the rule applies (inclusive), or <see langword="null"/> for always.</summary>
    public LocalDate? EffectiveDate { get; }

    /// <summary>The last day the rule applies (inclusive), or <see langword="null"/> for no end.</summary>
    public LocalDate? CessationDate { get; }

    /// <summary>Whether the rule applies to a dose given on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> if within the effective and cessation dates.</returns>
    public bool IsInEffectOn(LocalDate date) => new EffectivePeriod(EffectiveDate, CessationDate).Contains(date);
}

/// <summary>An interval rule of a target dose. Absent intervals are <see langword="null"/>.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiIntervalRule
{
    internal CdsiIntervalRule(IntervalRule rule)
    {
        FromPreviousDose = rule.FromPrevious;
        FromTargetDose = rule.FromTargetDose;
        FromMostRecentCvx = Array.AsReadOnly(rule.FromMostRecent.ToArray());
        FromObservation = rule.FromObservation;
        AbsoluteMinimumInterval = rule.AbsoluteMinimum;
        MinimumInterval = rule.Minimum;
        EarliestRecommendedInterval = rule.EarliestRecommended;
        LatestRecommendedInterval = rule.LatestRecommended;
        EffectiveDate = rule.Period.Effective;
        CessationDate = rule.Period.Cessation;
    }

    /// <summary>Whether the interval is measured from the previous dose.</summary>
    public bool FromPreviousDose { get; }

    /// <summary>The target dose (1-based) the interval is measured from, or <see langword="null"/>.</summary>
    public int? FromTargetDose { get; }

    /// <summary>CVX codes whose most recent dose the interval is measured from; empty otherwise.</summary>
    public IReadOnlyList<string> FromMostRecentCvx { get; }

    /// <summary>The observation code the interval is measured from, or <see langword="null"/>.</summary>
    public string? FromObservation { get; }

    /// <summary>The absolute minimum interval (the minimum less the 4-day grace period).</summary>
    public CdsiDuration? AbsoluteMinimumInterval { get; }

    /// <summary>The minimum interval.</summary>
    public CdsiDuration? MinimumInterval { get; }

    /// <summary>The earliest recommended interval.</summary>
    public CdsiDuration? EarliestRecommendedInterval { get; }

    /// <summary>The latest recommended interval.</summary>
    public CdsiDuration? LatestRecommendedInterval { get; }

    /// <summary>The first day the rule applies (inclusive), or <see langword="null"/> for always.</summary>
    public LocalDate? EffectiveDate { get; }

    /// <summary>The last day the rule applies (inclusive), or <see langword="null"/> for no end.</summary>
    public LocalDate? CessationDate { get; }

    /// <summary>Whether the rule applies to a dose given on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> if within the effective and cessation dates.</returns>
    public bool IsInEffectOn(LocalDate date) => new EffectivePeriod(EffectiveDate, CessationDate).Contains(date);
}

/// <summary>A preferable or allowable vaccine of a target dose.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiSeriesVaccine
{
    internal CdsiSeriesVaccine(SeriesVaccine vaccine)
    {
        VaccineType = vaccine.VaccineType;
        Cvx = vaccine.Cvx;
        BeginAge = vaccine.BeginAge;
        EndAge = vaccine.EndAge;
        TradeName = vaccine.TradeName;
        Mvx = vaccine.Mvx;
        IsForecastVaccine = vaccine.ForecastVaccineType;
        EffectiveDate = vaccine.Period.Effective;
        CessationDate = vaccine.Period.Cessation;
    }

    /// <summary>The vaccine type, e.g. <c>MMR</c>.</summary>
    public string VaccineType { get; }

    /// <summary>The CVX code, without leading zeros.</summary>
    public string Cvx { get; }

    /// <summary>The age from which the vaccine counts, or <see langword="null"/>.</summary>
    public CdsiDuration? BeginAge { get; }

    /// <summary>The age from which it no longer counts, or <see langword="null"/>.</summary>
    public CdsiDuration? EndAge { get; }

    /// <summary>The trade name, if the schedule names one.</summary>
    public string? TradeName { get; }

    /// <summary>The MVX code, if the schedule names one.</summary>
    public string? Mvx { get; }

    /// <summary>Whether the schedule recommends this vaccine in forecasts.</summary>
    public bool IsForecastVaccine { get; }

    /// <summary>The first day the vaccine counts (inclusive), or <see langword="null"/> for always.</summary>
    public LocalDate? EffectiveDate { get; }

    /// <summary>The last day the vaccine counts (inclusive), or <see langword="null"/> for no end.</summary>
    public LocalDate? CessationDate { get; }
}

/// <summary>A vaccine group (e.g. <c>MMR</c>) and its antigens.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiVaccineGroup
{
    internal CdsiVaccineGroup(VaccineGroupDefinition group)
    {
        Name = group.Name;
        AdministerFullVaccineGroup = group.AdministerFullVaccineGroup;
        Antigens = Array.AsReadOnly(group.Antigens.ToArray());
    }

    /// <summary>The vaccine group name, e.g. <c>DTaP/Tdap/Td</c>.</summary>
    public string Name { get; }

    /// <summary>Whether a dose for the group must cover all its antigens (forecast the lowest dose number).</summary>
    public bool AdministerFullVaccineGroup { get; }

    /// <summary>The names of its antigens.</summary>
    public IReadOnlyList<string> Antigens { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>An entry of the CVX map: a vaccine and the antigens it protects against.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiCvxCode
{
    internal CdsiCvxCode(CvxMapping mapping)
    {
        Cvx = mapping.Cvx;
        Description = mapping.Description;
        Antigens = Array.AsReadOnly(mapping.Associations.Select(a => new CdsiCvxAntigen(a)).ToArray());
    }

    /// <summary>The CVX code, without leading zeros, e.g. <c>3</c> for MMR.</summary>
    public string Cvx { get; }

    /// <summary>CDC's description of the vaccine.</summary>
    public string Description { get; }

    /// <summary>The antigens it counts for.</summary>
    public IReadOnlyList<CdsiCvxAntigen> Antigens { get; }

    /// <inheritdoc/>
    public override string ToString() => Cvx;
}

/// <summary>An antigen a CVX code counts for, within optional ages.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiCvxAntigen
{
    internal CdsiCvxAntigen(CvxAssociation association)
    {
        Antigen = association.Antigen;
        BeginAge = association.BeginAge;
        EndAge = association.EndAge;
    }

    /// <summary>The antigen name.</summary>
    public string Antigen { get; }

    /// <summary>The age from which the vaccine counts for the antigen, or <see langword="null"/>.</summary>
    public CdsiDuration? BeginAge { get; }

    /// <summary>The age from which it no longer counts, or <see langword="null"/>.</summary>
    public CdsiDuration? EndAge { get; }
}

/// <summary>A live-virus conflict: a dose of <see cref="CurrentCvx"/> given too soon after one of <see cref="PreviousCvx"/> is not valid.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiLiveVirusConflict
{
    internal CdsiLiveVirusConflict(LiveVirusConflict conflict)
    {
        PreviousCvx = conflict.PreviousCvx;
        CurrentCvx = conflict.CurrentCvx;
        ConflictBegin = conflict.Begin;
        MinimumConflictEnd = conflict.MinimumEnd;
        ConflictEnd = conflict.End;
    }

    /// <summary>The CVX code of the earlier live vaccine, without leading zeros.</summary>
    public string PreviousCvx { get; }

    /// <summary>The CVX code of the later live vaccine, without leading zeros.</summary>
    public string CurrentCvx { get; }

    /// <summary>When the conflict begins, after the earlier dose.</summary>
    public CdsiDuration ConflictBegin { get; }

    /// <summary>The end of the conflict within the 4-day grace period (used when the earlier dose was valid).</summary>
    public CdsiDuration MinimumConflictEnd { get; }

    /// <summary>The end of the conflict.</summary>
    public CdsiDuration ConflictEnd { get; }
}

/// <summary>A coded observation (indication or contraindication), e.g. <c>007</c> pregnant.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiObservation
{
    internal CdsiObservation(ObservationDefinition observation)
    {
        Code = observation.Code;
        Title = observation.Title;
    }

    /// <summary>The three-digit observation code.</summary>
    public string Code { get; }

    /// <summary>CDC's title of the observation.</summary>
    public string Title { get; }

    /// <inheritdoc/>
    public override string ToString() => Code;
}
