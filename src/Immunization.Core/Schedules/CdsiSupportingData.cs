using System.Collections.Frozen;
using Ardalis.GuardClauses;

namespace Immunization.Core.Schedules;

/// <summary>
/// Immunization schedules as data: the antigens, series, series doses, vaccine groups, CVX map, live-virus conflicts
/// and coded observations of CDC's Clinical Decision Support for Immunization (CDSi) supporting data.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Embedded"/> is CDSi supporting data v4.64 (2025-11-10), shipped inside this assembly. CDC's data is a
/// work of the U.S. federal government and in the public domain in the U.S. (17 U.S.C. §105). Use
/// <see cref="Load(Stream, IEnumerable{Stream})"/> to load another release, or your own schedules in the same XML format.
/// </para>
/// <para>Every age, interval, vaccine and conditional-skip rule keeps its effective and cessation dates.</para>
/// </remarks>
/// <threadsafety>Immutable once loaded; safe to share between threads.</threadsafety>
public sealed class CdsiSupportingData
{
    private const string ResourcePrefix = "Immunization.Core.Schedules.Cdsi.";
    private static readonly Lazy<CdsiSupportingData> s_embedded = new(LoadEmbedded);

    private CdsiSupportingData(
        IReadOnlyList<AntigenSchedule> antigens,
        IReadOnlyList<LiveVirusConflict> conflicts,
        IReadOnlyList<VaccineGroupDefinition> groups,
        IReadOnlyList<CvxMapping> cvx,
        IReadOnlyList<ObservationDefinition> observations)
    {
        AntigenSchedules = antigens;
        AntigensByName = antigens.ToFrozenDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        LiveVirusConflicts = conflicts;
        ConflictsByCurrentCvx = conflicts.GroupBy(c => c.CurrentCvx, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        VaccineGroupDefinitions = groups;
        GroupsByName = groups.ToFrozenDictionary(g => g.Name, StringComparer.OrdinalIgnoreCase);
        CvxMappings = cvx.ToFrozenDictionary(c => c.Cvx, StringComparer.Ordinal);
        Observations = observations;
        Antigens = Array.AsReadOnly(antigens.Select(a => a.Name).ToArray());
        VaccineGroups = Array.AsReadOnly(groups.Select(g => g.Name).ToArray());
        SeriesCount = antigens.Sum(a => a.Series.Count);
    }

    /// <summary>CDSi supporting data v4.64, as published by CDC, loaded once from this assembly's embedded resources.</summary>
    /// <exception cref="FormatException">The embedded data is damaged (it is checked by the test suite).</exception>
    public static CdsiSupportingData Embedded => s_embedded.Value;

    /// <summary>The names of the antigens (target diseases), e.g. <c>Measles</c>, in load order.</summary>
    public IReadOnlyList<string> Antigens { get; }

    /// <summary>The names of the vaccine groups, e.g. <c>MMR</c> or <c>DTaP/Tdap/Td</c>.</summary>
    public IReadOnlyList<string> VaccineGroups { get; }

    /// <summary>The number of antigen series (standard, risk and evaluation-only) across all antigens.</summary>
    public int SeriesCount { get; }

    /// <summary>The number of CVX codes mapped to antigens.</summary>
    public int CvxCount => CvxMappings.Count;

    /// <summary>The number of live-virus conflict rules.</summary>
    public int LiveVirusConflictCount => LiveVirusConflicts.Count;

    /// <summary>The number of coded observations (indications and contraindications).</summary>
    public int ObservationCount => Observations.Count;

    internal IReadOnlyList<AntigenSchedule> AntigenSchedules { get; }

    internal FrozenDictionary<string, AntigenSchedule> AntigensByName { get; }

    internal IReadOnlyList<LiveVirusConflict> LiveVirusConflicts { get; }

    internal FrozenDictionary<string, LiveVirusConflict[]> ConflictsByCurrentCvx { get; }

    internal IReadOnlyList<VaccineGroupDefinition> VaccineGroupDefinitions { get; }

    internal FrozenDictionary<string, VaccineGroupDefinition> GroupsByName { get; }

    internal FrozenDictionary<string, CvxMapping> CvxMappings { get; }

    internal IReadOnlyList<ObservationDefinition> Observations { get; }

    /// <summary>
    /// Loads supporting data in CDC's XML format: one <c>ScheduleSupportingData.xml</c> and one
    /// <c>AntigenSupportingData</c> file per antigen. DTDs and external entities are refused.
    /// </summary>
    /// <param name="schedule">The schedule file (live-virus conflicts, vaccine groups, CVX map, observations).</param>
    /// <param name="antigens">The antigen files. The streams are read, not closed.</param>
    /// <returns>The loaded, immutable supporting data.</returns>
    /// <exception cref="FormatException">A file is not well-formed, or a value (duration, date, code) cannot be read; the message says which file and element.</exception>
    /// <example>
    /// <code>
    /// using var schedule = File.OpenRead("XML/ScheduleSupportingData.xml");
    /// var antigenFiles = Directory.GetFiles("XML", "AntigenSupportingData*.xml").Select(File.OpenRead).ToList();
    /// var data = CdsiSupportingData.Load(schedule, antigenFiles);
    /// </code>
    /// </example>
    public static CdsiSupportingData Load(Stream schedule, IEnumerable<Stream> antigens)
    {
        Guard.Against.Null(schedule);
        Guard.Against.Null(antigens);
        var list = new List<AntigenSchedule>();
        var i = 0;
        foreach (var stream in antigens)
        {
            i++;
            var name = $"antigen file #{i}";
            list.Add(SupportingDataReader.ReadAntigen(SupportingDataReader.LoadDocument(stream, name), name));
        }

        return Create(list, schedule, "schedule file");
    }

    private static CdsiSupportingData Create(List<AntigenSchedule> antigens, Stream schedule, string scheduleName)
    {
        var (conflicts, groups, cvx, observations) = SupportingDataReader.ReadSchedule(SupportingDataReader.LoadDocument(schedule, scheduleName), scheduleName);
        var duplicate = antigens.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"Supporting data defines antigen '{duplicate.Key}' more than once.");
        }

        return new CdsiSupportingData(antigens, conflicts, groups, cvx, observations);
    }

    private static CdsiSupportingData LoadEmbedded()
    {
        var assembly = typeof(CdsiSupportingData).Assembly;
        var antigens = new List<AntigenSchedule>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix + "AntigenSupportingData", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            antigens.Add(SupportingDataReader.ReadAntigen(SupportingDataReader.LoadDocument(stream, resource), resource));
        }

        using var schedule = assembly.GetManifestResourceStream(ResourcePrefix + "ScheduleSupportingData.xml")
            ?? throw new FormatException("The embedded CDSi schedule supporting data is missing.");
        return Create(antigens, schedule, "ScheduleSupportingData.xml");
    }
}
