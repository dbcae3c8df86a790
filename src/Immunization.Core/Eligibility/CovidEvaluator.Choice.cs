using Immunization.Core.Evaluation;
using NodaTime;

namespace Immunization.Core.Eligibility;

/// <content>The series chosen among runs offered one at a time (<see cref="Choice"/>).</content>
public sealed partial class CovidEvaluator
{
    /// <summary>
    /// The best run offered so far by <see cref="ChoiceKey"/>; of runs with equal keys, the one first in the schedule (the
    /// lowest position), whatever the order they are offered in. A run's key is worked out only once a second run is
    /// offered (one run: no key at all).
    /// </summary>
    private struct Choice(CovidEvaluator evaluator, LocalDate birth, LocalDate startDate, LocalDate asOf)
    {
        private PatientSeries? _best;
        private int _position;
        private (int, VaccinationStatus, int, int, int, int, int) _key;
        private bool _keyKnown;

        public readonly LocalDate Birth => birth;

        public readonly PatientSeries Best => _best ?? throw new InvalidOperationException("Viet Nam's COVID-19 schedule has no standard series."); // the schedule always has them

        public void Offer(PatientSeries run, int position)
        {
            if (_best is null)
            {
                (_best, _position, _keyKnown) = (run, position, false);
                return;
            }

            if (!_keyKnown)
            {
                _key = evaluator.ChoiceKey(_best, birth, startDate, asOf);
                _keyKnown = true;
            }

            var key = evaluator.ChoiceKey(run, birth, startDate, asOf);
            var order = key.CompareTo(_key);
            if (order > 0 || (order == 0 && position < _position))
            {
                (_best, _position, _key) = (run, position, key);
            }
        }
    }
}
