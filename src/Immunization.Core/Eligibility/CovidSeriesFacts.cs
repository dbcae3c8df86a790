using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using Immunization.Core.Evaluation;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Eligibility;

/// <summary>
/// What <see cref="CovidEvaluator"/> needs of one series of the schedule that does not depend on the person, compiled
/// once when the evaluator is built: the codes its first dose accepts, each target dose's products as one flat array, and
/// the texts that depend only on the series, the dose number and the engine's verdict (built on first use, then shared
/// by every person: no string is formatted per dose evaluated).
/// </summary>
/// <threadsafety>Safe to share between threads: the caches are filled with a benign race (two threads may build the
/// same text or list; either is kept, both are equal and immutable).</threadsafety>
internal sealed class CovidSeriesFacts
{
    private const int Reasons = 16;
    private const int Statuses = 4;

    private static readonly List<CdsiDuration[]> s_ageLists = [];

    private readonly string?[] _explanations;
    private readonly string?[] _dueExplanations;
    private readonly ConcurrentDictionary<long, string> _severalReasons = new();
    private readonly DoseProducts[] _products;

    // ValidBound: the most target doses the series can count (null: unbounded, a skip condition or a recurring dose),
    // and the ages every dose of the series is evaluated within (null: no such limit).
    private readonly int? _maxValid;
    private readonly CdsiDuration[]? _lowestAges;
    private readonly CdsiDuration[]? _highestAges;

    public CovidSeriesFacts(AntigenSeries series)
    {
        Series = series;
        var first = new HashSet<string>(StringComparer.Ordinal);
        if (series.Doses.Count > 0)
        {
            foreach (var vaccine in series.Doses[0].PreferableVaccines.Concat(series.Doses[0].AllowableVaccines))
            {
                first.Add(vaccine.Cvx.Value);
            }
        }

        FirstDoseCodes = first;
        _explanations = new string?[(series.Doses.Count + 1) * Reasons * Statuses];
        _dueExplanations = new string?[series.Doses.Count + 1];
        _products = new DoseProducts[series.Doses.Count];
        for (var i = 0; i < _products.Length; i++)
        {
            _products[i] = new DoseProducts(series.Doses[i]);
        }

        (_maxValid, _lowestAges, _highestAges) = Limits(series);
        _lowestAges = Shared(_lowestAges);
        _highestAges = Shared(_highestAges);
    }

    public AntigenSeries Series { get; }

    /// <summary>The codes the series' first dose accepts (preferable or allowable, in any period).</summary>
    public HashSet<string> FirstDoseCodes { get; }

    /// <summary>
    /// At least as many doses as the series can find valid for the person (a bound, not a count): the doses from the first
    /// one its first dose accepts, given at an age at which some dose of the series can be valid, at most one per target
    /// dose. A dose before that first one cannot be valid (the first target dose is never skipped: no skip conditions).
    /// </summary>
    /// <param name="history">The person's doses in evaluation order.</param>
    /// <param name="doseSeries">Each dose's series, as bits, whose first dose accepts its product.</param>
    /// <param name="bit">This series' bit.</param>
    /// <param name="ages">The person's dates for ages, shared by the series of one person.</param>
    public int ValidBound(List<HistoryDose> history, ReadOnlySpan<ulong> doseSeries, ulong bit, ref AgeWindowDates ages)
    {
        var (from, to) = ages.Window(_lowestAges, _highestAges);
        return ValidBound(history, doseSeries, bit, from, to);
    }

    /// <summary>As <see cref="ValidBound(List{HistoryDose}, ReadOnlySpan{ulong}, ulong, ref AgeWindowDates)"/> without the
    /// ages (a looser bound, with no date to work out).</summary>
    /// <param name="history">The person's doses in evaluation order.</param>
    /// <param name="doseSeries">Each dose's series, as bits, whose first dose accepts its product.</param>
    /// <param name="bit">This series' bit.</param>
    public int ValidBound(List<HistoryDose> history, ReadOnlySpan<ulong> doseSeries, ulong bit) =>
        ValidBound(history, doseSeries, bit, LocalDate.MinIsoValue, LocalDate.MaxIsoValue);

    /// <summary>Whether the series' doses are evaluated within ages (so that the bound within them can be lower).</summary>
    public bool HasAges => _lowestAges is not null || _highestAges is not null;

    private int ValidBound(List<HistoryDose> history, ReadOnlySpan<ulong> doseSeries, ulong bit, LocalDate from, LocalDate to)
    {
        if (_maxValid is not { } max)
        {
            return ushort.MaxValue;
        }

        var count = 0;
        var started = false;
        for (var d = 0; d < history.Count; d++)
        {
            var date = history[d].Date;
            if (date < from || date >= to || (!started && (doseSeries[d] & bit) == 0))
            {
                continue;
            }

            started = true;
            count++;
        }

        return Math.Min(count, max);
    }

    /// <summary>The words for a dose's evaluation (<see cref="CovidDoseResult.Explanation"/>).</summary>
    public string Explain(SeriesEvaluation e)
    {
        var number = e.TargetNumber ?? 0;
        if (number < 0 || number > Series.Doses.Count || (int)e.Reason >= Reasons || (int)e.Status >= Statuses || e.Reasons.Bits > ushort.MaxValue)
        {
            return Format(e, Series.Name);
        }

        if (System.Numerics.BitOperations.PopCount(e.Reasons.Bits) > 1)
        {
            // Several reasons (too soon and the wrong product...): the text names them all; shared per combination.
            var key = ((long)number << 32) | ((long)e.Status << 24) | ((long)e.Reason << 16) | e.Reasons.Bits;
            return _severalReasons.TryGetValue(key, out var known) ? known : _severalReasons.GetOrAdd(key, Format(e, Series.Name));
        }

        var index = (((number * Reasons) + (int)e.Reason) * Statuses) + (int)e.Status;
        return _explanations[index] ??= Format(e, Series.Name);
    }

    /// <summary>The words for a next dose due under the rules in effect (<see cref="NextDoseRule.Schedule"/>).</summary>
    public string Due(int number) =>
        number >= 1 && number < _dueExplanations.Length
            ? _dueExplanations[number] ??= DueText(number, Series.Name)
            : DueText(number, Series.Name);

    /// <summary>The products the target dose allows on a date for a person born on a date, in the schedule's order
    /// without repeats (preferable then allowable): one shared read-only list per distinct answer.</summary>
    public IReadOnlyList<string> Products(int doseIndex, LocalDate birth, LocalDate date) => _products[doseIndex].On(birth, date);

    public static string Format(SeriesEvaluation e, string series)
    {
        var dose = e.TargetNumber is { } n ? $"dose {n} of {series}" : series;
        var text = e.Reason switch
        {
            DoseStatusReason.None when e.Status == DoseStatus.Valid => $"valid: {dose}",
            DoseStatusReason.GracePeriod => $"valid within the 4-day grace period: {dose}",
            DoseStatusReason.TooYoung => $"not valid: too young for {dose} on that date",
            DoseStatusReason.TooOld => $"not valid: older than {dose} allows",
            DoseStatusReason.TooSoon => $"not valid: too soon after the previous dose for {dose}",
            DoseStatusReason.NotPreferableOrAllowable => $"not valid: the product is not allowed for {dose} on that date (age, mixing or booster rules then in effect)",
            DoseStatusReason.SeriesAlreadyComplete => "extraneous: the series was already complete",
            DoseStatusReason.DoseCondition => "not valid: the dose was sub-standard (expired or sub-potent)",
            _ => $"{e.Status}: {e.Reason} ({dose})",
        };
        return System.Numerics.BitOperations.PopCount(e.Reasons.Bits) > 1 ? text + " [" + string.Join(", ", e.Reasons.ToArray()) + "]" : text;
    }

    // A dose is evaluated within the age rule in effect on its date (SeriesEvaluator): not valid before the absolute
    // minimum age, nor from the maximum age. When every target dose has a rule in effect on any date, a dose outside
    // all of their rules' ages is never valid in the series; else there is no age limit to rely on.
    private static (int? MaxValid, CdsiDuration[]? Lowest, CdsiDuration[]? Highest) Limits(AntigenSeries series)
    {
        int? maxValid = series.Doses.Count;
        var lowest = new List<CdsiDuration>();
        var highest = new List<CdsiDuration>();
        bool low = series.Doses.Count > 0, high = series.Doses.Count > 0;
        foreach (var dose in series.Doses)
        {
            if (dose.ConditionalSkips.Count > 0 || dose.IsRecurring)
            {
                maxValid = null;
            }

            var always = false;
            foreach (var age in dose.Ages)
            {
                always |= age.Period.Effective is null && age.Period.Cessation is null;
                if (age.AbsoluteMinimum is { } min)
                {
                    lowest.Add(min);
                }
                else
                {
                    low = false;
                }

                if (age.Maximum is { } max)
                {
                    highest.Add(max);
                }
                else
                {
                    high = false;
                }
            }

            low &= always;
            high &= always;
        }

        return (maxValid, low ? [.. lowest.Distinct()] : null, high ? [.. highest.Distinct()] : null);
    }

    // One array for each list of ages, whatever the series: AgeWindowDates knows the dates of a list it has just seen by
    // reference (most series of the schedule share their ages).
    private static CdsiDuration[]? Shared(CdsiDuration[]? ages)
    {
        if (ages is null)
        {
            return null;
        }

        lock (s_ageLists)
        {
            foreach (var known in s_ageLists)
            {
                if (known.AsSpan().SequenceEqual(ages))
                {
                    return known;
                }
            }

            s_ageLists.Add(ages);
            return ages;
        }
    }

    public static string DueText(int number, string series) => $"dose {number} of {series}: due under the rules in effect";

    /// <summary>One target dose's products: its vaccines as one flat array, and the lists already answered, by the set
    /// of vaccines that qualified (a bit each).</summary>
    private sealed class DoseProducts
    {
        private readonly SeriesVaccine[] _vaccines;
        private readonly ConcurrentDictionary<ulong, ReadOnlyCollection<string>>? _answers;

        public DoseProducts(SeriesDose dose)
        {
            _vaccines = [.. dose.PreferableVaccines, .. dose.AllowableVaccines];
            _answers = _vaccines.Length <= 64 ? new ConcurrentDictionary<ulong, ReadOnlyCollection<string>>() : null;
        }

        public IReadOnlyList<string> On(LocalDate birth, LocalDate date)
        {
            if (_answers is null)
            {
                return Build(birth, date, ulong.MaxValue, useMask: false);
            }

            var mask = 0UL;
            CdsiDuration? lastAge = null;
            var lastAgeDate = default(LocalDate);
            for (var i = 0; i < _vaccines.Length; i++)
            {
                var vaccine = _vaccines[i];
                if (!vaccine.Period.Contains(date))
                {
                    continue;
                }

                // Ages repeat from one vaccine to the next (18 years for most): the date each is reached is computed once.
                if (vaccine.BeginAge is { } begin && date < AgeDate(birth, begin, ref lastAge, ref lastAgeDate))
                {
                    continue;
                }

                if (vaccine.EndAge is { } end && date >= AgeDate(birth, end, ref lastAge, ref lastAgeDate))
                {
                    continue;
                }

                mask |= 1UL << i;
            }

            return _answers.TryGetValue(mask, out var known) ? known : _answers.GetOrAdd(mask, Build(birth, date, mask, useMask: true));
        }

        private static LocalDate AgeDate(LocalDate birth, CdsiDuration age, ref CdsiDuration? lastAge, ref LocalDate lastAgeDate)
        {
            if (lastAge != age)
            {
                lastAge = age;
                lastAgeDate = CdsiCalendar.Add(birth, age);
            }

            return lastAgeDate;
        }

        private ReadOnlyCollection<string> Build(LocalDate birth, LocalDate date, ulong mask, bool useMask)
        {
            var codes = new List<string>();
            for (var i = 0; i < _vaccines.Length; i++)
            {
                var vaccine = _vaccines[i];
                var qualifies = useMask
                    ? (mask & (1UL << i)) != 0
                    : vaccine.Period.Contains(date)
                        && (vaccine.BeginAge is not { } begin || date >= CdsiCalendar.Add(birth, begin))
                        && (vaccine.EndAge is not { } end || date < CdsiCalendar.Add(birth, end));
                if (qualifies && !codes.Contains(vaccine.Cvx.Value))
                {
                    codes.Add(vaccine.Cvx.Value);
                }
            }

            return codes.AsReadOnly();
        }
    }
}
