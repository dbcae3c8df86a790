using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>Selects the best patient series of an antigen (logic specification chapter 8).</summary>
internal static class SeriesSelector
{
    public static List<PatientSeries> SelectBest(List<PatientSeries> relevant, CdsiPatient patient, LocalDate assessmentDate)
    {
        var prioritized = new List<PatientSeries>(2);
        var oneGroup = true;
        foreach (var series in relevant)
        {
            oneGroup &= series.Series.SeriesGroup == relevant[0].Series.SeriesGroup;
        }

        if (oneGroup)
        {
            // Most antigens have a single series group: no grouping needed.
            if (Prioritize(relevant, patient, assessmentDate) is { } chosen)
            {
                prioritized.Add(chosen);
            }
        }
        else
        {
            // Series groups in order of first appearance, as GroupBy would give them (a group is done when an earlier
            // series has it: a handful of series, compared in place rather than hashed into a set).
            var members = new List<PatientSeries>(relevant.Count);
            for (var firstIndex = 0; firstIndex < relevant.Count; firstIndex++)
            {
                var first = relevant[firstIndex];
                if (SeenBefore(relevant, firstIndex))
                {
                    continue;
                }

                members.Clear();
                foreach (var series in relevant)
                {
                    if (series.Series.SeriesGroup == first.Series.SeriesGroup)
                    {
                        members.Add(series);
                    }
                }

                if (Prioritize(members, patient, assessmentDate) is { } chosen)
                {
                    prioritized.Add(chosen);
                }
            }
        }

        if (prioritized.Count == 1)
        {
            return prioritized[0].Series.Type == SeriesType.EvaluationOnly && prioritized[0].Status != SeriesStatus.Complete ? [] : prioritized;
        }

        // 8.8: a complete series in an equivalent group makes an incomplete one redundant; a risk series in an
        // equivalent group takes precedence over an incomplete standard one.
        var best = new List<PatientSeries>();
        foreach (var series in prioritized)
        {
            if (series.Status == SeriesStatus.Complete)
            {
                best.Add(series);
                continue;
            }

            if (series.Series.Type == SeriesType.EvaluationOnly)
            {
                continue;
            }

            bool equivalentComplete = false, equivalentRisk = false;
            foreach (var other in prioritized)
            {
                if (other != series && Contains(series.Series.EquivalentSeriesGroups, other.Series.SeriesGroup))
                {
                    equivalentComplete |= other.Status == SeriesStatus.Complete;
                    equivalentRisk |= other.Series.Type == SeriesType.Risk;
                }
            }

            if (equivalentComplete || (series.Series.Type == SeriesType.Standard && equivalentRisk))
            {
                continue;
            }

            best.Add(series);
        }

        return best;
    }

    // Whether a series before index has the series group of the one at index.
    private static bool SeenBefore(List<PatientSeries> relevant, int index)
    {
        var group = relevant[index].Series.SeriesGroup;
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(relevant[i].Series.SeriesGroup, group, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static PatientSeries? Prioritize(List<PatientSeries> group, CdsiPatient patient, LocalDate assessmentDate)
    {
        if (group.Count == 1)
        {
            var only = group[0];
            if (IsScorable(only, only.ValidCount == 0, only.Series.IsDefault))
            {
                return only;
            }

            return only.Series.IsDefault && StartAgeReached(only, patient, assessmentDate) ? only : null;
        }

        // The lists below are made only when a step needs more than a count and a first member (most calls return early).
        var contraindicated = 0;
        foreach (var series in group)
        {
            contraindicated += series.Status == SeriesStatus.Contraindicated ? 1 : 0;
        }

        var candidates = group;
        if (contraindicated > 0 && contraindicated < group.Count)
        {
            candidates = new List<PatientSeries>(group.Count - contraindicated);
            foreach (var series in group)
            {
                if (series.Status != SeriesStatus.Contraindicated)
                {
                    candidates.Add(series);
                }
            }
        }

        var highest = char.MaxValue;
        foreach (var series in candidates)
        {
            highest = series.Series.Priority < highest ? series.Series.Priority : highest;
        }

        PatientSeries? onlyDefault = null;
        var defaultCount = 0;
        var noValidDoses = true;
        foreach (var series in group)
        {
            if (series.Series.IsDefault)
            {
                onlyDefault = series;
                defaultCount++;
            }

            noValidDoses &= series.ValidCount == 0;
        }

        // A candidate of the highest priority that chapter 8 lets be scored (a local function: no allocation).
        bool InScoring(PatientSeries series) => series.Series.Priority == highest && IsScorable(series, noValidDoses, defaultCount > 0);

        // Whether each candidate is scorable, as bits (a group has a handful of series), else recomputed.
        var scorableBits = 0UL;
        var scorableCount = 0;
        PatientSeries? firstScorable = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var series = candidates[i];
            if (InScoring(series))
            {
                scorableBits |= i < 64 ? 1UL << i : 0;
                firstScorable ??= series;
                scorableCount++;
            }
        }

        if (scorableCount == 0)
        {
            return defaultCount == 1 && StartAgeReached(onlyDefault!, patient, assessmentDate) ? onlyDefault : null;
        }

        if (scorableCount == 1)
        {
            return firstScorable;
        }

        var scorable = new List<PatientSeries>(scorableCount);
        for (var i = 0; i < candidates.Count; i++)
        {
            var series = candidates[i];
            if (i < 64 ? (scorableBits & (1UL << i)) != 0 : InScoring(series))
            {
                scorable.Add(series);
            }
        }

        int completeCount = 0, inProcessCount = 0;
        PatientSeries? firstComplete = null, firstInProcess = null;
        PatientSeries? scorableDefault = null;
        var scorableDefaults = 0;
        foreach (var series in scorable)
        {
            if (series.Status == SeriesStatus.Complete)
            {
                firstComplete ??= series;
                completeCount++;
            }
            else if (series.ValidCount > 0)
            {
                firstInProcess ??= series;
                inProcessCount++;
            }

            if (series.Series.IsDefault)
            {
                scorableDefault = series;
                scorableDefaults++;
            }
        }

        if (completeCount == 1)
        {
            return firstComplete;
        }

        if (completeCount == 0 && inProcessCount == 1)
        {
            return firstInProcess;
        }

        if (completeCount == 0 && inProcessCount == 0 && scorableDefaults == 1)
        {
            return scorableDefault;
        }

        // Scoring (8.4-8.6) runs only when several series of a group are still tied: rare, so written for clarity.
        List<PatientSeries> scored;
        if (completeCount >= 2)
        {
            scored = scorable.FindAll(static series => series.Status == SeriesStatus.Complete);
        }
        else if (inProcessCount >= 2)
        {
            scored = scorable.FindAll(static series => series.Status != SeriesStatus.Complete && series.ValidCount > 0);
        }
        else
        {
            scored = [];
            foreach (var series in scorable)
            {
                if (series.ValidCount == 0)
                {
                    scored.Add(series);
                }
            }

            if (scored.Count == 0)
            {
                scored = scorable;
            }
        }

        var n = scored.Count;
        Span<int> points = stackalloc int[n];
        Span<bool> holds = stackalloc bool[n];
        if (completeCount >= 2)
        {
            var mostValid = int.MinValue;
            foreach (var series in scored)
            {
                mostValid = Math.Max(mostValid, series.ValidCount);
            }

            for (var i = 0; i < n; i++)
            {
                holds[i] = scored[i].ValidCount == mostValid;
            }

            Award(holds, points, 1, 0, -1);
        }
        else if (inProcessCount >= 2)
        {
            var finish = new LocalDate?[n];
            Span<bool> completable = stackalloc bool[n];
            int mostValid = int.MinValue, fewestLeft = int.MaxValue;
            for (var i = 0; i < n; i++)
            {
                finish[i] = FinishDate(scored[i], patient);
                completable[i] = IsCompletable(scored[i], finish[i], patient);
                mostValid = Math.Max(mostValid, scored[i].ValidCount);
                fewestLeft = Math.Min(fewestLeft, scored[i].NotSatisfiedCount);
            }

            for (var i = 0; i < n; i++)
            {
                holds[i] = scored[i].Series.IsProductPath && scored[i].AllEvaluationsValid;
            }

            Award(holds, points, 2, 2, -2);
            Award(completable, points, 3, 3, -3);
            for (var i = 0; i < n; i++)
            {
                holds[i] = scored[i].ValidCount == mostValid;
            }

            Award(holds, points, 2, 0, -2);
            for (var i = 0; i < n; i++)
            {
                holds[i] = scored[i].NotSatisfiedCount == fewestLeft;
            }

            Award(holds, points, 2, 0, -2);

            // The completable series that can finish first (ties all count).
            LocalDate? soonest = null;
            for (var i = 0; i < n; i++)
            {
                if (completable[i] && finish[i] is { } f && (soonest is null || f < soonest))
                {
                    soonest = f;
                }
            }

            for (var i = 0; i < n; i++)
            {
                holds[i] = completable[i] && finish[i] is { } f && f <= soonest;
            }

            Award(holds, points, 1, 0, -1);
        }
        else
        {
            // The series that can start first, if only one can.
            LocalDate? first = null;
            var firstCount = 0;
            foreach (var series in scored)
            {
                if (series.Earliest is not { } e)
                {
                    continue;
                }

                if (first is null || e < first)
                {
                    first = e;
                    firstCount = 1;
                }
                else if (e == first)
                {
                    firstCount++;
                }
            }

            for (var i = 0; i < n; i++)
            {
                holds[i] = scored[i].Earliest is { } e && e == first && firstCount == 1;
            }

            Award(holds, points, 1, 0, -1);
            for (var i = 0; i < n; i++)
            {
                // An aged-out or not-recommended series is not completable whatever its finish date (not computed).
                holds[i] = scored[i].Status is not (SeriesStatus.AgedOut or SeriesStatus.NotRecommended)
                    && IsCompletable(scored[i], FinishDate(scored[i], patient), patient);
            }

            Award(holds, points, 1, 1, -1);
            for (var i = 0; i < n; i++)
            {
                holds[i] = scored[i].Series.IsProductPath;
            }

            Award(holds, points, -1, -1, 1);
        }

        // The highest score wins; ties go to the lowest preference, then to the first in order.
        PatientSeries? best = null;
        var bestScore = int.MinValue;
        for (var i = 0; i < n; i++)
        {
            if (points[i] > bestScore || (points[i] == bestScore && scored[i].Series.Preference < best!.Series.Preference))
            {
                best = scored[i];
                bestScore = points[i];
            }
        }

        return best;
    }

    private static void Award(ReadOnlySpan<bool> holds, Span<int> points, int one, int several, int none)
    {
        var count = 0;
        foreach (var h in holds)
        {
            count += h ? 1 : 0;
        }

        for (var i = 0; i < holds.Length; i++)
        {
            points[i] += holds[i] ? (count == 1 ? one : several) : none;
        }
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (v == value)
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartAgeReached(PatientSeries series, CdsiPatient patient, LocalDate assessmentDate) =>
        series.Series.MinAgeToStart is not { } min || assessmentDate >= CdsiCalendar.Add(patient.DateOfBirth, min);

    /// <summary>
    /// SELECTSCORE-2: a risk series of the highest priority; a standard series whose first valid dose came before its
    /// maximum age to start; a standard series when no series of the group has a valid dose and none is the default;
    /// an evaluation-only series that is complete.
    /// </summary>
    private static bool IsScorable(PatientSeries series, bool noValidDoses, bool groupHasDefault)
    {
        var definition = series.Series;
        switch (definition.Type)
        {
            case SeriesType.EvaluationOnly:
                return series.Status == SeriesStatus.Complete;
            case SeriesType.Risk:
                return true;
            default:
                if (series.FirstValidDate is { } first)
                {
                    return definition.MaxAgeToStart is not { } max || first < CdsiCalendar.Add(series.DateOfBirth, max);
                }

                return noValidDoses && !groupHasDefault;
        }
    }

    /// <summary>SELECTB-12: the earliest date plus the minimum intervals of the remaining target doses.</summary>
    private static LocalDate? FinishDate(PatientSeries series, CdsiPatient patient)
    {
        if (series.Earliest is not { } date)
        {
            return null;
        }

        for (var i = series.NextTarget + 1; i < series.Targets.Count; i++)
        {
            var definition = series.Targets[i].Definition;

            // The date the longest minimum interval gives (the first of equal ones), each date computed once.
            LocalDate? longest = null;
            for (var intervalIndex = 0; intervalIndex < definition.PreferableIntervalsArray.Length; intervalIndex++)
            {
                var interval = definition.PreferableIntervalsArray[intervalIndex];
                if (interval.Minimum is { } m && CdsiCalendar.Add(date, m) is var after && (longest is null || after > longest.Value))
                {
                    longest = after;
                }
            }

            if (longest is { } l)
            {
                date = l;
            }

            var minAge = definition.AgesArray.Length > 0 ? definition.AgesArray[0].Minimum : null;
            if (minAge is { } a && CdsiCalendar.Add(patient.DateOfBirth, a) is var byAge && byAge > date)
            {
                date = byAge;
            }
        }

        return date;
    }

    private static bool IsCompletable(PatientSeries series, LocalDate? finish, CdsiPatient patient)
    {
        if (series.Status is SeriesStatus.AgedOut or SeriesStatus.NotRecommended || finish is not { } f)
        {
            return series.Status == SeriesStatus.Complete;
        }

        var last = series.Targets[^1].Definition;
        var maxAge = last.AgesArray.Length > 0 ? last.AgesArray[0].Maximum : null;
        return maxAge is not { } max || f < CdsiCalendar.Add(patient.DateOfBirth, max);
    }
}
