using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Eligibility;

/// <summary>
/// One person's window of dates within which a series' doses can be valid (<see cref="CovidSeriesFacts.ValidBound(List{Evaluation.HistoryDose}, ReadOnlySpan{ulong}, ulong, ref AgeWindowDates)"/>):
/// from the earliest of the lowest ages to the latest of the highest, remembered for the next series (most series of
/// the schedule share their lists of ages, one array each: the dates are computed once a person).
/// </summary>
internal struct AgeWindowDates(LocalDate birth)
{
    private CdsiDuration[]? _lowest;
    private CdsiDuration[]? _highest;
    private LocalDate _from;
    private LocalDate _to;
    private bool _known;

    /// <summary>The first date a dose can be valid and the date from which none can (no limit: the extreme dates).</summary>
    public (LocalDate From, LocalDate To) Window(CdsiDuration[]? lowest, CdsiDuration[]? highest)
    {
        if (!_known || !ReferenceEquals(lowest, _lowest) || !ReferenceEquals(highest, _highest))
        {
            _from = LocalDate.MinIsoValue;
            if (lowest is not null)
            {
                _from = LocalDate.MaxIsoValue;
                foreach (var age in lowest)
                {
                    var date = CdsiCalendar.Add(birth, age);
                    _from = date < _from ? date : _from;
                }
            }

            _to = LocalDate.MaxIsoValue;
            if (highest is not null)
            {
                _to = LocalDate.MinIsoValue;
                foreach (var age in highest)
                {
                    var date = CdsiCalendar.Add(birth, age);
                    _to = date > _to ? date : _to;
                }
            }

            (_lowest, _highest, _known) = (lowest, highest, true);
        }

        return (_from, _to);
    }
}
