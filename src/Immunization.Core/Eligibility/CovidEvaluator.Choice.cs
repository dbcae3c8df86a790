using Immunization.Core.Evaluation;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Eligibility;

/// <content>The series chosen among runs offered one at a time (<see cref="Choice"/>).</content>
public sealed partial class CovidEvaluator
{
    /// <summary>
    /// The best run offered so far by <see cref="RunKey"/> then <see cref="SeriesKey"/>; of runs with equal keys, the one first in the schedule (the
    /// lowest position), whatever the order they are offered in. A run's key is worked out only once a second run is
    /// offered (one run: no key at all).
    /// </summary>
    private struct Choice(CovidEvaluator evaluator, LocalDate birth, LocalDate startDate, LocalDate asOf)
    {
        private PatientSeries? _best;
        private int _position;
        private (int, VaccinationStatus, int, int)? _prefix;
        private (int CanStart, int Soonest, int Preference)? _suffix;

        public readonly LocalDate Birth => birth;

        public readonly PatientSeries Best => _best ?? throw new InvalidOperationException("Viet Nam's COVID-19 schedule has no standard series."); // the schedule always has them

        /// <summary>
        /// Whether a run of <paramref name="series"/> at <paramref name="position"/> that ties the best run on risk,
        /// status and valid doses could still be chosen over it: when the best run's first dose is not valid (this
        /// run's may be), or by the series' part of the order. False means a run whose (status, valid doses) is at most
        /// the best's cannot be chosen.
        /// </summary>
        public bool MayWinTie(AntigenSeries series, int position)
        {
            if (_best is null)
            {
                return true;
            }

            _prefix ??= evaluator.RunKey(_best, asOf);
            if (_prefix.Value.Item4 == 0)
            {
                return true;
            }

            _suffix ??= SeriesKey(_best.Series, birth, startDate);
            var order = SeriesKey(series, birth, startDate).CompareTo(_suffix.Value);
            return order > 0 || (order == 0 && position < _position);
        }

        /// <summary>
        /// Offers a run: it becomes the best when its key is greater, or equal with a lower position. The key is compared
        /// in two parts, the run's own (<see cref="RunKey"/>) then, only when they are equal, the series'
        /// (<see cref="SeriesKey"/>, with dates to work out).
        /// </summary>
        public void Offer(PatientSeries run, int position)
        {
            if (_best is null)
            {
                (_best, _position, _prefix, _suffix) = (run, position, null, null);
                return;
            }

            _prefix ??= evaluator.RunKey(_best, asOf);
            var prefix = evaluator.RunKey(run, asOf);
            var order = prefix.CompareTo(_prefix.Value);
            (int CanStart, int Soonest, int Preference)? suffix = null;
            if (order == 0)
            {
                _suffix ??= SeriesKey(_best.Series, birth, startDate);
                suffix = SeriesKey(run.Series, birth, startDate);
                order = suffix.Value.CompareTo(_suffix.Value);
            }

            if (order > 0 || (order == 0 && position < _position))
            {
                (_best, _position, _prefix, _suffix) = (run, position, prefix, suffix);
            }
        }
    }
}
