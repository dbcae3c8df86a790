using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using NodaTime;
using Immunization.Core.Vaccines;

namespace Immunization.Core.Schedules;

/// <summary>One condition of a conditional-skip set (CDSi "condition").</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class SkipCondition
{
    /// <summary>Creates a condition.</summary>
    /// <param name="type">The kind of condition.</param>
    /// <param name="startDate">The first date a counted dose may be given, or <see langword="null"/>.</param>
    /// <param name="endDate">The date from which a dose is no longer counted, or <see langword="null"/>.</param>
    /// <param name="beginAge">The begin age, or <see langword="null"/>.</param>
    /// <param name="endAge">The end age, or <see langword="null"/>.</param>
    /// <param name="interval">The interval, or <see langword="null"/>.</param>
    /// <param name="doseCount">The dose count a vaccine-count condition compares with.</param>
    /// <param name="countValidOnly">Whether only valid doses are counted (CDSi "doseType: Valid").</param>
    /// <param name="countLogic">How the count is compared with <paramref name="doseCount"/>.</param>
    /// <param name="vaccineTypes">The vaccine codes counted.</param>
    /// <param name="seriesGroups">The series groups of a completed-series condition.</param>
    /// <exception cref="ArgumentNullException"><paramref name="vaccineTypes"/> or <paramref name="seriesGroups"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A code of <paramref name="vaccineTypes"/> is the empty code.</exception>
    public SkipCondition(
        SkipConditionType type,
        LocalDate? startDate,
        LocalDate? endDate,
        CdsiDuration? beginAge,
        CdsiDuration? endAge,
        CdsiDuration? interval,
        int doseCount,
        bool countValidOnly,
        DoseCountLogic countLogic,
        IEnumerable<VaccineCode> vaccineTypes,
        IEnumerable<string> seriesGroups)
    {
        Guard.Against.Null(vaccineTypes);
        Guard.Against.Null(seriesGroups);
        Type = type;
        StartDate = startDate;
        EndDate = endDate;
        BeginAge = beginAge;
        EndAge = endAge;
        Interval = interval;
        DoseCount = doseCount;
        CountValidOnly = countValidOnly;
        CountLogic = countLogic;
        VaccineTypesArray = VaccineCodeGuard.CopyArray(vaccineTypes, nameof(vaccineTypes));
        VaccineTypes = ReadOnly.Wrap(VaccineTypesArray);
        SeriesGroupsArray = ReadOnly.ToArray(seriesGroups);
        SeriesGroups = ReadOnly.Wrap(SeriesGroupsArray);
    }

    /// <summary>The kind of condition.</summary>
    public SkipConditionType Type { get; }

    /// <summary>The first date a counted dose may be given, or <see langword="null"/>.</summary>
    public LocalDate? StartDate { get; }

    /// <summary>The date from which a dose is no longer counted, or <see langword="null"/>.</summary>
    public LocalDate? EndDate { get; }

    /// <summary>The begin age, or <see langword="null"/>.</summary>
    public CdsiDuration? BeginAge { get; }

    /// <summary>The end age, or <see langword="null"/>.</summary>
    public CdsiDuration? EndAge { get; }

    /// <summary>The interval of an interval condition, or <see langword="null"/>.</summary>
    public CdsiDuration? Interval { get; }

    /// <summary>The dose count a vaccine-count condition compares with.</summary>
    public int DoseCount { get; }

    /// <summary>Whether only valid doses are counted.</summary>
    public bool CountValidOnly { get; }

    /// <summary>How the count is compared with <see cref="DoseCount"/>.</summary>
    public DoseCountLogic CountLogic { get; }

    /// <summary>The vaccine codes counted.</summary>
    public ReadOnlyCollection<VaccineCode> VaccineTypes { get; }

    /// <summary>The same items as <see cref="VaccineTypes"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal VaccineCode[] VaccineTypesArray { get; }

    /// <summary>The series groups of a completed-series condition.</summary>
    public ReadOnlyCollection<string> SeriesGroups { get; }

    /// <summary>The same items as <see cref="SeriesGroups"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal string[] SeriesGroupsArray { get; }
}
