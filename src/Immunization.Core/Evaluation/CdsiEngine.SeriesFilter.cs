using Immunization.Core.Identity;
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
    internal SeriesSession StartSeries(CdsiPatient patient, ReadOnlySpan<AdministeredDose> doses, LocalDate assessmentDate, string antigenName) =>
        StartSeries(patient, doses, assessmentDate, antigenName, reuse: null);

    /// <summary>
    /// <see cref="StartSeries(CdsiPatient, ReadOnlySpan{AdministeredDose}, LocalDate, string)"/>, restarting
    /// <paramref name="reuse"/> (a reusable session this engine made, <see cref="NewReusableSession"/>) when given: its
    /// history, evaluator and run objects are those of the earlier patient, so nothing read from that session before may
    /// be read after this call (one session per thread, one patient at a time).
    /// </summary>
    internal SeriesSession StartSeries(CdsiPatient patient, ReadOnlySpan<AdministeredDose> doses, LocalDate assessmentDate, string antigenName, SeriesSession? reuse)
    {
        // A reused session's last antigen is usually the one asked for again (no case-insensitive hash per patient).
        var antigen = reuse?.LastAntigen is { } last && string.Equals(last.Name, antigenName, StringComparison.Ordinal) ? last : _data.AntigensByName[antigenName];
        List<HistoryDose> history;
        SeriesEvaluator evaluator;
        if (reuse is not null)
        {
            if (!ReferenceEquals(reuse.Engine, this))
            {
                throw new ArgumentException("The session to reuse is of another engine.", nameof(reuse));
            }

            history = OrganizeSortedHistory(doses, assessmentDate, _data, reuse.History, reuse.SpareDoses);
            evaluator = reuse.Evaluator;
            evaluator.Restart(patient, history, assessmentDate);
        }
        else
        {
            history = OrganizeSortedHistory(doses, assessmentDate, _data);
            evaluator = new SeriesEvaluator(_data, patient, history, assessmentDate);
        }

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

        if (reuse is not null)
        {
            reuse.Restart(antigen, relevant, asBits ? mask : null);
            return reuse;
        }

        return new SeriesSession(this, antigen, history, relevant, asBits ? mask : null, evaluator, reusable: false);
    }

    /// <summary>
    /// An empty session to pass to <see cref="StartSeries(CdsiPatient, ReadOnlySpan{AdministeredDose}, LocalDate, string, SeriesSession)"/>
    /// again and again (one per thread): it keeps its history list, dose objects, evaluator and one run object per series
    /// position (<see cref="SeriesSession.EvaluateDoses(AntigenSeries, int)"/>) from one patient to the next.
    /// </summary>
    internal SeriesSession NewReusableSession() =>
        new(this, null, [], null, 0, new SeriesEvaluator(_data, s_nobody, [], s_nobody.DateOfBirth), reusable: true);

    // The patient of a reusable session not yet started (never evaluated).
    private static readonly CdsiPatient s_nobody = new(new LocalDate(1900, 1, 1), Sex.Unknown);

    /// <summary>One patient, history and date: the relevant series (in the schedule's order) and a way to run any of them.</summary>
    internal sealed class SeriesSession
    {
        private readonly bool _reusable;
        private List<AntigenSeries>? _relevant;
        private Antigen? _antigen;
        private PatientSeries?[] _runs = [];
        private ulong _runsMade; // positions whose run object this patient already uses (a second run of one gets a new object)

        internal SeriesSession(CdsiEngine engine, Antigen? antigen, List<HistoryDose> history, List<AntigenSeries>? relevant, ulong? relevantMask, SeriesEvaluator evaluator, bool reusable)
        {
            Engine = engine;
            _antigen = antigen;
            History = history;
            _relevant = relevant;
            RelevantMask = relevantMask;
            Evaluator = evaluator;
            _reusable = reusable;
            SpareDoses = reusable ? [] : null;
        }

        public Antigen Antigen => _antigen ?? throw new InvalidOperationException("The session has not been started.");

        internal Antigen? LastAntigen => _antigen;

        public List<HistoryDose> History { get; }

        /// <summary>The relevant series, in the antigen's order (built from <see cref="RelevantMask"/> on first use).</summary>
        public List<AntigenSeries> Relevant => _relevant ??= FromMask(Antigen, RelevantMask!.Value);

        /// <summary>The relevant series as bits of their positions in the antigen's series (when it has at most 64).</summary>
        public ulong? RelevantMask { get; private set; }

        internal CdsiEngine Engine { get; }

        internal SeriesEvaluator Evaluator { get; }

        /// <summary>Every dose object this (reusable) session has made, in order: the history's, reused for the next patient.</summary>
        internal List<HistoryDose>? SpareDoses { get; }

        public PatientSeries Run(AntigenSeries series) => Evaluator.Run(series, Antigen, History, s_noGroups);

        /// <summary>The doses evaluated against the series, not forecast: a run's status and valid doses, for choosing.</summary>
        public PatientSeries EvaluateDoses(AntigenSeries series) => Evaluator.EvaluateDoses(series, History, s_noGroups);

        /// <summary>
        /// <see cref="EvaluateDoses(AntigenSeries)"/> of the series at <paramref name="position"/> in the antigen's series;
        /// a reusable session evaluates into the run object it keeps for that position (valid until it is restarted).
        /// </summary>
        public PatientSeries EvaluateDoses(AntigenSeries series, int position)
        {
            if (!_reusable || (uint)position >= 64 || (_runsMade & (1UL << position)) != 0)
            {
                return EvaluateDoses(series);
            }

            if (position >= _runs.Length)
            {
                Array.Resize(ref _runs, Math.Max(position + 1, Antigen.Series.Count));
            }

            _runsMade |= 1UL << position;
            return _runs[position] is { } reused
                ? Evaluator.EvaluateDosesInto(reused, series, History, s_noGroups)
                : _runs[position] = Evaluator.EvaluateDoses(series, History, s_noGroups);
        }

        /// <summary>Forecasts a run <see cref="EvaluateDoses(AntigenSeries)"/> made: it is then the run <see cref="Run"/> gives.</summary>
        public void Forecast(PatientSeries run) => Evaluator.FinishForecast(run, Antigen, s_noGroups);

        /// <summary>For the next patient of a reusable session (history and evaluator already restarted).</summary>
        internal void Restart(Antigen antigen, List<AntigenSeries>? relevant, ulong? relevantMask)
        {
            _antigen = antigen;
            _relevant = relevant;
            RelevantMask = relevantMask;
            _runsMade = 0;
        }

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
