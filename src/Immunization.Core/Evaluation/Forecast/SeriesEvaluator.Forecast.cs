using Immunization.Core.Schedules;
using Immunization.Core.Vaccines;
using NodaTime;

namespace Immunization.Core.Evaluation;

// Forecast the next target dose of a patient series (logic specification chapter 7).
internal sealed partial class SeriesEvaluator
{
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

            ref var target = ref run.Targets[run.NextTarget];
            var definition = target.Definition;
            run.ContraindicatedCvx = ContraindicatedCvx(antigen);
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
        for (var intervalIndex = 0; intervalIndex < definition.PreferableIntervalsArray.Length; intervalIndex++)
        {
            var interval = definition.PreferableIntervalsArray[intervalIndex];
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

        var unadjustedRecommended = age?.EarliestRecommended is { } rec ? AgeDate(rec) : earliestRecommendedInterval ?? earliest;
        LocalDate? pastDue = age?.LatestRecommended is { } late
            ? AgeDate(late).PlusDays(-1)
            : latestRecommendedInterval?.PlusDays(-1);
        run.Earliest = earliest;
        run.Recommended = Max(earliest, unadjustedRecommended);
        run.PastDue = pastDue is { } p ? Max(earliest, p) : null;
        run.Latest = age?.Maximum is { } max ? AgeDate(max).PlusDays(-1) : null;
        run.RecommendedCvx = RecommendedVaccines(definition, earliest, run.Recommended.Value, run.ContraindicatedCvx);
    }

    /// <summary>FORECASTRECVAC-1: preferable vaccines flagged for forecasting whose ages cover the earliest or recommended date.</summary>
    /// <remarks>A contraindicated vaccine is never recommended (7.3, table 7-6).</remarks>
    private string[] RecommendedVaccines(SeriesDose definition, LocalDate earliest, LocalDate recommended, string[] contraindicated)
    {
        // The chosen vaccines' positions first (no list per forecast), then one array of exactly their codes.
        var vaccines = definition.PreferableVaccinesArray;
        Span<int> chosen = vaccines.Length <= 32 ? stackalloc int[vaccines.Length] : new int[vaccines.Length];
        var count = 0;
        for (var vaccineIndex = 0; vaccineIndex < vaccines.Length; vaccineIndex++)
        {
            var vaccine = vaccines[vaccineIndex];
            if (!vaccine.ForecastVaccineType || !vaccine.Period.Contains(_assessmentDate) || IsChosen(vaccines, chosen[..count], vaccine.Cvx) || Contains(contraindicated, vaccine.Cvx.Value))
            {
                continue;
            }

            var begin = AgeDate(vaccine.BeginAge, s_minDate);
            var end = AgeDate(vaccine.EndAge, s_maxDate);
            if ((earliest >= begin && earliest < end) || (recommended >= begin && recommended < end))
            {
                chosen[count++] = vaccineIndex;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = vaccines[chosen[i]].Cvx.Value;
        }

        return result;
    }

    private static bool IsChosen(SeriesVaccine[] vaccines, ReadOnlySpan<int> chosen, VaccineCode cvx)
    {
        foreach (var index in chosen)
        {
            if (vaccines[index].Cvx == cvx)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The latest end of a live-virus conflict window that every preferable vaccine of the target dose would fall into.</summary>
    private LocalDate ForecastConflictEnd(SeriesDose definition)
    {
        var result = s_minDate;

        // A preferable vaccine that conflicts with nothing (or none at all) leaves every earlier dose without a window:
        // known per target dose when the data is loaded (no vaccine of most schedules, none of COVID-19, is in a
        // live-virus conflict), one reference lookup here.
        if (!_data.ForecastConflictDoses.Contains(definition))
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
            for (var vaccineIndex = 0; vaccineIndex < definition.PreferableVaccinesArray.Length; vaccineIndex++)
            {
                var vaccine = definition.PreferableVaccinesArray[vaccineIndex];
                LocalDate? end = null;
                if (_data.ConflictsByCurrentCvx.TryGetValue(vaccine.Cvx.Value, out var conflicts))
                {
                    foreach (var conflict in conflicts)
                    {
                        if (conflict.PreviousCvx.Value == earlier.Cvx)
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
}
