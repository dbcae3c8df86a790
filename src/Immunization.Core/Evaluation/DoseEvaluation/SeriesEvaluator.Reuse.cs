using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

// One evaluator and its runs used again from patient to patient (a reusable CdsiEngine.SeriesSession, one per thread in
// Viet Nam's COVID-19 evaluator): set again instead of made.
internal sealed partial class SeriesEvaluator
{
    /// <summary>
    /// Makes this evaluator what <c>new SeriesEvaluator(data, patient, history, assessmentDate)</c> makes with the same
    /// supporting data: for a reused <see cref="CdsiEngine.SeriesSession"/> (per thread, one patient after another).
    /// Every per-patient field of every part of the class is set here; a test (SeriesSessionReuseTests) compares a
    /// restarted evaluator with a new one field by field, so a field added to any part must be added here too.
    /// </summary>
    public void Restart(CdsiPatient patient, List<HistoryDose> history, LocalDate assessmentDate)
    {
        _patient = patient;
        _history = history;
        _assessmentDate = assessmentDate;
        _ages = default;
        _ageDates = default;
        _agesKnown = 0;
        _factsAntigen = null;
        _observationNumbers = null;
        _observationIds = [];
        _observationCount = 0;
        _indicatedSeries = 0;
        _observedAntigens = 0;
        _immune = false;
        _groupContraindicated = false;
        _contraindicatedCvx = [];
    }

    /// <summary>
    /// <see cref="EvaluateDoses"/> into a run object kept from an earlier patient (a reused session), reset for
    /// <paramref name="series"/> first: the same run, without a new object.
    /// </summary>
    public PatientSeries EvaluateDosesInto(PatientSeries reused, AntigenSeries series, List<HistoryDose> antigenDoses, IReadOnlySet<string> completeSeriesGroups)
    {
        reused.Reset(series, Dob, antigenDoses.Count);
        var doses = series.DosesArray;
        for (var doseIndex = 0; doseIndex < doses.Length; doseIndex++)
        {
            reused.Targets.Add(new TargetDose(doses[doseIndex]));
        }

        for (var i = 0; i < antigenDoses.Count; i++)
        {
            EvaluateDose(reused, antigenDoses[i], completeSeriesGroups);
        }

        return reused;
    }
}
