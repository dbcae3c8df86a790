using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>
/// Evaluates a patient's vaccine doses and forecasts the next ones, following CDC's CDSi logic specification:
/// organise the history by antigen, select the relevant series, evaluate every dose, forecast, select the best
/// series and merge antigens into vaccine-group forecasts.
/// </summary>
/// <remarks>The result does not depend on the order of the doses given.</remarks>
/// <threadsafety>Immutable; one instance can evaluate many patients from many threads at once.</threadsafety>
/// <example>
/// <code>
/// var engine = CdsiEngine.Default;
/// var patient = new CdsiPatient(new LocalDate(2024, 1, 15), Sex.Female);
/// var doses = new[] { new AdministeredDose(new LocalDate(2025, 1, 20), "03", "MSD") };
/// var assessment = engine.Evaluate(patient, doses, new LocalDate(2025, 3, 1));
/// var mmr = assessment.ForecastFor("MMR");   // NotComplete, dose 2 recommended at 4 years
/// </code>
/// </example>
public sealed partial class CdsiEngine
{
    private static readonly Lazy<CdsiEngine> s_default = new(() => new CdsiEngine(CdsiSupportingData.Embedded));
    private static readonly IReadOnlySet<string> s_noGroups = new HashSet<string>(StringComparer.Ordinal);

    // The doses of an antigen that has none: one shared empty list, never added to (a List like every other antigen's
    // doses, so the series evaluation reads one concrete type).
    private static readonly List<HistoryDose> s_noDoses = new(0);

    private readonly CdsiSupportingData _data;

    // Series with "Completed Series" skip conditions: the series groups those conditions name (compiled once).
    private readonly Dictionary<AntigenSeries, string[]> _completedSeriesGroups;

    /// <summary>Creates an engine over the given supporting data.</summary>
    /// <param name="data">The schedules, e.g. <see cref="CdsiSupportingData.Embedded"/>.</param>
    public CdsiEngine(CdsiSupportingData data)
    {
        _data = Guard.Against.Null(data);
        _completedSeriesGroups = CompletedSeriesGroups(data);
    }

    /// <summary>An engine over the embedded CDSi supporting data v4.64.</summary>
    public static CdsiEngine Default => s_default.Value;

    /// <summary>The supporting data this engine uses.</summary>
    public CdsiSupportingData SupportingData => _data;

    /// <summary>Evaluates the doses and forecasts every vaccine group of the supporting data.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="doses">The doses administered, in any order. As in CDSi, doses after <paramref name="assessmentDate"/>
    /// are not considered (no evaluation). A dose before the date of birth is evaluated and is not valid (too young).
    /// A dose whose CVX is not in the CVX map is listed in <see cref="ImmunizationAssessment.UnrecognizedDoses"/>.</param>
    /// <param name="assessmentDate">The date to assess at (usually today); not before the date of birth.</param>
    /// <returns>Dose evaluations per antigen and forecasts per vaccine group.</returns>
    /// <exception cref="ArgumentException"><paramref name="assessmentDate"/> is before the date of birth, or a dose has no CVX code.</exception>
    public ImmunizationAssessment Evaluate(CdsiPatient patient, IEnumerable<AdministeredDose> doses, LocalDate assessmentDate) =>
        Evaluate(patient, doses, assessmentDate, null);

    /// <summary>Evaluates the doses and forecasts only the named vaccine groups (faster when only a few are needed).</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="doses">The doses administered, in any order. As in CDSi, doses after <paramref name="assessmentDate"/>
    /// are not considered. A dose before the date of birth is evaluated and is not valid (too young). A dose whose CVX
    /// is not in the CVX map is listed in <see cref="ImmunizationAssessment.UnrecognizedDoses"/>.</param>
    /// <param name="assessmentDate">The date to assess at; not before the date of birth.</param>
    /// <param name="vaccineGroups">Vaccine group names (e.g. <c>MMR</c>), or <see langword="null"/> for all.</param>
    /// <returns>Dose evaluations for the antigens of those groups and their forecasts.</returns>
    /// <exception cref="ArgumentException">A vaccine group is not in the supporting data, <paramref name="assessmentDate"/>
    /// is before the date of birth, or a dose has no CVX code.</exception>
    public ImmunizationAssessment Evaluate(CdsiPatient patient, IEnumerable<AdministeredDose> doses, LocalDate assessmentDate, IReadOnlyCollection<string>? vaccineGroups)
    {
        Guard.Against.Null(patient);
        Guard.Against.Null(doses);
        if (assessmentDate < patient.DateOfBirth)
        {
            throw new ArgumentException(
                $"The assessment date {assessmentDate:uuuu-MM-dd} is before the date of birth {patient.DateOfBirth:uuuu-MM-dd}.", nameof(assessmentDate));
        }

        var groups = new List<VaccineGroup>(vaccineGroups?.Count ?? _data.VaccineGroups.Count);
        if (vaccineGroups is null)
        {
            for (var i = 0; i < _data.VaccineGroups.Count; i++)
            {
                groups.Add(_data.VaccineGroups[i]);
            }
        }
        else if (vaccineGroups is IReadOnlyList<string> names)
        {
            for (var i = 0; i < names.Count; i++)
            {
                groups.Add(GroupNamed(names[i]) ?? throw new ArgumentException($"Vaccine group '{names[i]}' is not in the supporting data.", nameof(vaccineGroups)));
            }
        }
        else
        {
            foreach (var name in vaccineGroups)
            {
                groups.Add(GroupNamed(name) ?? throw new ArgumentException($"Vaccine group '{name}' is not in the supporting data.", nameof(vaccineGroups)));
            }
        }

        var history = OrganizeHistory(doses, assessmentDate, _data, out var unrecognized);
        var evaluator = new SeriesEvaluator(_data, patient, history, assessmentDate);
        var evaluations = new List<DoseEvaluation>();
        var forecasts = new List<VaccineGroupForecast>(groups.Count);

        // An antigen shared by several groups (diphtheria, tetanus...) is evaluated once. One group never names an
        // antigen twice (checked), so a single group needs no table.
        var antigenForecasts = groups.Count == 1 && !NamesAnAntigenTwice(groups[0])
            ? null
            : new Dictionary<string, (AntigenForecast? Forecast, PatientSeries? Series)>(_data.Antigens.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            var antigenNames = group.AntigensArray;
            var members = new List<(AntigenForecast Forecast, PatientSeries Series)>(antigenNames.Length);
            for (var antigenNameIndex = 0; antigenNameIndex < antigenNames.Length; antigenNameIndex++)
            {
                var antigenName = antigenNames[antigenNameIndex];
                if (antigenForecasts is null || !antigenForecasts.TryGetValue(antigenName, out var result))
                {
                    result = _data.AntigensByName.TryGetValue(antigenName, out var antigen)
                        ? EvaluateAntigen(antigen, patient, history, assessmentDate, evaluator, evaluations)
                        : (null, null);
                    if (antigenForecasts is not null)
                    {
                        antigenForecasts[antigenName] = result;
                    }
                }

                if (result is ({ } forecast, { } series))
                {
                    members.Add((forecast, series));
                }
            }

            if (members.Count > 0)
            {
                forecasts.Add(MergeVaccineGroup(group, members, history));
            }
        }

        evaluations.Sort(static (a, b) =>
        {
            var byDose = CompareDoses(a.Dose, b.Dose);
            return byDose != 0 ? byDose : string.CompareOrdinal(a.Antigen, b.Antigen);
        });
        return ImmunizationAssessment.FromEngine(assessmentDate, evaluations, forecasts, unrecognized);
    }

    private VaccineGroup? GroupNamed(string name) => _data.GroupsByName.GetValueOrDefault(name);

    private static bool NamesAnAntigenTwice(VaccineGroup group)
    {
        for (var i = 1; i < group.Antigens.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(group.Antigens[i], group.Antigens[j], StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Evaluates the doses against every relevant series of one antigen and returns each series' run, without series
    /// selection: for schedules (Viet Nam's COVID-19) whose caller selects the series by its own documented rule.
    /// </summary>
    internal List<PatientSeries> EvaluateEachSeries(CdsiPatient patient, IEnumerable<AdministeredDose> doses, LocalDate assessmentDate, string antigenName, out List<HistoryDose> antigenDoses, out List<AdministeredDose> unrecognized)
    {
        var antigen = _data.AntigensByName[antigenName];
        var history = OrganizeHistory(doses, assessmentDate, _data, out var unknown);
        unrecognized = unknown ?? [];
        var evaluator = new SeriesEvaluator(_data, patient, history, assessmentDate);
        antigenDoses = history;
        var runs = new List<PatientSeries>(antigen.Series.Count);
        for (var seriesIndex = 0; seriesIndex < antigen.Series.Count; seriesIndex++)
        {
            var series = antigen.Series[seriesIndex];
            if (evaluator.IsRelevant(antigen, seriesIndex))
            {
                runs.Add(evaluator.Run(series, antigen, history, s_noGroups));
            }
        }

        return runs;
    }

    /// <summary>The order doses are evaluated in: by date, then by code, manufacturer and condition (order-independent results).</summary>
    internal static int CompareDoses(AdministeredDose a, AdministeredDose b)
    {
        var c = a.DateAdministered.CompareTo(b.DateAdministered);
        if (c == 0)
        {
            c = Vaccines.VaccineCode.CompareNormalized(a.Cvx, b.Cvx);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Mvx, b.Mvx);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Condition, b.Condition);
    }

    private static List<HistoryDose> OrganizeHistory(IEnumerable<AdministeredDose> doses, LocalDate assessmentDate, CdsiSupportingData data, out List<AdministeredDose>? unrecognized)
    {
        unrecognized = null;
        List<AdministeredDose> sorted;
        if (doses is IReadOnlyList<AdministeredDose> list)
        {
            // Arrays and lists (every caller in this library): walked by index, no enumerator allocated.
            sorted = new List<AdministeredDose>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                if (!AddDose(sorted, list[i], assessmentDate))
                {
                    throw new ArgumentException($"A dose given on {list[i].DateAdministered:yyyy-MM-dd} has no CVX code.", nameof(doses));
                }
            }
        }
        else
        {
            sorted = [];
            foreach (var dose in doses)
            {
                if (!AddDose(sorted, dose, assessmentDate))
                {
                    throw new ArgumentException($"A dose given on {dose.DateAdministered:yyyy-MM-dd} has no CVX code.", nameof(doses));
                }
            }
        }

        sorted.Sort(CompareDoses);
        var history = new List<HistoryDose>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var cvx = SupportingDataReader.NormalizeCvx(sorted[i].Cvx);
            if (data.CvxMappings.ContainsKey(cvx))
            {
                history.Add(new HistoryDose(history.Count, sorted[i], cvx));
            }
            else
            {
                // Counts for no antigen; surfaced so that a register can review it rather than lose it.
                (unrecognized ??= []).Add(sorted[i]);
            }
        }

        return history;
    }

    /// <summary>As <see cref="OrganizeHistory"/> for doses already in <see cref="CompareDoses"/> order: no copy, no sort,
    /// unrecognised doses dropped.</summary>
    private static List<HistoryDose> OrganizeSortedHistory(ReadOnlySpan<AdministeredDose> doses, LocalDate assessmentDate, CdsiSupportingData data) =>
        OrganizeSortedHistory(doses, assessmentDate, data, new List<HistoryDose>(doses.Length), null);

    // Into a list of a reused session (emptied first), reusing the dose objects it made before (spare: every one of them,
    // in order), or into a new list (spare null).
    private static List<HistoryDose> OrganizeSortedHistory(ReadOnlySpan<AdministeredDose> doses, LocalDate assessmentDate, CdsiSupportingData data, List<HistoryDose> history, List<HistoryDose>? spare)
    {
        history.Clear();
        string? lastCode = null, lastCvx = null;
        var lastKnown = false;
        for (var i = 0; i < doses.Length; i++)
        {
            var dose = doses[i];
            if (string.IsNullOrWhiteSpace(dose.Cvx))
            {
                throw new ArgumentException($"A dose given on {dose.DateAdministered:yyyy-MM-dd} has no CVX code.", nameof(doses));
            }

            System.Diagnostics.Debug.Assert(i == 0 || CompareDoses(doses[i - 1], dose) <= 0, "The doses are in evaluation order.");
            if (!ReferenceEquals(dose.Cvx, lastCode))
            {
                // A person's doses often share one code string: normalised and looked up once.
                lastCode = dose.Cvx;
                lastCvx = SupportingDataReader.NormalizeCvx(dose.Cvx);
                lastKnown = data.CvxMappings.ContainsKey(lastCvx);
            }

            if (dose.DateAdministered <= assessmentDate && lastKnown)
            {
                var order = history.Count;
                HistoryDose entry;
                if (spare is not null && order < spare.Count)
                {
                    entry = spare[order];
                    entry.Reset(order, dose, lastCvx!);
                }
                else
                {
                    entry = new HistoryDose(order, dose, lastCvx!);
                    spare?.Add(entry);
                }

                history.Add(entry);
            }
        }

        return history;
    }

    /// <summary>Adds a dose given on or before the assessment date; false when it has no CVX code.</summary>
    private static bool AddDose(List<AdministeredDose> sorted, AdministeredDose dose, LocalDate assessmentDate)
    {
        if (string.IsNullOrWhiteSpace(dose.Cvx))
        {
            return false;
        }

        if (dose.DateAdministered <= assessmentDate)
        {
            sorted.Add(dose);
        }

        return true;
    }

    private (AntigenForecast? Forecast, PatientSeries? Series) EvaluateAntigen(
        Antigen antigen, CdsiPatient patient, List<HistoryDose> history, LocalDate assessmentDate, SeriesEvaluator evaluator, List<DoseEvaluation> evaluations)
    {
        // Built on the first dose of the antigen (most antigens of a full assessment have none).
        List<HistoryDose>? antigenDoses = null;
        foreach (var dose in history)
        {
            if (_data.CvxMappings.TryGetValue(dose.Cvx, out var mapping))
            {
                var associations = mapping.AntigensArray;
                for (var associationIndex = 0; associationIndex < associations.Length; associationIndex++)
                {
                    var association = associations[associationIndex];
                    if (string.Equals(association.Antigen, antigen.Name, StringComparison.OrdinalIgnoreCase)
                        && (association.BeginAge is not { } begin || dose.Date >= CdsiCalendar.Add(patient.DateOfBirth, begin))
                        && (association.EndAge is not { } end || dose.Date < CdsiCalendar.Add(patient.DateOfBirth, end)))
                    {
                        (antigenDoses ??= new List<HistoryDose>(history.Count - dose.Order)).Add(dose);
                        break;
                    }
                }
            }
        }

        var ownDoses = antigenDoses ?? s_noDoses;
        var allSeries = antigen.SeriesArray;
        var relevant = new List<AntigenSeries>(allSeries.Length);
        var usesCompletedSeries = false;
        for (var seriesIndex = 0; seriesIndex < allSeries.Length; seriesIndex++)
        {
            var series = allSeries[seriesIndex];
            if (evaluator.IsRelevant(antigen, seriesIndex))
            {
                relevant.Add(series);
                usesCompletedSeries |= series.UsesCompletedSeries;
            }
        }

        if (relevant.Count == 0)
        {
            return (null, null);
        }

        var runs = new List<PatientSeries>(relevant.Count);
        foreach (var series in relevant)
        {
            runs.Add(evaluator.Run(series, antigen, ownDoses, s_noGroups));
        }

        if (usesCompletedSeries)
        {
            HashSet<string>? complete = null;
            foreach (var run in runs)
            {
                if (run.Status == SeriesStatus.Complete)
                {
                    (complete ??= new HashSet<string>(StringComparer.Ordinal)).Add(run.Series.SeriesGroup);
                }
            }

            if (complete is not null)
            {
                // Only a series whose skip conditions name a complete series group can run differently: the others
                // would give the same run again (the set is read by those conditions alone).
                for (var i = 0; i < runs.Count; i++)
                {
                    if (NamesAny(relevant[i], complete))
                    {
                        runs[i] = evaluator.Run(relevant[i], antigen, ownDoses, complete);
                    }
                }
            }
        }

        var best = SeriesSelector.SelectBest(runs, patient, assessmentDate);
        if (best.Count == 0)
        {
            var fallback = runs[0];
            foreach (var run in runs)
            {
                if (run.Series.IsDefault)
                {
                    fallback = run;
                    break;
                }
            }

            best = [fallback];
        }

        // One series speaks for the antigen: the one still needing a dose soonest, else the most complete. Dose
        // evaluations come from the best series with the most valid doses.
        var chosen = best[0];
        var evaluated = best[0];
        for (var i = 1; i < best.Count; i++)
        {
            var candidate = best[i];
            var byStatus = StatusRank(candidate.Status).CompareTo(StatusRank(chosen.Status));
            if (byStatus < 0 || (byStatus == 0 && (candidate.Earliest ?? LocalDate.MaxIsoValue) < (chosen.Earliest ?? LocalDate.MaxIsoValue)))
            {
                chosen = candidate;
            }

            if (candidate.ValidCount > evaluated.ValidCount
                || (candidate.ValidCount == evaluated.ValidCount && StatusRank(candidate.Status) < StatusRank(evaluated.Status)))
            {
                evaluated = candidate;
            }
        }

        foreach (var own in evaluated.Evaluations)
        {
            // A dose that another best series counts as valid is valid (CDC's cases name the series type, standard or
            // risk, in which each dose was found valid: a dose can be valid for a risk series only).
            var evaluation = own;
            var from = evaluated;
            if (own.Status != DoseStatus.Valid && best.Count > 1)
            {
                foreach (var other in best)
                {
                    if (other != evaluated && ValidIn(other, own.Dose) is { } valid)
                    {
                        evaluation = valid;
                        from = other;
                        break;
                    }
                }
            }

            evaluations.Add(DoseEvaluation.FromEngine(evaluation.Dose.Dose, antigen.Name, evaluated.Series.VaccineGroup, evaluation.Status, evaluation.Reason, evaluation.Reasons.ToReadOnly(), evaluation.TargetNumber, from.Series.Name));
        }

        var forecast = AntigenForecast.FromEngine(antigen.Name, chosen.Series.Name, chosen.Status, chosen.ForecastDoseNumber, chosen.Earliest, chosen.Recommended, chosen.PastDue, chosen.Latest, RecommendedCvx(chosen));
        return (forecast, chosen);
    }

    // The forecast's own array when the series built one (never changed afterwards): wrapped, not copied.
    private static ReadOnlyCollection<string> RecommendedCvx(PatientSeries chosen) =>
        chosen.RecommendedCvx.Length == 0 ? ReadOnlyCollection<string>.Empty : Array.AsReadOnly(chosen.RecommendedCvx);

    private bool NamesAny(AntigenSeries series, HashSet<string> complete)
    {
        if (!series.UsesCompletedSeries || !_completedSeriesGroups.TryGetValue(series, out var groups))
        {
            return false;
        }

        foreach (var group in groups)
        {
            if (complete.Contains(group))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<AntigenSeries, string[]> CompletedSeriesGroups(CdsiSupportingData data)
    {
        var result = new Dictionary<AntigenSeries, string[]>(ReferenceEqualityComparer.Instance);
        foreach (var antigen in data.Antigens)
        {
            foreach (var series in antigen.Series)
            {
                if (!series.UsesCompletedSeries)
                {
                    continue;
                }

                var groups = new HashSet<string>(StringComparer.Ordinal);
                foreach (var dose in series.Doses)
                {
                    foreach (var skip in dose.ConditionalSkips)
                    {
                        foreach (var set in skip.Sets)
                        {
                            foreach (var condition in set.Conditions)
                            {
                                if (condition.Type == SkipConditionType.CompletedSeries)
                                {
                                    groups.UnionWith(condition.SeriesGroups);
                                }
                            }
                        }
                    }
                }

                result[series] = [.. groups];
            }
        }

        return result;
    }

    private static SeriesEvaluation? ValidIn(PatientSeries series, HistoryDose dose)
    {
        foreach (var evaluation in series.Evaluations)
        {
            if (ReferenceEquals(evaluation.Dose, dose) && evaluation.Status == DoseStatus.Valid)
            {
                return evaluation;
            }
        }

        return null;
    }

    private static int StatusRank(SeriesStatus status) => status switch
    {
        SeriesStatus.NotComplete => 0,
        SeriesStatus.Complete => 1,
        SeriesStatus.Immune => 2,
        SeriesStatus.Contraindicated => 3,
        SeriesStatus.NotRecommended => 4,
        _ => 5,
    };
}
