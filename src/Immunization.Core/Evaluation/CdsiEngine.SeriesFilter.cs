using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <content>
/// Evaluating only some series of an antigen: for callers (Viet Nam's COVID-19 evaluator) that pick the series by their
/// own rule and can tell, from the history, which series cannot win. Each series' run depends only on the patient, the
/// history and the date, so a run here is the same as the one <see cref="EvaluateEachSeries"/> gives.
/// </content>
public sealed partial class CdsiEngine
{
    /// <summary>Organises the history of one antigen once; the caller then runs the series it wants.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="doses">The doses, already in <see cref="CompareDoses"/> order (not sorted again).</param>
    /// <param name="assessmentDate">The date.</param>
    /// <param name="antigenName">The antigen.</param>
    internal SeriesSession StartSeries(CdsiPatient patient, ReadOnlySpan<AdministeredDose> doses, LocalDate assessmentDate, string antigenName)
    {
        var antigen = _data.AntigensByName[antigenName];
        var history = OrganizeSortedHistory(doses, assessmentDate, _data);
        var evaluator = new SeriesEvaluator(_data, patient, history, assessmentDate);
        // The relevant series as bits when they fit (their list only when a caller asks for it), else as a list.
        var asBits = antigen.Series.Count <= 64;
        var relevant = asBits ? null : new List<AntigenSeries>(antigen.Series.Count);
        var mask = 0UL;
        for (var seriesIndex = 0; seriesIndex < antigen.Series.Count; seriesIndex++)
        {
            if (!evaluator.IsRelevant(antigen, seriesIndex))
            {
                continue;
            }

            if (asBits)
            {
                mask |= 1UL << seriesIndex;
            }
            else
            {
                relevant!.Add(antigen.Series[seriesIndex]);
            }
        }

        return new SeriesSession(antigen, history, relevant, asBits ? mask : null, evaluator);
    }

    /// <summary>One patient, history and date: the relevant series (in the schedule's order) and a way to run any of them.</summary>
    internal sealed class SeriesSession(Antigen antigen, List<HistoryDose> history, List<AntigenSeries>? relevant, ulong? relevantMask, SeriesEvaluator evaluator)
    {
        private List<AntigenSeries>? _relevant = relevant;

        public Antigen Antigen { get; } = antigen;

        public List<HistoryDose> History { get; } = history;

        /// <summary>The relevant series, in the antigen's order (built from <see cref="RelevantMask"/> on first use).</summary>
        public List<AntigenSeries> Relevant => _relevant ??= FromMask(Antigen, RelevantMask!.Value);

        /// <summary>The relevant series as bits of their positions in the antigen's series (when it has at most 64).</summary>
        public ulong? RelevantMask { get; } = relevantMask;

        public PatientSeries Run(AntigenSeries series) => evaluator.Run(series, Antigen, History, s_noGroups);

        /// <summary>The doses evaluated against the series, not forecast: a run's status and valid doses, for choosing.</summary>
        public PatientSeries EvaluateDoses(AntigenSeries series) => evaluator.EvaluateDoses(series, History, s_noGroups);

        /// <summary>Forecasts a run <see cref="EvaluateDoses"/> made: it is then the run <see cref="Run"/> gives.</summary>
        public void Forecast(PatientSeries run) => evaluator.FinishForecast(run, Antigen, s_noGroups);

        private static List<AntigenSeries> FromMask(Antigen antigen, ulong mask)
        {
            var list = new List<AntigenSeries>(System.Numerics.BitOperations.PopCount(mask));
            for (var bits = mask; bits != 0; bits &= bits - 1)
            {
                list.Add(antigen.Series[System.Numerics.BitOperations.TrailingZeroCount(bits)]);
            }

            return list;
        }
    }
}
