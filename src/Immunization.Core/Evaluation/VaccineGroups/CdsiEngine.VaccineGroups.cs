using System.Collections.ObjectModel;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

// Identify and evaluate the vaccine group (logic specification chapter 9): merge the antigens' best series.
public sealed partial class CdsiEngine
{
    /// <summary>Chapter 9: one antigen passes through; several antigens are merged.</summary>
    private static VaccineGroupForecast MergeVaccineGroup(VaccineGroup group, List<(AntigenForecast Forecast, PatientSeries Series)> members, List<HistoryDose> history)
    {
        var antigens = new AntigenForecast[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            antigens[i] = members[i].Forecast;
        }

        if (members.Count == 1)
        {
            var f = antigens[0];
            return VaccineGroupForecast.FromEngine(group.Name, f.Status, f.ForecastDoseNumber, f.Earliest, f.Recommended, f.PastDue, f.Latest, antigens, f.RecommendedCvx);
        }

        // Table 9-4. A vaccine that a member antigen contraindicates (7.3, table 7-6) is never recommended for the group.
        bool contraindicated = false, agedOut = false, notRecommended = false, notComplete = false, allImmune = true;
        List<string>? excluded = null;
        foreach (var (antigen, series) in members)
        {
            if (series.ContraindicatedCvx.Length > 0)
            {
                (excluded ??= []).AddRange(series.ContraindicatedCvx);
            }

            contraindicated |= antigen.Status == SeriesStatus.Contraindicated;
            agedOut |= antigen.Status == SeriesStatus.AgedOut;
            notRecommended |= antigen.Status == SeriesStatus.NotRecommended;
            notComplete |= antigen.Status == SeriesStatus.NotComplete;
            allImmune &= antigen.Status == SeriesStatus.Immune;
        }

        var status = contraindicated ? SeriesStatus.Contraindicated
            : agedOut ? SeriesStatus.AgedOut
            : notRecommended ? SeriesStatus.NotRecommended
            : notComplete ? SeriesStatus.NotComplete
            : allImmune ? SeriesStatus.Immune
            : SeriesStatus.Complete;
        if (status != SeriesStatus.NotComplete)
        {
            return VaccineGroupForecast.FromEngine(group.Name, status, null, null, null, null, null, antigens, ReadOnlyCollection<string>.Empty);
        }

        // Only the antigens still needing a dose shape the forecast: the earliest of the priority ones (or the latest
        // of all), the soonest recommended, past-due and latest dates, and the lowest or highest dose number.
        var priority = false;
        LocalDate? minEarliest = null, maxEarliest = null, recommended = null, pastDue = null, latest = null;
        int? minNumber = null, maxNumber = null;
        var recommendedCvx = new List<string>();
        foreach (var (forecast, series) in members)
        {
            if (forecast.Status != SeriesStatus.NotComplete)
            {
                continue;
            }

            priority |= series.IsPriorityForecast;
            minEarliest = Min(minEarliest, forecast.Earliest);
            maxEarliest = Max(maxEarliest, forecast.Earliest);
            recommended = Min(recommended, forecast.Recommended);
            pastDue = Min(pastDue, forecast.PastDue);
            latest = Min(latest, forecast.Latest);
            if (forecast.ForecastDoseNumber is { } n)
            {
                minNumber = minNumber is { } lo && lo <= n ? lo : n;
                maxNumber = maxNumber is { } hi && hi >= n ? hi : n;
            }

            foreach (var cvx in forecast.RecommendedCvx)
            {
                if (!recommendedCvx.Contains(cvx) && (excluded is null || !excluded.Contains(cvx)))
                {
                    recommendedCvx.Add(cvx);
                }
            }
        }

        LocalDate? earliest;
        if (priority)
        {
            earliest = minEarliest;
            var lastDose = LocalDate.MinIsoValue;
            var any = false;
            foreach (var (_, series) in members)
            {
                foreach (var evaluation in series.Evaluations)
                {
                    any = true;
                    lastDose = evaluation.Dose.Date > lastDose ? evaluation.Dose.Date : lastDose;
                }
            }

            if (any && earliest is { } e && lastDose > e)
            {
                earliest = lastDose;
            }
        }
        else
        {
            earliest = maxEarliest;
        }

        if (recommended is { } r && earliest is { } e2 && r < e2)
        {
            recommended = e2;
        }

        var number = group.AdministerFullVaccineGroup ? minNumber : maxNumber;
        return VaccineGroupForecast.FromEngine(group.Name, status, number, earliest, recommended, pastDue, latest, antigens, recommendedCvx.Count == 0 ? ReadOnlyCollection<string>.Empty : recommendedCvx.AsReadOnly());
    }

    // As LINQ's Min/Max over nullable values: nulls are ignored; null only when every value is null.
    private static LocalDate? Min(LocalDate? a, LocalDate? b) => a is not { } x ? b : b is not { } y ? a : x <= y ? x : y;

    private static LocalDate? Max(LocalDate? a, LocalDate? b) => a is not { } x ? b : b is not { } y ? a : x >= y ? x : y;
}
