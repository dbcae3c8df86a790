using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>
/// Evaluates the doses of one antigen against one antigen series (logic specification chapter 6) and forecasts the
/// next target dose (chapter 7).
/// </summary>
internal sealed class SeriesEvaluator
{
    private static readonly LocalDate s_minDate = new(1900, 1, 1);
    private static readonly LocalDate s_maxDate = new(2999, 12, 31);

    private readonly CdsiSupportingData _data;
    private readonly CdsiPatient _patient;
    private readonly IReadOnlyList<HistoryDose> _history;
    private readonly LocalDate _assessmentDate;

    public SeriesEvaluator(CdsiSupportingData data, CdsiPatient patient, IReadOnlyList<HistoryDose> history, LocalDate assessmentDate)
    {
        _data = data;
        _patient = patient;
        _history = history;
        _assessmentDate = assessmentDate;
    }

    private LocalDate Dob => _patient.DateOfBirth;

    private LocalDate AgeDate(CdsiDuration? age, LocalDate ifEmpty) => age is { } a ? CdsiCalendar.Add(Dob, a) : ifEmpty;

    /// <summary>Evaluates then forecasts the series. <paramref name="completeSeriesGroups"/> feeds "Completed Series" skip conditions.</summary>
    public PatientSeries Run(AntigenSeries series, Antigen antigen, IReadOnlyList<HistoryDose> antigenDoses, IReadOnlySet<string> completeSeriesGroups)
    {
        var run = new PatientSeries(series, Dob);
        foreach (var dose in series.Doses)
        {
            run.Targets.Add(new TargetDose(dose));
        }

        foreach (var dose in antigenDoses)
        {
            EvaluateDose(run, dose, completeSeriesGroups);
        }

        Forecast(run, antigen, completeSeriesGroups);
        return run;
    }

    private void EvaluateDose(PatientSeries run, HistoryDose dose, IReadOnlySet<string> completeSeriesGroups)
    {
        while (true)
        {
            if (run.NextTarget >= run.Targets.Count)
            {
                run.Evaluations.Add(new SeriesEvaluation(dose, DoseStatus.Extraneous, DoseStatusReason.SeriesAlreadyComplete, null, false, ReasonSet.Of(DoseStatusReason.SeriesAlreadyComplete)));
                return;
            }

            var target = run.Targets[run.NextTarget];
            var definition = target.Definition;
            var number = run.NextTarget + 1;
            if (dose.Dose.Condition is not null)
            {
                run.Evaluations.Add(new SeriesEvaluation(dose, DoseStatus.SubStandard, DoseStatusReason.DoseCondition, number, false, ReasonSet.Of(DoseStatusReason.DoseCondition)));
                return;
            }

            if (CanSkip(run, definition, forecast: false, dose.Date, dose, completeSeriesGroups))
            {
                target.Status = TargetStatus.Skipped;
                run.NextTarget++;
                continue;
            }

            if (Contains(definition.InadvertentCvx, dose.Cvx))
            {
                run.Evaluations.Add(new SeriesEvaluation(dose, DoseStatus.NotValid, DoseStatusReason.InadvertentVaccine, number, true, ReasonSet.Of(DoseStatusReason.InadvertentVaccine)));
                return;
            }

            var (status, reason, all) = Evaluate(run, definition, dose);
            run.Evaluations.Add(new SeriesEvaluation(dose, status, reason, number, false, all));
            if (status == DoseStatus.Valid)
            {
                target.Status = TargetStatus.Satisfied;
                target.SatisfiedBy = dose;
                if (definition.IsRecurring)
                {
                    run.Targets.Insert(run.NextTarget + 1, new TargetDose(definition));
                }

                run.NextTarget++;
            }

            return;
        }
    }

    private (DoseStatus Status, DoseStatusReason Reason, ReasonSet Reasons) Evaluate(PatientSeries run, SeriesDose definition, HistoryDose dose)
    {
        // Age, intervals, conflicts and vaccine are all checked (6.10 ANDs them). The first failure is the reason;
        // every failure is kept, because CDC's expected results name one or another when several fail.
        var date = dose.Date;
        var grace = false;
        var reasons = default(ReasonSet);
        var age = FindAge(definition, date);
        if (age is not null)
        {
            if (date >= AgeDate(age.Maximum, s_maxDate))
            {
                return (DoseStatus.Extraneous, DoseStatusReason.TooOld, ReasonSet.Of(DoseStatusReason.TooOld));
            }

            if (date < AgeDate(age.AbsoluteMinimum, s_minDate))
            {
                reasons = reasons.With(DoseStatusReason.TooYoung);
            }
            else
            {
                grace = date < AgeDate(age.Minimum, s_minDate);
            }
        }

        if (!IntervalsSatisfied(run, definition.PreferableIntervals, dose, ref grace)
            && (definition.AllowableIntervals.Count == 0 || !IntervalsSatisfied(run, definition.AllowableIntervals, dose, ref grace)))
        {
            reasons = reasons.With(DoseStatusReason.TooSoon);
        }

        if (InLiveVirusConflict(run, dose))
        {
            reasons = reasons.With(DoseStatusReason.LiveVirusConflict);
        }

        if (!IsPreferable(definition, dose) && !IsAllowable(definition, dose))
        {
            reasons = reasons.With(DoseStatusReason.NotPreferableOrAllowable);
        }

        return !reasons.IsEmpty
            ? (DoseStatus.NotValid, reasons.First, reasons)
            : (DoseStatus.Valid, grace ? DoseStatusReason.GracePeriod : DoseStatusReason.None, default);
    }

    private static AgeRule? FindAge(SeriesDose definition, LocalDate date)
    {
        foreach (var age in definition.Ages)
        {
            if (age.Period.Contains(date))
            {
                return age;
            }
        }

        return null;
    }

    private bool IntervalsSatisfied(PatientSeries run, IReadOnlyList<IntervalRule> intervals, HistoryDose dose, ref bool grace)
    {
        foreach (var interval in intervals)
        {
            if (!interval.Period.Contains(dose.Date))
            {
                continue;
            }

            var reference = ReferenceDate(run, interval, dose);
            if (reference is not { } from)
            {
                continue;
            }

            if (interval.AbsoluteMinimum is { } absolute && dose.Date < CdsiCalendar.Add(from, absolute))
            {
                return false;
            }

            if (interval.Minimum is { } minimum && dose.Date < CdsiCalendar.Add(from, minimum))
            {
                grace = true;
            }
        }

        return true;
    }

    /// <summary>CALCDTINT-1, -2, -8, -9: the date an interval is measured from, or null when it does not apply.</summary>
    private LocalDate? ReferenceDate(PatientSeries run, IntervalRule interval, HistoryDose? dose)
    {
        if (interval.FromPrevious)
        {
            for (var i = run.Evaluations.Count - 1; i >= 0; i--)
            {
                var previous = run.Evaluations[i];
                if ((previous.Status == DoseStatus.Valid || previous.Status == DoseStatus.NotValid) && !previous.Inadvertent)
                {
                    return previous.Dose.Date;
                }
            }

            return null;
        }

        if (interval.FromTargetDose is { } targetNumber)
        {
            return targetNumber >= 1 && targetNumber <= run.Targets.Count ? run.Targets[targetNumber - 1].SatisfiedBy?.Date : null;
        }

        if (interval.FromMostRecent.Count > 0)
        {
            LocalDate? latest = null;
            foreach (var earlier in _history)
            {
                if (dose is not null && earlier.Date >= dose.Date)
                {
                    break;
                }

                if (earlier.Date <= _assessmentDate && Contains(interval.FromMostRecent, earlier.Cvx))
                {
                    latest = earlier.Date;
                }
            }

            return latest;
        }

        if (interval.FromObservation is { } code)
        {
            LocalDate? latest = null;
            foreach (var observation in _patient.Observations)
            {
                if (observation.Code == code && observation.Date is { } observed && (latest is null || observed > latest))
                {
                    latest = observed;
                }
            }

            return latest;
        }

        return null;
    }

    private bool InLiveVirusConflict(PatientSeries run, HistoryDose dose)
    {
        if (!_data.ConflictsByCurrentCvx.TryGetValue(dose.Cvx, out var conflicts))
        {
            return false;
        }

        foreach (var earlier in _history)
        {
            if (earlier.Date >= dose.Date)
            {
                break;
            }

            foreach (var conflict in conflicts)
            {
                if (conflict.PreviousCvx != earlier.Cvx)
                {
                    continue;
                }

                var begin = CdsiCalendar.Add(earlier.Date, conflict.Begin);
                var end = CdsiCalendar.Add(earlier.Date, StatusOf(run, earlier) is null or DoseStatus.Valid ? conflict.MinimumEnd : conflict.End);
                if (dose.Date >= begin && dose.Date < end)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static DoseStatus? StatusOf(PatientSeries run, HistoryDose dose)
    {
        foreach (var evaluation in run.Evaluations)
        {
            if (ReferenceEquals(evaluation.Dose, dose))
            {
                return evaluation.Status;
            }
        }

        return null;
    }

    private bool IsPreferable(SeriesDose definition, HistoryDose dose)
    {
        foreach (var vaccine in definition.PreferableVaccines)
        {
            if (vaccine.Cvx == dose.Cvx && vaccine.Period.Contains(dose.Date)
                && dose.Date >= AgeDate(vaccine.BeginAge, s_minDate) && dose.Date < AgeDate(vaccine.EndAge, s_maxDate)
                && (vaccine.Mvx is null || dose.Dose.Mvx is not { Length: > 0 } mvx || string.Equals(vaccine.Mvx, mvx, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsAllowable(SeriesDose definition, HistoryDose dose)
    {
        foreach (var vaccine in definition.AllowableVaccines)
        {
            if (vaccine.Cvx == dose.Cvx && vaccine.Period.Contains(dose.Date)
                && dose.Date >= AgeDate(vaccine.BeginAge, s_minDate) && dose.Date < AgeDate(vaccine.EndAge, s_maxDate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Conditional skip (6.2, 7.1, 7.6). <paramref name="dose"/> is the dose being evaluated, or null in a forecast.</summary>
    private bool CanSkip(PatientSeries run, SeriesDose definition, bool forecast, LocalDate reference, HistoryDose? dose, IReadOnlySet<string> completeSeriesGroups)
    {
        foreach (var skip in definition.ConditionalSkips)
        {
            if (!skip.AppliesTo(forecast) || skip.Sets.Count == 0)
            {
                continue;
            }

            var met = 0;
            var considered = 0;
            foreach (var set in skip.Sets)
            {
                if (!set.Period.Contains(reference))
                {
                    continue;
                }

                considered++;
                if (SetMet(run, set, reference, dose, completeSeriesGroups))
                {
                    met++;
                }
            }

            if (considered > 0 && (skip.SetsOr ? met > 0 : met == considered))
            {
                return true;
            }
        }

        return false;
    }

    private bool SetMet(PatientSeries run, SkipSet set, LocalDate reference, HistoryDose? dose, IReadOnlySet<string> completeSeriesGroups)
    {
        if (set.Conditions.Count == 0)
        {
            return false;
        }

        var met = 0;
        foreach (var condition in set.Conditions)
        {
            if (ConditionMet(run, condition, reference, dose, completeSeriesGroups))
            {
                met++;
            }
        }

        return set.ConditionsOr ? met > 0 : met == set.Conditions.Count;
    }

    private bool ConditionMet(PatientSeries run, SkipCondition condition, LocalDate reference, HistoryDose? dose, IReadOnlySet<string> completeSeriesGroups)
    {
        switch (condition.Type)
        {
            case SkipConditionType.Age:
                return reference >= AgeDate(condition.BeginAge, s_minDate) && reference < AgeDate(condition.EndAge, s_maxDate);
            case SkipConditionType.Interval:
                {
                    // The immediate previous dose administered (for a forecast, the last dose in the history).
                    LocalDate? previous = null;
                    foreach (var evaluation in run.Evaluations)
                    {
                        previous = evaluation.Dose.Date;
                    }

                    return previous is { } p && condition.Interval is { } interval && reference >= CdsiCalendar.Add(p, interval);
                }

            case SkipConditionType.CompletedSeries:
                foreach (var group in condition.SeriesGroups)
                {
                    if (completeSeriesGroups.Contains(group))
                    {
                        return true;
                    }
                }

                return false;
            default:
                {
                    var begin = AgeDate(condition.BeginAge, s_minDate);
                    var end = AgeDate(condition.EndAge, s_maxDate);
                    var start = condition.StartDate ?? s_minDate;
                    var stop = condition.EndDate ?? s_maxDate;
                    var count = 0;
                    foreach (var evaluation in run.Evaluations)
                    {
                        var date = evaluation.Dose.Date;
                        if ((condition.VaccineTypes.Count == 0 || Contains(condition.VaccineTypes, evaluation.Dose.Cvx))
                            && date >= begin && date < end && date >= start && date < stop
                            && (!condition.CountValidOnly || evaluation.Status == DoseStatus.Valid))
                        {
                            count++;
                        }
                    }

                    return condition.CountLogic switch
                    {
                        DoseCountLogic.GreaterThan => count > condition.DoseCount,
                        DoseCountLogic.EqualTo => count == condition.DoseCount,
                        _ => count < condition.DoseCount,
                    };
                }
        }
    }

    private void Forecast(PatientSeries run, Antigen antigen, IReadOnlySet<string> completeSeriesGroups)
    {
        while (true)
        {
            // Skip target doses that the history or the patient's age make unnecessary (7.1).
            while (run.NextTarget < run.Targets.Count
                && CanSkip(run, run.Targets[run.NextTarget].Definition, forecast: true, _assessmentDate, null, completeSeriesGroups))
            {
                run.Targets[run.NextTarget].Status = TargetStatus.Skipped;
                run.NextTarget++;
            }

            if (run.NextTarget >= run.Targets.Count)
            {
                run.Status = run.ValidCount > 0 ? SeriesStatus.Complete : SeriesStatus.NotRecommended;
                return;
            }

            if (HasImmunity(antigen))
            {
                run.Status = SeriesStatus.Immune;
                return;
            }

            var target = run.Targets[run.NextTarget];
            var definition = target.Definition;
            if (IsContraindicated(antigen, definition))
            {
                run.Status = SeriesStatus.Contraindicated;
                return;
            }

            if (definition.SeasonEnd is { } seasonEnd && _assessmentDate > seasonEnd)
            {
                run.Status = SeriesStatus.NotRecommended;
                return;
            }

            ComputeDates(run, definition);
            var maxAge = FindAge(definition, _assessmentDate)?.Maximum;
            var maxAgeDate = AgeDate(maxAge, s_maxDate);
            if (_assessmentDate >= maxAgeDate || run.Earliest >= maxAgeDate)
            {
                ClearDates(run);
                run.Status = SeriesStatus.AgedOut;
                return;
            }

            // Validate the recommendation (7.6): would the target dose be skipped when the patient comes back?
            if (run.Earliest is { } earliest && earliest > _assessmentDate
                && CanSkip(run, definition, forecast: true, earliest, null, completeSeriesGroups))
            {
                target.Status = TargetStatus.Skipped;
                run.NextTarget++;
                ClearDates(run);
                continue;
            }

            run.Status = SeriesStatus.NotComplete;
            run.ForecastDoseNumber = ForecastDoseNumber(run);
            return;
        }
    }

    private static void ClearDates(PatientSeries run)
    {
        run.Earliest = run.Recommended = run.PastDue = run.Latest = null;
        run.IsPriorityForecast = false;
        run.RecommendedCvx = [];
    }

    private static int ForecastDoseNumber(PatientSeries run)
    {
        var count = 0;
        foreach (var target in run.Targets)
        {
            if (target.Status == TargetStatus.Satisfied
                && (target.Definition.SeasonStart is not { } start || target.SatisfiedBy!.Date >= start))
            {
                count++;
            }
        }

        return count + 1;
    }

    private void ComputeDates(PatientSeries run, SeriesDose definition)
    {
        var age = FindAge(definition, _assessmentDate);
        var earliest = AgeDate(age?.Minimum, Dob);
        LocalDate? earliestRecommendedInterval = null, latestRecommendedInterval = null;
        var intervalCount = 0;
        var overrideCount = 0;
        foreach (var interval in definition.PreferableIntervals)
        {
            if (!interval.Period.Contains(_assessmentDate))
            {
                continue;
            }

            intervalCount++;
            if (interval.PriorityOverride)
            {
                overrideCount++;
            }

            if (ReferenceDate(run, interval, null) is not { } from)
            {
                continue;
            }

            if (interval.Minimum is { } minimum)
            {
                earliest = Max(earliest, CdsiCalendar.Add(from, minimum));
            }

            if (interval.EarliestRecommended is { } recommended)
            {
                var date = CdsiCalendar.Add(from, recommended);
                earliestRecommendedInterval = earliestRecommendedInterval is { } e ? Max(e, date) : date;
            }

            if (interval.LatestRecommended is { } latest)
            {
                var date = CdsiCalendar.Add(from, latest);
                latestRecommendedInterval = latestRecommendedInterval is { } l ? Max(l, date) : date;
            }
        }

        run.IsPriorityForecast = intervalCount > 0 && overrideCount == intervalCount;
        earliest = Max(earliest, ForecastConflictEnd(definition));
        if (definition.SeasonStart is { } seasonStart)
        {
            earliest = Max(earliest, seasonStart);
        }

        foreach (var evaluation in run.Evaluations)
        {
            if (evaluation.TargetNumber is not null)
            {
                earliest = Max(earliest, evaluation.Dose.Date);
            }
        }

        var unadjustedRecommended = age?.EarliestRecommended is { } rec ? CdsiCalendar.Add(Dob, rec) : earliestRecommendedInterval ?? earliest;
        LocalDate? pastDue = age?.LatestRecommended is { } late
            ? CdsiCalendar.Add(Dob, late).PlusDays(-1)
            : latestRecommendedInterval?.PlusDays(-1);
        run.Earliest = earliest;
        run.Recommended = Max(earliest, unadjustedRecommended);
        run.PastDue = pastDue is { } p ? Max(earliest, p) : null;
        run.Latest = age?.Maximum is { } max ? CdsiCalendar.Add(Dob, max).PlusDays(-1) : null;
        run.RecommendedCvx = RecommendedVaccines(definition, earliest, run.Recommended.Value);
    }

    /// <summary>FORECASTRECVAC-1: preferable vaccines flagged for forecasting whose ages cover the earliest or recommended date.</summary>
    private List<string> RecommendedVaccines(SeriesDose definition, LocalDate earliest, LocalDate recommended)
    {
        var result = new List<string>(2);
        foreach (var vaccine in definition.PreferableVaccines)
        {
            if (!vaccine.ForecastVaccineType || !vaccine.Period.Contains(_assessmentDate) || result.Contains(vaccine.Cvx))
            {
                continue;
            }

            var begin = AgeDate(vaccine.BeginAge, s_minDate);
            var end = AgeDate(vaccine.EndAge, s_maxDate);
            if ((earliest >= begin && earliest < end) || (recommended >= begin && recommended < end))
            {
                result.Add(vaccine.Cvx);
            }
        }

        return result;
    }

    /// <summary>The latest end of a live-virus conflict window that every preferable vaccine of the target dose would fall into.</summary>
    private LocalDate ForecastConflictEnd(SeriesDose definition)
    {
        var result = s_minDate;
        if (definition.PreferableVaccines.Count == 0)
        {
            return result;
        }

        foreach (var earlier in _history)
        {
            if (earlier.Date > _assessmentDate)
            {
                break;
            }

            LocalDate? soonest = null;
            foreach (var vaccine in definition.PreferableVaccines)
            {
                LocalDate? end = null;
                if (_data.ConflictsByCurrentCvx.TryGetValue(vaccine.Cvx, out var conflicts))
                {
                    foreach (var conflict in conflicts)
                    {
                        if (conflict.PreviousCvx == earlier.Cvx)
                        {
                            end = CdsiCalendar.Add(earlier.Date, conflict.End);
                            break;
                        }
                    }
                }

                if (end is null)
                {
                    soonest = null;
                    break;
                }

                soonest = soonest is { } s && s < end.Value ? s : end;
            }

            if (soonest is { } conflictEnd)
            {
                result = Max(result, conflictEnd);
            }
        }

        return result;
    }

    private bool HasImmunity(Antigen antigen)
    {
        foreach (var observation in _patient.Observations)
        {
            if (Contains(antigen.Immunity.ClinicalHistoryCodes, observation.Code))
            {
                return true;
            }
        }

        if (antigen.Immunity.BirthDateBefore is { } before && Dob < before)
        {
            foreach (var observation in _patient.Observations)
            {
                if (Contains(antigen.Immunity.ExclusionCodes, observation.Code))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// 7.3: an antigen contraindication that applies today, or vaccine contraindications that rule out every preferable
    /// vaccine of the target dose.
    /// </summary>
    private bool IsContraindicated(Antigen antigen, SeriesDose definition)
    {
        if (_patient.Observations.Count == 0)
        {
            return false;
        }

        foreach (var contraindication in antigen.GroupContraindications)
        {
            if (Applies(contraindication))
            {
                return true;
            }
        }

        if (definition.PreferableVaccines.Count == 0 || antigen.VaccineContraindications.Count == 0)
        {
            return false;
        }

        foreach (var vaccine in definition.PreferableVaccines)
        {
            var ruledOut = false;
            foreach (var contraindication in antigen.VaccineContraindications)
            {
                if (Contains(contraindication.Cvx, vaccine.Cvx) && Applies(contraindication))
                {
                    ruledOut = true;
                    break;
                }
            }

            if (!ruledOut)
            {
                return false;
            }
        }

        return true;
    }

    private bool Applies(Contraindication contraindication)
    {
        foreach (var observation in _patient.Observations)
        {
            if (observation.Code == contraindication.ObservationCode
                && _assessmentDate >= AgeDate(contraindication.BeginAge, s_minDate)
                && _assessmentDate < AgeDate(contraindication.EndAge, s_maxDate))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
