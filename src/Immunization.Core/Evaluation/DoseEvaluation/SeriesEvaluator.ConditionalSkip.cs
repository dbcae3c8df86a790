using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

// Conditional skip (logic specification 6.2, 7.1, 7.6): used by dose evaluation and by forecast.
internal sealed partial class SeriesEvaluator
{
    /// <summary>Conditional skip (6.2, 7.1, 7.6). <paramref name="dose"/> is the dose being evaluated, or null in a forecast.</summary>
    private bool CanSkip(PatientSeries run, SeriesDose definition, bool forecast, LocalDate reference, HistoryDose? dose, IReadOnlySet<string> completeSeriesGroups)
    {
        for (var skipIndex = 0; skipIndex < definition.ConditionalSkipsArray.Length; skipIndex++)
        {
            var skip = definition.ConditionalSkipsArray[skipIndex];
            if (!skip.AppliesTo(forecast) || skip.SetsArray.Length == 0)
            {
                continue;
            }

            var met = 0;
            var considered = 0;
            for (var setIndex = 0; setIndex < skip.SetsArray.Length; setIndex++)
            {
                var set = skip.SetsArray[setIndex];
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
        if (set.ConditionsArray.Length == 0)
        {
            return false;
        }

        var met = 0;
        for (var conditionIndex = 0; conditionIndex < set.ConditionsArray.Length; conditionIndex++)
        {
            var condition = set.ConditionsArray[conditionIndex];
            if (ConditionMet(run, condition, reference, dose, completeSeriesGroups))
            {
                met++;
            }
        }

        return set.ConditionsOr ? met > 0 : met == set.ConditionsArray.Length;
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
                for (var groupIndex = 0; groupIndex < condition.SeriesGroupsArray.Length; groupIndex++)
                {
                    var group = condition.SeriesGroupsArray[groupIndex];
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
                        if ((condition.VaccineTypesArray.Length == 0 || Contains(condition.VaccineTypesArray, evaluation.Dose.Cvx))
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
}
