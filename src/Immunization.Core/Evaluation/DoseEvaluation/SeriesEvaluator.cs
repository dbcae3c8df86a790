using Immunization.Core.Schedules;
using NodaTime;
using Immunization.Core.Vaccines;

namespace Immunization.Core.Evaluation;

/// <summary>
/// Evaluates the doses of one antigen against one antigen series (logic specification chapter 6) and forecasts the
/// next target dose (chapter 7).
/// </summary>
internal sealed partial class SeriesEvaluator
{
    private static readonly LocalDate s_minDate = new(1900, 1, 1);
    private static readonly LocalDate s_maxDate = new(2999, 12, 31);

    private readonly CdsiSupportingData _data;
    private CdsiPatient _patient; // these three: set again by Restart (SeriesEvaluator.Reuse.cs)
    private List<HistoryDose> _history; // a List: foreach uses its struct enumerator (no allocation per loop)
    private LocalDate _assessmentDate;

    public SeriesEvaluator(CdsiSupportingData data, CdsiPatient patient, List<HistoryDose> history, LocalDate assessmentDate)
    {
        _data = data;
        _patient = patient;
        _history = history;
        _assessmentDate = assessmentDate;
    }

    private LocalDate Dob => _patient.DateOfBirth;

    // The dates the patient reaches the ages asked about, remembered for the evaluator's one patient in a small
    // direct-mapped table (a slot per hash of the age, the newest age of a slot kept): a full assessment asks about a few
    // dozen distinct ages (18 years, its absolute minimum, the indications' and contraindications' begin and end ages...),
    // each many times, and most of them stay in the table.
    private AgeSlots _ages;
    private LocalDates _ageDates;
    private uint _agesKnown; // bit i: slot i holds an age

    private LocalDate AgeDate(CdsiDuration? age, LocalDate ifEmpty) => age is { } a ? AgeDate(a) : ifEmpty;

    private LocalDate AgeDate(CdsiDuration age)
    {
        var slot = (int)(((uint)age.Years * 0x9E3779B1u) ^ ((uint)age.Months * 0x85EBCA77u) ^ ((uint)age.Days * 0xC2B2AE3Du)) >>> (32 - AgeSlots.Bits);
        if ((_agesKnown & (1u << slot)) != 0 && _ages[slot] == age)
        {
            return _ageDates[slot];
        }

        var date = CdsiCalendar.Add(Dob, age);
        _ages[slot] = age;
        _ageDates[slot] = date;
        _agesKnown |= 1u << slot;
        return date;
    }

    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct AgeSlots
    {
        public const int Bits = 4;
        public const int Length = 1 << Bits;
        private CdsiDuration _first;
    }

    [System.Runtime.CompilerServices.InlineArray(AgeSlots.Length)]
    private struct LocalDates
    {
        private LocalDate _first;
    }

    /// <summary>Evaluates then forecasts the series. <paramref name="completeSeriesGroups"/> feeds "Completed Series" skip conditions.</summary>
    public PatientSeries Run(AntigenSeries series, Antigen antigen, List<HistoryDose> antigenDoses, IReadOnlySet<string> completeSeriesGroups)
    {
        var run = EvaluateDoses(series, antigenDoses, completeSeriesGroups);
        Forecast(run, antigen, completeSeriesGroups);
        return run;
    }

    /// <summary>
    /// The first half of <see cref="Run"/>: the doses evaluated, not yet forecast (<see cref="FinishForecast"/> does it),
    /// for callers that choose among runs by their evaluations and forecast only the one chosen.
    /// </summary>
    public PatientSeries EvaluateDoses(AntigenSeries series, List<HistoryDose> antigenDoses, IReadOnlySet<string> completeSeriesGroups)
    {
        var run = new PatientSeries(series, Dob, antigenDoses.Count);
        var doses = series.DosesArray;
        for (var doseIndex = 0; doseIndex < doses.Length; doseIndex++)
        {
            var dose = doses[doseIndex];
            run.Targets.Add(new TargetDose(dose));
        }

        for (var i = 0; i < antigenDoses.Count; i++)
        {
            EvaluateDose(run, antigenDoses[i], completeSeriesGroups);
        }

        return run;
    }

    /// <summary>The second half of <see cref="Run"/>: forecasts a run <see cref="EvaluateDoses"/> made (once).</summary>
    public void FinishForecast(PatientSeries run, Antigen antigen, IReadOnlySet<string> completeSeriesGroups) => Forecast(run, antigen, completeSeriesGroups);

    private void EvaluateDose(PatientSeries run, HistoryDose dose, IReadOnlySet<string> completeSeriesGroups)
    {
        while (true)
        {
            if (run.NextTarget >= run.Targets.Count)
            {
                run.Evaluations.Add(new SeriesEvaluation(dose, DoseStatus.Extraneous, DoseStatusReason.SeriesAlreadyComplete, null, false, ReasonSet.Of(DoseStatusReason.SeriesAlreadyComplete)));
                return;
            }

            ref var target = ref run.Targets[run.NextTarget];
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

            if (Contains(definition.InadvertentCvxArray, dose.Cvx))
            {
                run.Evaluations.Add(new SeriesEvaluation(dose, DoseStatus.NotValid, DoseStatusReason.InadvertentVaccine, number, true, ReasonSet.Of(DoseStatusReason.InadvertentVaccine)));
                return;
            }

            var (status, reason, all) = Evaluate(run, definition, dose);
            run.Evaluations.Add(new SeriesEvaluation(dose, status, reason, number, false, all));
            if (status == DoseStatus.Valid)
            {
                run.Satisfy(run.NextTarget, dose);
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

        if (!IntervalsSatisfied(run, definition.PreferableIntervalsArray, dose, ref grace)
            && (definition.AllowableIntervalsArray.Length == 0 || !IntervalsSatisfied(run, definition.AllowableIntervalsArray, dose, ref grace)))
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
        for (var ageIndex = 0; ageIndex < definition.AgesArray.Length; ageIndex++)
        {
            var age = definition.AgesArray[ageIndex];
            if (age.Period.Contains(date))
            {
                return age;
            }
        }

        return null;
    }

    private bool IntervalsSatisfied(PatientSeries run, IntervalRule[] intervals, HistoryDose dose, ref bool grace)
    {
        for (var intervalIndex = 0; intervalIndex < intervals.Length; intervalIndex++)
        {
            var interval = intervals[intervalIndex];
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

            if (!grace && interval.Minimum is { } minimum && dose.Date < CdsiCalendar.Add(from, minimum))
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

        if (interval.FromMostRecentArray.Length > 0)
        {
            LocalDate? latest = null;
            foreach (var earlier in _history)
            {
                if (dose is not null && earlier.Date >= dose.Date)
                {
                    break;
                }

                if (earlier.Date <= _assessmentDate && Contains(interval.FromMostRecentArray, earlier.Cvx))
                {
                    latest = earlier.Date;
                }
            }

            return latest;
        }

        if (interval.FromObservation is { } code)
        {
            LocalDate? latest = null;
            var observations = _patient.ObservationArray;
            for (var observationIndex = 0; observationIndex < observations.Length; observationIndex++)
            {
                var observation = observations[observationIndex];
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
                if (conflict.PreviousCvx.Value != earlier.Cvx)
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
        for (var vaccineIndex = 0; vaccineIndex < definition.PreferableVaccinesArray.Length; vaccineIndex++)
        {
            var vaccine = definition.PreferableVaccinesArray[vaccineIndex];
            if (vaccine.Cvx.Value == dose.Cvx && vaccine.Period.Contains(dose.Date)
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
        for (var vaccineIndex = 0; vaccineIndex < definition.AllowableVaccinesArray.Length; vaccineIndex++)
        {
            var vaccine = definition.AllowableVaccinesArray[vaccineIndex];
            if (vaccine.Cvx.Value == dose.Cvx && vaccine.Period.Contains(dose.Date)
                && dose.Date >= AgeDate(vaccine.BeginAge, s_minDate) && dose.Date < AgeDate(vaccine.EndAge, s_maxDate))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool Contains(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool Contains(string[] list, string value)
    {
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] == value)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool Contains(VaccineCode[] list, string value)
    {
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i].Value == value)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool Contains(IReadOnlyList<VaccineCode> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Value == value)
            {
                return true;
            }
        }

        return false;
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
