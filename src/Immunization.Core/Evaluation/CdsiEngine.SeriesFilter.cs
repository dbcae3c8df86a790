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
    internal SeriesSession StartSeries(CdsiPatient patient, IEnumerable<AdministeredDose> doses, LocalDate assessmentDate, string antigenName)
    {
        var antigen = _data.AntigensByName[antigenName];
        var history = OrganizeHistory(doses, assessmentDate, _data, out _);
        var relevant = new List<AntigenSeries>(antigen.Series.Count);
        foreach (var series in antigen.Series)
        {
            if (IsRelevant(antigen, series, patient, assessmentDate))
            {
                relevant.Add(series);
            }
        }

        return new SeriesSession(antigen, history, relevant, new SeriesEvaluator(_data, patient, history, assessmentDate));
    }

    /// <summary>One patient, history and date: the relevant series (in the schedule's order) and a way to run any of them.</summary>
    internal sealed class SeriesSession(Antigen antigen, List<HistoryDose> history, List<AntigenSeries> relevant, SeriesEvaluator evaluator)
    {
        public List<HistoryDose> History { get; } = history;

        public List<AntigenSeries> Relevant { get; } = relevant;

        public PatientSeries Run(AntigenSeries series) => evaluator.Run(series, antigen, History, s_noGroups);
    }
}
