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
    internal SeriesSession StartSeries(CdsiPatient patient, List<AdministeredDose> doses, LocalDate assessmentDate, string antigenName)
    {
        var antigen = _data.AntigensByName[antigenName];
        var history = OrganizeSortedHistory(doses, assessmentDate, _data);
        var evaluator = new SeriesEvaluator(_data, patient, history, assessmentDate);
        var relevant = new List<AntigenSeries>(antigen.Series.Count);
        var mask = 0UL;
        for (var seriesIndex = 0; seriesIndex < antigen.Series.Count; seriesIndex++)
        {
            var series = antigen.Series[seriesIndex];
            if (evaluator.IsRelevant(antigen, seriesIndex))
            {
                relevant.Add(series);
                mask |= seriesIndex < 64 ? 1UL << seriesIndex : 0;
            }
        }

        return new SeriesSession(antigen, history, relevant, antigen.Series.Count <= 64 ? mask : null, evaluator);
    }

    /// <summary>One patient, history and date: the relevant series (in the schedule's order) and a way to run any of them.</summary>
    internal sealed class SeriesSession(Antigen antigen, List<HistoryDose> history, List<AntigenSeries> relevant, ulong? relevantMask, SeriesEvaluator evaluator)
    {
        public List<HistoryDose> History { get; } = history;

        public List<AntigenSeries> Relevant { get; } = relevant;

        /// <summary>The relevant series as bits of their positions in the antigen's series (when it has at most 64).</summary>
        public ulong? RelevantMask { get; } = relevantMask;

        public PatientSeries Run(AntigenSeries series) => evaluator.Run(series, antigen, History, s_noGroups);
    }
}
