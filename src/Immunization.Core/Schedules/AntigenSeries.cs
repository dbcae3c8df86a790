using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;

namespace Immunization.Core.Schedules;

/// <summary>An antigen series (CDSi "series"): an ordered list of target doses, with the rules for choosing it.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class AntigenSeries
{
    /// <summary>Creates a series.</summary>
    /// <param name="name">The series name, e.g. <c>Measles 2-dose series</c>.</param>
    /// <param name="antigen">The antigen (target disease), e.g. <c>Measles</c>.</param>
    /// <param name="vaccineGroup">The vaccine group, e.g. <c>MMR</c>.</param>
    /// <param name="type">Standard, risk or evaluation-only.</param>
    /// <param name="equivalentSeriesGroups">The series groups whose completion counts as this one's.</param>
    /// <param name="requiredSex">The sexes the series applies to; empty for everyone.</param>
    /// <param name="isDefault">Whether this is the default series of its series group.</param>
    /// <param name="isProductPath">Whether this is a product path (a series for one product).</param>
    /// <param name="seriesGroupName">The series group's name.</param>
    /// <param name="seriesGroup">The series group the series competes in during series selection.</param>
    /// <param name="priority">The series priority (<c>A</c> highest).</param>
    /// <param name="preference">The series preference (1 preferred) used to break ties.</param>
    /// <param name="minAgeToStart">The minimum age to start the series, or <see langword="null"/>.</param>
    /// <param name="maxAgeToStart">The maximum age to start the series, or <see langword="null"/>.</param>
    /// <param name="indications">The indications that make a risk series relevant.</param>
    /// <param name="doses">The target doses, in order.</param>
    /// <param name="primaryDoses">How many doses form the primary series (extension <c>selectSeries/primaryDoses</c>), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">A string or list is <see langword="null"/>.</exception>
    public AntigenSeries(
        string name,
        string antigen,
        string vaccineGroup,
        SeriesType type,
        IEnumerable<string> equivalentSeriesGroups,
        IEnumerable<Sex> requiredSex,
        bool isDefault,
        bool isProductPath,
        string seriesGroupName,
        string seriesGroup,
        char priority,
        int preference,
        CdsiDuration? minAgeToStart,
        CdsiDuration? maxAgeToStart,
        IEnumerable<Indication> indications,
        IEnumerable<SeriesDose> doses,
        int? primaryDoses = null)
    {
        Name = Guard.Against.Null(name);
        Antigen = Guard.Against.Null(antigen);
        VaccineGroup = Guard.Against.Null(vaccineGroup);
        Guard.Against.Null(equivalentSeriesGroups);
        Guard.Against.Null(requiredSex);
        SeriesGroupName = Guard.Against.Null(seriesGroupName);
        SeriesGroup = Guard.Against.Null(seriesGroup);
        Guard.Against.Null(indications);
        Guard.Against.Null(doses);
        Type = type;
        EquivalentSeriesGroups = ReadOnly.Copy(equivalentSeriesGroups);
        RequiredSex = ReadOnly.Copy(requiredSex);
        IsDefault = isDefault;
        IsProductPath = isProductPath;
        Priority = priority;
        Preference = preference;
        MinAgeToStart = minAgeToStart;
        MaxAgeToStart = maxAgeToStart;
        Indications = ReadOnly.Copy(indications);
        DosesArray = ReadOnly.ToArray(doses);
        Doses = ReadOnly.Wrap(DosesArray);
        PrimaryDoses = primaryDoses;
        UsesCompletedSeries = Doses.Any(d => d.ConditionalSkips.Any(s => s.Sets.Any(t => t.Conditions.Any(c => c.Type == SkipConditionType.CompletedSeries))));
    }

    /// <summary>The series name, e.g. <c>Measles 2-dose series</c>.</summary>
    public string Name { get; }

    /// <summary>The antigen (target disease), e.g. <c>Measles</c>.</summary>
    public string Antigen { get; }

    /// <summary>The vaccine group, e.g. <c>MMR</c>.</summary>
    public string VaccineGroup { get; }

    /// <summary>Standard, risk or evaluation-only.</summary>
    public SeriesType Type { get; }

    /// <summary>The series groups whose completion counts as this one's (CDSi "equivalentSeriesGroups").</summary>
    public ReadOnlyCollection<string> EquivalentSeriesGroups { get; }

    /// <summary>The sexes the series applies to (CDSi "requiredGender"); empty for everyone.</summary>
    public ReadOnlyCollection<Sex> RequiredSex { get; }

    /// <summary>Whether this is the default series of its series group.</summary>
    public bool IsDefault { get; }

    /// <summary>Whether this is a product path (a series for one product, e.g. a 2-dose rotavirus series).</summary>
    public bool IsProductPath { get; }

    /// <summary>The series group's name.</summary>
    public string SeriesGroupName { get; }

    /// <summary>The series group the series competes in during series selection.</summary>
    public string SeriesGroup { get; }

    /// <summary>The series priority (<c>A</c> highest).</summary>
    public char Priority { get; }

    /// <summary>The series preference (1 preferred) used to break ties.</summary>
    public int Preference { get; }

    /// <summary>The minimum age to start the series, or <see langword="null"/>.</summary>
    public CdsiDuration? MinAgeToStart { get; }

    /// <summary>The maximum age to start the series, or <see langword="null"/>.</summary>
    public CdsiDuration? MaxAgeToStart { get; }

    /// <summary>The indications (observations) that make a risk series relevant; empty for a standard series.</summary>
    public ReadOnlyCollection<Indication> Indications { get; }

    /// <summary>The target doses, in order.</summary>
    public ReadOnlyCollection<SeriesDose> Doses { get; }

    /// <summary>The same items as <see cref="Doses"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal SeriesDose[] DosesArray { get; }

    /// <summary>
    /// How many doses of the series form its primary series, the later ones being boosters: an extension to CDC's format
    /// (<c>selectSeries/primaryDoses</c>), given by Viet Nam's COVID-19 schedule; <see langword="null"/> in CDC's files.
    /// </summary>
    public int? PrimaryDoses { get; }

    /// <summary>Some conditional skip depends on another series being complete (evaluated in a second pass).</summary>
    internal bool UsesCompletedSeries { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
