using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>One administered dose after organising the history: normalised CVX, position in date order.</summary>
internal sealed class HistoryDose(int order, AdministeredDose dose, string cvx)
{
    public int Order { get; } = order;

    public AdministeredDose Dose { get; } = dose;

    public string Cvx { get; } = cvx;

    public LocalDate Date => Dose.DateAdministered;
}

internal enum TargetStatus : byte
{
    NotSatisfied,
    Satisfied,
    Skipped,
}

internal sealed class TargetDose(SeriesDose definition)
{
    public SeriesDose Definition { get; } = definition;

    public TargetStatus Status { get; set; }

    public HistoryDose? SatisfiedBy { get; set; }
}

internal readonly record struct SeriesEvaluation(HistoryDose Dose, DoseStatus Status, DoseStatusReason Reason, int? TargetNumber, bool Inadvertent, ReasonSet Reasons);

/// <summary>A small set of reasons (a bit per <see cref="DoseStatusReason"/>), in the enum's order.</summary>
internal readonly record struct ReasonSet(uint Bits)
{
    public bool IsEmpty => Bits == 0;

    public DoseStatusReason First => (DoseStatusReason)System.Numerics.BitOperations.TrailingZeroCount(Bits);

    public static ReasonSet Of(DoseStatusReason reason) => reason == DoseStatusReason.None ? default : new(1u << (int)reason);

    public ReasonSet With(DoseStatusReason reason) => new(Bits | (1u << (int)reason));

    public DoseStatusReason[] ToArray()
    {
        var result = new DoseStatusReason[System.Numerics.BitOperations.PopCount(Bits)];
        var i = 0;
        for (var bits = Bits; bits != 0; bits &= bits - 1)
        {
            result[i++] = (DoseStatusReason)System.Numerics.BitOperations.TrailingZeroCount(bits);
        }

        return result;
    }
}

/// <summary>A relevant patient series: the evaluation and forecast of one antigen series for one patient.</summary>
internal sealed class PatientSeries(AntigenSeries series, LocalDate dateOfBirth)
{
    public LocalDate DateOfBirth { get; } = dateOfBirth;

    public AntigenSeries Series { get; } = series;

    public List<TargetDose> Targets { get; } = new(series.Doses.Count + 1);

    public List<SeriesEvaluation> Evaluations { get; } = [];

    public int NextTarget { get; set; }

    public SeriesStatus Status { get; set; }

    public int? ForecastDoseNumber { get; set; }

    public LocalDate? Earliest { get; set; }

    public LocalDate? Recommended { get; set; }

    public LocalDate? PastDue { get; set; }

    public LocalDate? Latest { get; set; }

    /// <summary>FORECASTRECVAC-1: CVX codes of the preferable vaccines to use for the forecast dose.</summary>
    public IReadOnlyList<string> RecommendedCvx { get; set; } = [];

    /// <summary>The target dose forecast includes preferable intervals that all carry the priority ("override") flag.</summary>
    public bool IsPriorityForecast { get; set; }

    public int ValidCount
    {
        get
        {
            var count = 0;
            foreach (var target in Targets)
            {
                if (target.Status == TargetStatus.Satisfied)
                {
                    count++;
                }
            }

            return count;
        }
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
