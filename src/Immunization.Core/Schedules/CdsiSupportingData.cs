using System.Collections.Frozen;
using System.Collections.ObjectModel;
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
/// <see cref="Load(ValueTuple{string, Stream}, IEnumerable{ValueTuple{string, Stream}})"/> to load another release, or your own schedules in the same XML format.
/// </para>
/// <para>Every age, interval, vaccine and conditional-skip rule keeps its effective and cessation dates.</para>
/// </remarks>
/// <threadsafety>Immutable once loaded; safe to share between threads.</threadsafety>
public sealed class CdsiSupportingData
{
    private const string ResourcePrefix = "Immunization.Core.Schedules.Cdsi.";
    private static readonly Lazy<CdsiSupportingData> s_embedded = new(LoadEmbedded);

    private CdsiSupportingData(
        IReadOnlyList<Antigen> antigens,
        IReadOnlyList<LiveVirusConflict> conflicts,
        IReadOnlyList<VaccineGroup> groups,
        IReadOnlyList<CvxMapping> cvx,
        IReadOnlyList<Observation> observations)
    {
        Antigens = new CdsiNamedList<Antigen>(antigens, a => a.Name);
        AntigensByName = antigens.ToFrozenDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        LiveVirusConflicts = ReadOnly.Copy(conflicts);
        ConflictsByCurrentCvx = conflicts.GroupBy(c => c.CurrentCvx.Value, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        VaccineGroups = new CdsiNamedList<VaccineGroup>(groups, g => g.Name);
        GroupsByName = groups.ToFrozenDictionary(g => g.Name, StringComparer.OrdinalIgnoreCase);
        CvxMappings = cvx.ToFrozenDictionary(c => c.Cvx.Value, StringComparer.Ordinal);
        CvxCodes = new CdsiNamedList<CvxMapping>(cvx, c => c.Cvx.Value, static c => SupportingDataReader.NormalizeCvx(c));
        Observations = new CdsiNamedList<Observation>(observations, o => o.Code);
        SeriesCount = antigens.Sum(a => a.Series.Count);
        ObservationCodesInUse = ReadOnly.Copy(ObservationCodesOf(antigens));
        ForecastConflictDoses = ConflictDosesOf(antigens, ConflictsByCurrentCvx);
    }

    // The target doses whose every preferable vaccine (at least one) is the current vaccine of some live-virus conflict.
    private static FrozenSet<SeriesDose> ConflictDosesOf(IReadOnlyList<Antigen> antigens, FrozenDictionary<string, LiveVirusConflict[]> conflicts)
    {
        var doses = new HashSet<SeriesDose>(ReferenceEqualityComparer.Instance);
        foreach (var antigen in antigens)
        {
            foreach (var series in antigen.SeriesArray)
            {
                foreach (var dose in series.DosesArray)
                {
                    var vaccines = dose.PreferableVaccinesArray;
                    if (vaccines.Length > 0 && Array.TrueForAll(vaccines, v => conflicts.ContainsKey(v.Cvx.Value)))
                    {
                        doses.Add(dose);
                    }
                }
            }
        }

        return doses.ToFrozenSet<SeriesDose>(ReferenceEqualityComparer.Instance);
    }

    private static List<string> ObservationCodesOf(IReadOnlyList<Antigen> antigens)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var antigen in antigens)
        {
            codes.UnionWith(antigen.Observations.Codes);
        }

        return [.. codes];
    }

    /// <summary>CDSi supporting data v4.64, as published by CDC, loaded once from this assembly's embedded resources.</summary>
    /// <exception cref="FormatException">The embedded data is damaged (it is checked by the test suite).</exception>
    public static CdsiSupportingData Embedded => s_embedded.Value;

    /// <summary>
    /// The antigens (target diseases) in load order, also by name, e.g.
    /// <c>Antigens["Measles"].Series[0].Doses[0].Ages[0].Minimum</c>. This is the model the engine runs on; every rule
    /// keeps its effective and cessation dates.
    /// </summary>
    public CdsiNamedList<Antigen> Antigens { get; }

    /// <summary>The vaccine groups (e.g. <c>MMR</c> or <c>DTaP/Tdap/Td</c>) with their antigens, in load order, also by name.</summary>
    public CdsiNamedList<VaccineGroup> VaccineGroups { get; }

    /// <summary>The CVX map: each CVX (or local) code with the antigens it counts for, also by code (leading zeros do not matter).</summary>
    public CdsiNamedList<CvxMapping> CvxCodes { get; }

    /// <summary>The live-virus conflict rules, in the file's order.</summary>
    public ReadOnlyCollection<LiveVirusConflict> LiveVirusConflicts { get; }

    /// <summary>The coded observations (indications and contraindications), also by code, e.g. <c>Observations["007"]</c>.</summary>
    public CdsiNamedList<Observation> Observations { get; }

    /// <summary>
    /// The observation codes the schedules act on, sorted: indications of risk series, antigen and vaccine
    /// contraindications, evidence of immunity (clinical history and birth-date exclusions) and intervals measured from an
    /// observation. An observation outside this list changes no evaluation or forecast.
    /// </summary>
    public ReadOnlyCollection<string> ObservationCodesInUse { get; }

    /// <summary>The number of antigen series (standard, risk and evaluation-only) across all antigens.</summary>
    public int SeriesCount { get; }

    /// <summary>The number of CVX codes mapped to antigens.</summary>
    public int CvxCount => CvxMappings.Count;

    /// <summary>The number of live-virus conflict rules.</summary>
    public int LiveVirusConflictCount => LiveVirusConflicts.Count;

    /// <summary>The number of coded observations (indications and contraindications).</summary>
    public int ObservationCount => Observations.Count;

    internal FrozenDictionary<string, Antigen> AntigensByName { get; }

    internal FrozenDictionary<string, LiveVirusConflict[]> ConflictsByCurrentCvx { get; }

    /// <summary>
    /// The target doses (by reference) whose every preferable vaccine, at least one, is the current vaccine of some
    /// live-virus conflict: only their forecast can be pushed back by a conflict (most doses of most schedules are not).
    /// </summary>
    internal FrozenSet<SeriesDose> ForecastConflictDoses { get; }

    internal FrozenDictionary<string, VaccineGroup> GroupsByName { get; }

    internal FrozenDictionary<string, CvxMapping> CvxMappings { get; }

    /// <summary>
    /// Builds supporting data from a schedule written in code (or read from another format): the same checks as
    /// <see cref="Load(ValueTuple{string, Stream}, IEnumerable{ValueTuple{string, Stream}})"/> apply.
    /// </summary>
    /// <param name="antigens">The antigens and their series.</param>
    /// <param name="vaccineGroups">The vaccine groups; each antigen they name must be in <paramref name="antigens"/>.</param>
    /// <param name="cvxCodes">The CVX map. Codes are normalised (no leading zeros) when looked up.</param>
    /// <param name="liveVirusConflicts">The live-virus conflict rules.</param>
    /// <param name="observations">The coded observations.</param>
    /// <returns>The immutable supporting data.</returns>
    /// <exception cref="ArgumentNullException">An argument or item is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An antigen is defined twice, or a vaccine group names an antigen that is not given.</exception>
    public static CdsiSupportingData Create(
        IEnumerable<Antigen> antigens,
        IEnumerable<VaccineGroup> vaccineGroups,
        IEnumerable<CvxMapping> cvxCodes,
        IEnumerable<LiveVirusConflict> liveVirusConflicts,
        IEnumerable<Observation> observations)
    {
        Guard.Against.Null(antigens);
        Guard.Against.Null(vaccineGroups);
        Guard.Against.Null(cvxCodes);
        Guard.Against.Null(liveVirusConflicts);
        Guard.Against.Null(observations);
        var antigenList = antigens.ToList();
        var groupList = vaccineGroups.ToList();
        var cvxList = cvxCodes.ToList();
        var conflictList = liveVirusConflicts.ToList();
        var observationList = observations.ToList();
        if (antigenList.Contains(null!) || groupList.Contains(null!) || cvxList.Contains(null!) || conflictList.Contains(null!) || observationList.Contains(null!))
        {
            throw new ArgumentNullException(nameof(antigens), "A schedule item is null.");
        }

        if (Check(antigenList.Select(a => (a.Name, "antigen list")), groupList) is { } error)
        {
            throw new ArgumentException(error, nameof(antigens));
        }

        return new CdsiSupportingData(antigenList, conflictList, groupList, cvxList, observationList);
    }

    /// <summary>
    /// Loads supporting data in CDC's XML format: one <c>ScheduleSupportingData.xml</c> and one
    /// <c>AntigenSupportingData</c> file per antigen. DTDs and external entities are refused. Prefer
    /// <see cref="Load(ValueTuple{string, Stream}, IEnumerable{ValueTuple{string, Stream}})"/>, whose errors name the files.
    /// </summary>
    /// <param name="schedule">The schedule file (live-virus conflicts, vaccine groups, CVX map, observations).</param>
    /// <param name="antigens">The antigen files. The streams are read, not closed.</param>
    /// <returns>The loaded, immutable supporting data.</returns>
    /// <exception cref="FormatException">A file is not well-formed, a value (duration, date, code) cannot be read, or a
    /// vaccine group names an antigen no antigen file defines; the message says which file (<c>schedule file</c>,
    /// <c>antigen file #n</c> in the order given) and element.</exception>
    public static CdsiSupportingData Load(Stream schedule, IEnumerable<Stream> antigens)
    {
        Guard.Against.Null(schedule);
        Guard.Against.Null(antigens);
        var i = 0;
        return Load(("schedule file", schedule), antigens.Select(a => ($"antigen file #{++i}", a)));
    }

    /// <summary>
    /// Loads supporting data in CDC's XML format from named streams, e.g. file names: one
    /// <c>ScheduleSupportingData.xml</c> and one <c>AntigenSupportingData</c> file per antigen. DTDs and external
    /// entities are refused.
    /// </summary>
    /// <param name="schedule">The schedule file's name (used in error messages) and content.</param>
    /// <param name="antigens">The antigen files' names and contents. The streams are read, not closed.</param>
    /// <returns>The loaded, immutable supporting data.</returns>
    /// <exception cref="FormatException">A file is not well-formed, a value (duration, date, code) cannot be read, an
    /// antigen is defined twice, or a vaccine group names an antigen no antigen file defines; the message names the
    /// file and element (or the missing antigens).</exception>
    /// <example>
    /// <code>
    /// var files = Directory.GetFiles("XML", "AntigenSupportingData*.xml").Order(StringComparer.Ordinal)
    ///     .Select(f => (Path.GetFileName(f), (Stream)File.OpenRead(f))).ToList();
    /// using var schedule = File.OpenRead("XML/ScheduleSupportingData.xml");
    /// var data = CdsiSupportingData.Load(("ScheduleSupportingData.xml", schedule), files);
    /// </code>
    /// </example>
    public static CdsiSupportingData Load((string Name, Stream Content) schedule, IEnumerable<(string Name, Stream Content)> antigens)
    {
        Guard.Against.Null(schedule.Name);
        Guard.Against.Null(schedule.Content);
        Guard.Against.Null(antigens);
        var list = new List<(string, Antigen)>();
        foreach (var (name, stream) in antigens)
        {
            Guard.Against.Null(stream);
            var fileName = name ?? $"antigen file #{list.Count + 1}";
            list.Add((fileName, SupportingDataReader.ReadAntigen(SupportingDataReader.LoadDocument(stream, fileName), fileName)));
        }

        return Create(list, schedule.Content, schedule.Name);
    }

    private static CdsiSupportingData Create(List<(string File, Antigen Antigen)> antigens, Stream schedule, string scheduleName)
    {
        var (conflicts, groups, cvx, observations) = SupportingDataReader.ReadSchedule(SupportingDataReader.LoadDocument(schedule, scheduleName), scheduleName);
        if (Check(antigens.Select(a => (a.Antigen.Name, a.File)), groups) is { } error)
        {
            // A duplicate antigen names its two files; a missing one is the schedule file's fault.
            throw new FormatException(error.StartsWith("Supporting data", StringComparison.Ordinal) ? error : $"{scheduleName}: {error}");
        }

        return new CdsiSupportingData(antigens.Select(a => a.Antigen).ToList(), conflicts, groups, cvx, observations);
    }

    /// <summary>
    /// The problem with a set of antigens and vaccine groups, or <see langword="null"/>: an antigen defined twice, or a
    /// vaccine group naming an antigen that is not defined (the engine would silently skip it).
    /// </summary>
    private static string? Check(IEnumerable<(string Name, string Source)> antigens, IReadOnlyList<VaccineGroup> groups)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var (name, source) in antigens)
        {
            count++;
            if (!files.TryAdd(name, source))
            {
                return $"Supporting data defines antigen '{SupportingDataReader.Shown(name)}' more than once ({files[name]} and {source}).";
            }
        }

        var missing = groups.SelectMany(g => g.Antigens).Where(a => !files.ContainsKey(a)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return missing.Count == 0
            ? null
            : $"the vaccine groups name {missing.Count} antigen(s) that no antigen file defines: {SupportingDataReader.Shown(string.Join(", ", missing), 400)} "
                + $"({count} antigen file(s) loaded).";
    }

    private static CdsiSupportingData LoadEmbedded()
    {
        var assembly = typeof(CdsiSupportingData).Assembly;
        var antigens = new List<(string, Antigen)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix + "AntigenSupportingData", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            antigens.Add((resource, SupportingDataReader.ReadAntigen(SupportingDataReader.LoadDocument(stream, resource), resource)));
        }

        using var schedule = assembly.GetManifestResourceStream(ResourcePrefix + "ScheduleSupportingData.xml")
            ?? throw new FormatException("The embedded CDSi schedule supporting data is missing.");
        return Create(antigens, schedule, "ScheduleSupportingData.xml");
    }
}
