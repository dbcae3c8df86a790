using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>A relevant patient series: the evaluation and forecast of one antigen series for one patient.</summary>
internal sealed class PatientSeries(AntigenSeries series, LocalDate dateOfBirth, int doseCount)
{
    public LocalDate DateOfBirth { get; private set; } = dateOfBirth;

    public AntigenSeries Series { get; private set; } = series;

    /// <summary>The target doses (a mutable struct: use it through this field, never a copy).</summary>
    public TargetList Targets = new(series.DosesArray.Length + 1);

    /// <summary>One evaluation per dose of the antigen's history (sized for them: no growth).</summary>
    public List<SeriesEvaluation> Evaluations { get; } = new(doseCount);

    public int NextTarget { get; set; }

    public SeriesStatus Status { get; set; }

    public int? ForecastDoseNumber { get; set; }

    public LocalDate? Earliest { get; set; }

    public LocalDate? Recommended { get; set; }

    public LocalDate? PastDue { get; set; }

    public LocalDate? Latest { get; set; }

    /// <summary>FORECASTRECVAC-1: CVX codes of the preferable vaccines to use for the forecast dose.</summary>
    public string[] RecommendedCvx { get; set; } = [];

    /// <summary>7.3: the CVX codes that a vaccine contraindication rules out for the patient at the assessment date.</summary>
    public string[] ContraindicatedCvx { get; set; } = [];

    /// <summary>The target dose forecast includes preferable intervals that all carry the priority ("override") flag.</summary>
    public bool IsPriorityForecast { get; set; }

    /// <summary>The target doses satisfied (counted as the evaluation satisfies them: a satisfied target stays so).</summary>
    public int ValidCount { get; private set; }

    /// <summary>
    /// Makes this run what <c>new PatientSeries(series, dateOfBirth, doseCount)</c> makes, keeping its arrays: for a
    /// reused <see cref="CdsiEngine.SeriesSession"/> (one run object per series position, per thread). Every field is set
    /// here; a test compares a reset run with a new one field by field, so a field added above must be added here too.
    /// </summary>
    public void Reset(AntigenSeries series, LocalDate dateOfBirth, int doseCount)
    {
        DateOfBirth = dateOfBirth;
        Series = series;
        Targets.Clear(series.Doses.Count + 1);
        Evaluations.Clear();
        Evaluations.EnsureCapacity(doseCount);
        NextTarget = 0;
        Status = default;
        ForecastDoseNumber = null;
        Earliest = Recommended = PastDue = Latest = null;
        RecommendedCvx = [];
        ContraindicatedCvx = [];
        IsPriorityForecast = false;
        ValidCount = 0;
    }

    /// <summary>Marks the target dose at <paramref name="index"/> satisfied by <paramref name="dose"/>.</summary>
    public void Satisfy(int index, HistoryDose dose)
    {
        ref var target = ref Targets[index];
        target.Status = TargetStatus.Satisfied;
        target.SatisfiedBy = dose;
        ValidCount++;
    }

    public int NotSatisfiedCount
    {
        get
        {
            var count = 0;
            foreach (var target in Targets)
            {
                if (target.Status == TargetStatus.NotSatisfied)
                {
                    count++;
                }
            }

            return count;
        }
    }

    public bool AllEvaluationsValid
    {
        get
        {
            foreach (var evaluation in Evaluations)
            {
                if (evaluation.TargetNumber is not null && evaluation.Status != DoseStatus.Valid)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public LocalDate? FirstValidDate
    {
        get
        {
            foreach (var evaluation in Evaluations)
            {
                if (evaluation.Status == DoseStatus.Valid)
                {
                    return evaluation.Dose.Date;
                }
            }

            return null;
        }
    }
}
