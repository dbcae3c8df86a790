using Ardalis.GuardClauses;
using Immunization.Core.Evaluation;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Eligibility;

/// <summary>
/// Status, dose evaluations and next dose of Viet Nam's COVID-19 schedule (<see cref="VietnamCovidSchedule"/>) as of a
/// date, through the CDSi engine: every dose is evaluated by the engine against every series the person may follow; this
/// class picks the series and turns the engine's forecast into a status and a next dose.
/// </summary>
/// <remarks>
/// <para>
/// Series choice (CDSi's scoring is built for U.S. schedules, where a wrong product rarely decides the series; here the
/// first product does): a risk series the person is indicated for (immunocompromised) over a standard one; then the
/// series that gives the most advanced status; then the one with the most valid doses; then the one in which the
/// person's first dose is valid; then a series the person could
/// start at the age of the first dose (or on the date asked about, without doses); then the schedule's preference.
/// </para>
/// <para>
/// Rules take effect by the date a dose is given, so a later date asked about can give an earlier date for a dose when a
/// rule shortened an interval in between (the booster interval on 17 Dec 2021).
/// </para>
/// </remarks>
/// <threadsafety>Immutable; one instance can evaluate many people from many threads at once.</threadsafety>
public sealed partial class CovidEvaluator
{
    // Built here, not in Schedules: the schedule data must not depend on the engine that runs it (no namespace cycle).
    private static readonly Lazy<CdsiEngine> s_engine = new(() => new CdsiEngine(VietnamCovidSchedule.SupportingData));
    private readonly CdsiEngine _engine;

    // Each thread's reusable engine session (every evaluator shares the one engine): a person's history, evaluator and
    // series runs are made into the objects of the thread's previous person instead of new ones (about two thirds of
    // what an evaluation allocated). Null while an evaluation on the thread holds it; nothing of a session is read after
    // Evaluate returns.
    [ThreadStatic]
    private static CdsiEngine.SeriesSession? t_session;

    // Each series of the schedule, by its position: what does not depend on the person (first-dose codes, products,
    // texts), compiled once.
    private readonly CovidSeriesFacts[] _factsByPosition;

    // The schedule's series, and the same as an array.
    private readonly (System.Collections.ObjectModel.ReadOnlyCollection<AntigenSeries> Series, AntigenSeries[] Array) _series;

    // Each code: the series (bits of their positions in the schedule) whose first dose accepts it.
    private readonly System.Collections.Frozen.FrozenDictionary<string, ulong> _firstDoseSeries;

    /// <summary>Creates an evaluator over the embedded schedule.</summary>
    /// <param name="options">The options; <see cref="CovidEvaluationOptions.Default"/> when <see langword="null"/>.</param>
    public CovidEvaluator(CovidEvaluationOptions? options = null)
    {
        Options = options ?? CovidEvaluationOptions.Default;
        Guard.Against.Negative(Options.FullyVaccinatedAfterDays);
        Guard.Against.Null(Options.AgeGroups);
        Guard.Against.Null(Options.SecondBoosterGroups);
        _engine = s_engine.Value;
        var schedule = VietnamCovidSchedule.SupportingData.AntigensByName[VietnamCovidSchedule.VaccineGroup].Series;
        _factsByPosition = [.. schedule.Select(series => new CovidSeriesFacts(series))];
        _firstDoseSeries = FirstDoseSeries();
        _series = (schedule, [.. schedule]);
    }

    /// <summary>An evaluator with the default options.</summary>
    public static CovidEvaluator Default { get; } = new();

    /// <summary>The options in use.</summary>
    public CovidEvaluationOptions Options { get; }

    /// <summary>Evaluates a person's COVID-19 doses as of a date.</summary>
    /// <param name="person">The facts about the person.</param>
    /// <param name="doses">The doses given, in any order (codes as in <c>VietnamCovidVaccines</c>).</param>
    /// <param name="asOf">The date asked about; not before the date of birth. Doses after it are listed but not evaluated.</param>
    /// <returns>The status, every dose's evaluation and the next dose.</returns>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is before the date of birth, or a dose has no code.</exception>
    public CovidAssessment Evaluate(CovidPerson person, IEnumerable<AdministeredDose> doses, LocalDate asOf) => Evaluate(person, doses, asOf, allSeries: false);

    /// <summary>
    /// <paramref name="allSeries"/>: evaluate every relevant series (the reference path the property tests compare with);
    /// otherwise only those that can be chosen (<see cref="RunCandidates"/>), with the same result.
    /// </summary>
    internal CovidAssessment Evaluate(CovidPerson person, IEnumerable<AdministeredDose> doses, LocalDate asOf, bool allSeries)
    {
        Guard.Against.Null(person);
        Guard.Against.Null(doses);
        var birth = person.BirthDate;
        if (asOf < birth)
        {
            throw new ArgumentException("The date asked about is before the date of birth.", nameof(asOf));
        }

        // An array or list already in order (the usual case) is read where it is; anything else is copied and sorted.
        ReadOnlySpan<AdministeredDose> given = doses switch
        {
            AdministeredDose[] array when IsSorted(array) => array,
            List<AdministeredDose> list when IsSorted(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list)) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
            _ => Sorted(doses),
        };

        // This thread's session, restarted for this person: its history, evaluator and series runs are the last
        // person's objects, set again (nothing of them is in the assessment returned). It is taken from the thread while
        // in use, so that an evaluation started inside this one (user code behind the options' lists may do anything)
        // gets a session of its own instead of overwriting this one.
        var reusable = t_session ?? _engine.NewReusableSession();
        t_session = null;
        try
        {
            return Evaluate(person, given, asOf, allSeries, birth, reusable);
        }
        finally
        {
            t_session = reusable;
        }
    }

    private CovidAssessment Evaluate(CovidPerson person, ReadOnlySpan<AdministeredDose> given, LocalDate asOf, bool allSeries, LocalDate birth, CdsiEngine.SeriesSession reusable)
    {
        var session = _engine.StartSeries(person.PatientOn(asOf), given, asOf, VietnamCovidSchedule.VaccineGroup, reusable);
        var history = session.History;
        var run = allSeries ? Choose(RunAll(session), history, birth, asOf) : RunCandidates(session, birth, asOf);
        var series = run.Series;
        var primary = series.PrimaryDoses ?? series.Doses.Count;
        var status = Status(run, asOf);
        var results = DoseResults(given, history, run, asOf, Facts(run.Series));
        var age = AgeGroupScheme.AgeInYears(birth, asOf);
        var next = NextDose(person, given, run, primary, history.Count == 0 ? session.Relevant : null, asOf);
        return new CovidAssessment(asOf, age, Options.AgeGroups.Classify(birth, asOf), status, series.Name, primary, results, next)
        {
            PriorityGroups = person.PriorityGroupsOn(asOf),
            RiskConditions = person.RiskConditionsOn(asOf),
        };
    }

    private PatientSeries Choose(List<PatientSeries> runs, List<HistoryDose> history, LocalDate birth, LocalDate asOf)
    {
        var choice = new Choice(this, birth, history.Count > 0 ? history[0].Date : asOf, asOf);
        for (var i = 0; i < runs.Count; i++)
        {
            choice.Offer(runs[i], i);
        }

        return choice.Best;
    }

    // The choice's order of runs, best last (ValueTuple's order, item by item), is this key then SeriesKey: the part that
    // depends on the run (a risk series, the status, the valid doses, the first dose valid).
    private (int, VaccinationStatus, int, int) RunKey(PatientSeries run, LocalDate asOf) => (
        run.Series.Type == SeriesType.Risk ? 1 : 0,
        Status(run, asOf),
        run.ValidCount,
        run.Evaluations.Count > 0 && run.Evaluations[0].Status == DoseStatus.Valid ? 1 : 0);

    // The part of the choice that depends on the series alone: a series the person can start on the date of their first
    // dose (or the date asked about, without doses); else the one they can start soonest (a 3-year-old: the 5-11 series);
    // then the schedule's preference.
    private static (int CanStart, int Soonest, int Preference) SeriesKey(AntigenSeries series, LocalDate birth, LocalDate startDate)
    {
        var start = series.MinAgeToStart is { } min ? CdsiCalendar.Add(birth, min) : birth;
        var tooOld = series.MaxAgeToStart is { } max && startDate >= CdsiCalendar.Add(birth, max);
        return (
            CanStart(series, birth, startDate) ? 1 : 0,
            tooOld ? int.MinValue : start <= startDate ? 0 : -Period.Between(startDate, start, PeriodUnits.Days).Days,
            -series.Preference);
    }

    private static List<PatientSeries> RunAll(CdsiEngine.SeriesSession session)
    {
        var runs = new List<PatientSeries>(session.Relevant.Count);
        foreach (var series in session.Relevant)
        {
            runs.Add(session.Run(series));
        }

        return runs;
    }

    /// <summary>
    /// Runs only the series <see cref="Choose"/> can pick and returns its choice, the one every series would give (so
    /// the whole assessment is). A standard series whose first dose accepts none of the products given has no valid dose
    /// (the schedule has no skip conditions), so it can win only when no series run has a valid dose and no risk series
    /// is indicated; then all such series tie on everything but <see cref="SeriesKey"/>, and the best of them is run too.
    /// Without doses every series ties the same way (a risk series first), and only the best is run.
    /// </summary>
    /// <remarks>
    /// With doses, a relevant risk series outranks every standard one, so then only risk series run. Otherwise each
    /// candidate's best possible (status, valid doses) is bounded before running it (<see cref="CovidSeriesFacts.ValidBound(List{Evaluation.HistoryDose}, ReadOnlySpan{ulong}, ulong, ref AgeWindowDates)"/>),
    /// the most promising runs first, and a series whose bound is below the best (status, valid doses) already run is not
    /// run: it cannot be chosen. The series that can tie are all run, and ties go to the series first in the schedule, as
    /// in <see cref="Choose"/>, so the choice is the same. No list of runs is kept: each is offered to the choice as made,
    /// its doses evaluated; only the chosen run is then forecast (the choice does not read forecasts).
    /// </remarks>
    private PatientSeries RunCandidates(CdsiEngine.SeriesSession session, LocalDate birth, LocalDate asOf)
    {
        var history = session.History;
        if (session.RelevantMask is not { } mask)
        {
            return Choose(RunCandidateList(session, birth, asOf), history, birth, asOf);
        }

        var all = session.Antigen.Series;
        var choice = new Choice(this, birth, history.Count > 0 ? history[0].Date : asOf, asOf);
        var made = 0UL;
        var decided = history.Count > 0 && RunBounded(session, mask, asOf, ref choice, ref made);
        if (!decided)
        {
            var startDate = history.Count > 0 ? history[0].Date : asOf;
            var best = -1;
            (int, (int, int, int)) bestKey = default;
            for (var bits = mask & ~made; bits != 0; bits &= bits - 1)
            {
                var position = System.Numerics.BitOperations.TrailingZeroCount(bits);
                var key = (all[position].Type == SeriesType.Risk ? 1 : 0, SeriesKey(all[position], birth, startDate));
                if (best < 0 || key.CompareTo(bestKey) > 0)
                {
                    best = position;
                    bestKey = key;
                }
            }

            if (best >= 0)
            {
                choice.Offer(session.EvaluateDoses(all[best], best), best);
            }
        }

        // The choice reads the evaluations only (status, valid doses, first dose, series): the chosen run alone is forecast.
        var chosen = choice.Best;
        session.Forecast(chosen);
        return chosen;
    }

    /// <summary>
    /// The series of the embedded schedule (positions as bits): a risk series when one is relevant, else the standard
    /// series whose first dose accepts a product given, most promising first, those that cannot win not run; each run
    /// offered to the choice and its bit set in <paramref name="made"/>. True when the choice is decided (a risk series,
    /// or a run with a valid dose).
    /// </summary>
    private bool RunBounded(CdsiEngine.SeriesSession session, ulong mask, LocalDate asOf, ref Choice choice, ref ulong made)
    {
        // The schedule's series as an array (no interface call per look), when the session is of the embedded antigen.
        AntigenSeries[] all = ReferenceEquals(session.Antigen.Series, _series.Series) ? _series.Array : [.. session.Antigen.Series];
        var history = session.History;
        var risk = 0UL;
        for (var bits = mask; bits != 0; bits &= bits - 1)
        {
            var position = System.Numerics.BitOperations.TrailingZeroCount(bits);
            risk |= all[position].Type == SeriesType.Risk ? 1UL << position : 0;
        }

        if (risk != 0)
        {
            for (var bits = risk; bits != 0; bits &= bits - 1)
            {
                var position = System.Numerics.BitOperations.TrailingZeroCount(bits);
                choice.Offer(session.EvaluateDoses(all[position], position), position);
                made |= 1UL << position;
            }

            return true;
        }

        // Each dose: the series (bits) whose first dose accepts its product (a code repeated is looked up once).
        Span<ulong> doseSeries = history.Count <= 32 ? stackalloc ulong[history.Count] : new ulong[history.Count];
        var accepted = 0UL;
        string? lastCode = null;
        var lastBits = 0UL;
        for (var d = 0; d < history.Count; d++)
        {
            var code = history[d].Cvx;
            if (!ReferenceEquals(code, lastCode))
            {
                (lastCode, lastBits) = (code, _firstDoseSeries.GetValueOrDefault(code));
            }

            doseSeries[d] = lastBits;
            accepted |= lastBits;
        }

        var candidates = accepted & mask;
        if (System.Numerics.BitOperations.PopCount(candidates) == 1)
        {
            // One candidate: nothing to bound it against.
            var only = System.Numerics.BitOperations.TrailingZeroCount(candidates);
            var run = session.EvaluateDoses(all[only], only);
            choice.Offer(run, only);
            made |= candidates;
            return run.ValidCount > 0;
        }

        // Each candidate's bound as one number, (status << 16) | valid doses, by position: first without the ages (no
        // date to work out), then, for a series that could still be run, within its ages (refined, a bit each).
        Span<int> bounds = stackalloc int[all.Length];
        var ages = new AgeWindowDates(choice.Birth);
        var refined = 0UL;
        for (var bits = candidates; bits != 0; bits &= bits - 1)
        {
            var position = System.Numerics.BitOperations.TrailingZeroCount(bits);
            var facts = FactsAt(all, position);
            var valid = facts is not null ? facts.ValidBound(history, doseSeries, 1UL << position) : ushort.MaxValue;
            bounds[position] = Key(StatusBound(all[position], valid), valid);
            refined |= facts is null || !facts.HasAges ? 1UL << position : 0;
        }

        var best = -1;
        var decided = false;
        var left = candidates;
        while (left != 0)
        {
            var next = -1;
            for (var bits = left; bits != 0; bits &= bits - 1)
            {
                var position = System.Numerics.BitOperations.TrailingZeroCount(bits);
                if (next < 0 || bounds[position] > bounds[next])
                {
                    next = position;
                }
            }

            if (bounds[next] < best)
            {
                break; // every series left is bounded below a series run: none of them can be chosen
            }

            var bit = 1UL << next;
            if (best >= 0 && (refined & bit) == 0)
            {
                // Something to prune against: the bound within the ages, then the best series left again.
                var valid = FactsAt(all, next)!.ValidBound(history, doseSeries, bit, ref ages);
                bounds[next] = Key(StatusBound(all[next], valid), valid);
                refined |= bit;
                continue;
            }

            if (bounds[next] == best && !choice.MayWinTie(all[next], next))
            {
                // At best level with the best run on (status, valid doses), and that run's first dose is valid: only the
                // series' part of the order (SeriesKey, then the position) could choose this one, and it does not.
                left &= ~bit;
                continue;
            }

            var run = session.EvaluateDoses(all[next], next);
            choice.Offer(run, next);
            made |= bit;
            left &= ~bit;
            var validCount = run.ValidCount;
            decided |= validCount > 0;
            best = Math.Max(best, Key(Status(run, asOf), validCount));
        }

        return decided;
    }

    private CovidSeriesFacts? FactsAt(AntigenSeries[] all, int position) =>
        position < _factsByPosition.Length && ReferenceEquals(_factsByPosition[position].Series, all[position]) ? _factsByPosition[position] : null;

    // For an antigen of more than 64 series (not the embedded schedule's): the series whose first dose accepts a product
    // given (or that is not of the embedded schedule) and risk series, then, undecided, the best of the others.
    private List<PatientSeries> RunCandidateList(CdsiEngine.SeriesSession session, LocalDate birth, LocalDate asOf)
    {
        var relevant = session.Relevant;
        var history = session.History;
        var runs = new PatientSeries?[relevant.Count];
        var decided = false;
        for (var i = 0; i < relevant.Count && history.Count > 0; i++)
        {
            var series = relevant[i];
            if (series.Type == SeriesType.Risk || AcceptsFirst(series, history))
            {
                var run = session.Run(series);
                runs[i] = run;
                decided |= series.Type == SeriesType.Risk || run.ValidCount > 0;
            }
        }

        if (!decided)
        {
            var startDate = history.Count > 0 ? history[0].Date : asOf;
            var best = -1;
            (int, (int, int, int)) bestKey = default;
            for (var i = 0; i < relevant.Count; i++)
            {
                if (runs[i] is null)
                {
                    var key = (relevant[i].Type == SeriesType.Risk ? 1 : 0, SeriesKey(relevant[i], birth, startDate));
                    if (best < 0 || key.CompareTo(bestKey) > 0)
                    {
                        best = i;
                        bestKey = key;
                    }
                }
            }

            if (best >= 0)
            {
                runs[best] = session.Run(relevant[best]);
            }
        }

        var list = new List<PatientSeries>(relevant.Count);
        foreach (var run in runs)
        {
            if (run is not null)
            {
                list.Add(run);
            }
        }

        return list;
    }

    private static int Key(VaccinationStatus status, int valid) => ((int)status << 16) | Math.Min(valid, ushort.MaxValue);

    // The best status a run with at most this many valid doses can have (Status is not lower with more valid doses).
    private static VaccinationStatus StatusBound(AntigenSeries series, int valid)
    {
        var primary = series.PrimaryDoses ?? series.Doses.Count;
        return valid == 0 ? VaccinationStatus.NotVaccinated
            : valid < primary ? VaccinationStatus.PartiallyVaccinated
            : valid == primary ? VaccinationStatus.PrimarySeriesComplete
            : valid == primary + 1 ? VaccinationStatus.Boosted
            : VaccinationStatus.SecondBooster;
    }

    private bool AcceptsFirst(AntigenSeries series, List<HistoryDose> history)
    {
        if (Facts(series) is not { } facts)
        {
            return true; // not a series of the embedded schedule: run it
        }

        var codes = facts.FirstDoseCodes;
        foreach (var dose in history)
        {
            if (codes.Contains(dose.Cvx))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanStart(AntigenSeries series, LocalDate birth, LocalDate date) =>
        (series.MinAgeToStart is not { } min || date >= CdsiCalendar.Add(birth, min))
        && (series.MaxAgeToStart is not { } max || date < CdsiCalendar.Add(birth, max));

    // The status ladder of StatusBound, except that a complete primary series counts only once its last dose is
    // FullyVaccinatedAfterDays old.
    private VaccinationStatus Status(PatientSeries run, LocalDate asOf)
    {
        var status = StatusBound(run.Series, run.ValidCount);
        if (status != VaccinationStatus.PrimarySeriesComplete)
        {
            return status;
        }

        var primary = run.Series.PrimaryDoses ?? run.Series.Doses.Count;
        var last = run.Targets[primary - 1].SatisfiedBy?.Date;
        return last is { } d && d.PlusDays(Options.FullyVaccinatedAfterDays) <= asOf
            ? VaccinationStatus.PrimarySeriesComplete
            : VaccinationStatus.PartiallyVaccinated;
    }

    private static CovidDoseResult[] DoseResults(ReadOnlySpan<AdministeredDose> given, List<HistoryDose> history, PatientSeries run, LocalDate asOf, CovidSeriesFacts? facts)
    {
        // Orders are the positions of the evaluated doses in date order; the run has one evaluation per evaluated dose,
        // in that order (EvaluationOf checks it): no table per person.

        // The engine's history holds the doses it evaluates (on or before the date, with a code of the schedule), in
        // the order of the doses given: the next of them is the next dose given that it evaluates (equal doses are
        // evaluated alike), so no code is looked up again here.
        // One result a dose given, in their order: an array of exactly that many (no list around it).
        var results = new CovidDoseResult[given.Length];
        var order = 0;
        for (var i = 0; i < given.Length; i++)
        {
            var dose = given[i];
            if (dose.DateAdministered > asOf)
            {
                results[i] = new(dose, DoseStatus.NotValid, DoseStatusReason.None, null, false, "not evaluated: given after the date asked about");
                continue;
            }

            if (order >= history.Count || history[order].Dose != dose)
            {
                results[i] = new(dose, DoseStatus.NotValid, DoseStatusReason.None, null, false, "not evaluated: the code is not a product of Viet Nam's COVID-19 schedule");
                continue;
            }

            if (EvaluationOf(run, order++) is { } e)
            {
                results[i] = new(dose, e.Status, e.Reason, e.TargetNumber, true, facts?.Explain(e) ?? CovidSeriesFacts.Format(e, run.Series.Name));
            }
            else
            {
                results[i] = new(dose, DoseStatus.Extraneous, DoseStatusReason.SeriesAlreadyComplete, null, true, "extraneous: the series was already complete");
            }
        }

        return results;
    }

    private static SeriesEvaluation? EvaluationOf(PatientSeries run, int order)
    {
        var evaluations = run.Evaluations;
        if (order < evaluations.Count && evaluations[order].Dose.Order == order)
        {
            return evaluations[order];
        }

        foreach (var evaluation in evaluations)
        {
            if (evaluation.Dose.Order == order)
            {
                return evaluation;
            }
        }

        return null;
    }

    private CovidNextDose? NextDose(CovidPerson person, ReadOnlySpan<AdministeredDose> given, PatientSeries run, int primary, List<AntigenSeries>? startable, LocalDate asOf)
    {
        var birth = person.BirthDate;
        if (run.Status == SeriesStatus.AgedOut)
        {
            var n = run.ValidCount + 1;
            return new(n, Kind(n, primary), null, null, null, [], NextDoseRule.AgedOut, true, $"no further dose: older than {run.Series.Name} allows");
        }

        if (run.Status != SeriesStatus.NotComplete || run.ForecastDoseNumber is not { } number || number > run.Series.Doses.Count)
        {
            return null;
        }

        var kind = Kind(number, primary);
        var target = run.Series.Doses[number - 1];
        var rule = NextDoseRule.Schedule;
        var forecast = run;
        if (!AnyVaccineInEffect(target, asOf) && FirstEffective(target, asOf) is { } from)
        {
            // No rule for this dose yet on the date asked about: the dates are those of the rules that take effect first.
            var later = _engine.StartSeries(person.PatientOn(asOf), given, from, VietnamCovidSchedule.VaccineGroup);
            forecast = IsRelevantIn(later, run.Series) ? later.Run(run.Series) : run;
            rule = NextDoseRule.NotYetInEffect;
            if (forecast.Earliest is { } e && e < from)
            {
                forecast.Earliest = from;
            }

            if (forecast.Recommended is { } r && r < from)
            {
                forecast.Recommended = from;
            }
        }

        // A dose whose products only take effect after the engine's earliest date (the additional dose from 23 Jun 2022)
        // cannot count before then.
        if (forecast.Earliest is { } early && !AnyVaccineInEffect(target, early) && FirstEffective(target, early) is { } effective)
        {
            forecast.Earliest = effective;
            if (forecast.Recommended is { } r && r < effective)
            {
                forecast.Recommended = effective;
            }

            if (rule == NextDoseRule.Schedule && effective > asOf)
            {
                rule = NextDoseRule.NotYetInEffect;
            }
        }

        var earliest = forecast.Earliest;
        if (kind == CovidDoseKind.SecondBooster && !MaySecondBooster(person, asOf))
        {
            var fifty = birth.PlusYears(Options.SecondBoosterMinimumAge);
            return new(number, kind, null, null, null, [], NextDoseRule.NotInSecondBoosterGroup, true,
                $"second booster not allowed: only for adults of {Options.SecondBoosterMinimumAge}+ (from {new IsoDate(fifty)}), the immunocompromised and the high-exposure priority groups");
        }

        if (rule == NextDoseRule.Schedule && earliest is { } when && when > asOf)
        {
            rule = MinimumAgeDate(target, birth, asOf) == when ? NextDoseRule.TooYoung : NextDoseRule.TooSoon;
        }

        var productDate = earliest ?? asOf;
        var facts = Facts(run.Series);
        IReadOnlyList<string> products = startable is null && facts is not null
            ? facts.Products(number - 1, birth, productDate)
            : Products(startable, run.Series, target, birth, productDate);
        if ((person.RiskConditionsOn(productDate) & RiskConditions.Pregnant) != 0)
        {
            var allowed = new List<string>(products);
            allowed.RemoveAll(code => Options.NotInPregnancyProducts.Contains(code));
            products = allowed;
        }
        var explanation = rule switch
        {
            NextDoseRule.TooYoung => $"dose {number} of {run.Series.Name}: too young until {new IsoDate(earliest)}",
            NextDoseRule.TooSoon => $"dose {number} of {run.Series.Name}: too soon after the previous dose until {new IsoDate(earliest)}",
            NextDoseRule.NotYetInEffect => $"dose {number} of {run.Series.Name}: no rule for it was in effect on {new IsoDate(asOf)}; from {new IsoDate(earliest)} under the rules that took effect then",
            _ => facts?.Due(number) ?? CovidSeriesFacts.DueText(number, run.Series.Name),
        };
        return new(number, kind, earliest, forecast.Recommended, forecast.PastDue, products, rule, false, explanation);
    }

    private static bool IsRelevantIn(CdsiEngine.SeriesSession session, AntigenSeries series)
    {
        foreach (var relevant in session.Relevant)
        {
            if (ReferenceEquals(relevant, series))
            {
                return true;
            }
        }

        return false;
    }

    private static CovidDoseKind Kind(int number, int primary) =>
        number <= primary ? CovidDoseKind.Primary : number == primary + 1 ? CovidDoseKind.Booster : CovidDoseKind.SecondBooster;

    private bool MaySecondBooster(CovidPerson person, LocalDate asOf)
    {
        if ((person.RiskConditionsOn(asOf) & RiskConditions.Immunocompromised) != 0 || AgeGroupScheme.IsAtLeast(person.BirthDate, asOf, Options.SecondBoosterMinimumAge))
        {
            return true;
        }

        var groups = person.PriorityGroupsOn(asOf);
        for (var i = 0; i < groups.Count; i++)
        {
            if (Options.SecondBoosterGroups.Contains(groups[i]))
            {
                return true;
            }
        }

        return false;
    }

    // By a look along the schedule's dozen series (no hash of the series).
    private CovidSeriesFacts? Facts(AntigenSeries series)
    {
        foreach (var facts in _factsByPosition)
        {
            if (ReferenceEquals(facts.Series, series))
            {
                return facts;
            }
        }

        return null;
    }

    private System.Collections.Frozen.FrozenDictionary<string, ulong> FirstDoseSeries()
    {
        var result = new Dictionary<string, ulong>(StringComparer.Ordinal);
        for (var i = 0; i < _factsByPosition.Length && i < 64; i++)
        {
            foreach (var code in _factsByPosition[i].FirstDoseCodes)
            {
                result[code] = result.GetValueOrDefault(code) | (1UL << i);
            }
        }

        return System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(result, StringComparer.Ordinal);
    }

    private static bool AnyVaccineInEffect(SeriesDose target, LocalDate date)
    {
        for (var i = 0; i < target.PreferableVaccines.Count; i++)
        {
            if (target.PreferableVaccines[i].Period.Contains(date))
            {
                return true;
            }
        }

        for (var i = 0; i < target.AllowableVaccines.Count; i++)
        {
            if (target.AllowableVaccines[i].Period.Contains(date))
            {
                return true;
            }
        }

        return false;
    }

    private static LocalDate? FirstEffective(SeriesDose target, LocalDate after)
    {
        var first = FirstEffective(target.PreferableVaccines, after, null);
        return FirstEffective(target.AllowableVaccines, after, first);
    }

    private static LocalDate? FirstEffective(IReadOnlyList<SeriesVaccine> vaccines, LocalDate after, LocalDate? first)
    {
        for (var i = 0; i < vaccines.Count; i++)
        {
            if (vaccines[i].Period.Effective is { } from && from > after && (first is not { } f || from < f))
            {
                first = from;
            }
        }

        return first;
    }

    private static bool IsSorted(ReadOnlySpan<AdministeredDose> doses)
    {
        for (var i = 1; i < doses.Length; i++)
        {
            if (CdsiEngine.CompareDoses(doses[i - 1], doses[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static AdministeredDose[] Sorted(IEnumerable<AdministeredDose> doses)
    {
        AdministeredDose[] copy;
        if (doses is IReadOnlyList<AdministeredDose> list)
        {
            // Arrays and lists: copied by index (no enumerator, no interface copy).
            copy = new AdministeredDose[list.Count];
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] = list[i];
            }
        }
        else
        {
            copy = [.. doses];
        }

        SortDoses(copy);
        return copy;
    }

    // The doses in CdsiEngine.CompareDoses order: an insertion sort for the few doses of a person (no comparison delegate,
    // nothing moved when they come in order). Doses that compare equal are equal values, so any stable or unstable sort
    // gives the same list.
    private static void SortDoses(Span<AdministeredDose> doses)
    {
        if (doses.Length > 16)
        {
            doses.Sort(CdsiEngine.CompareDoses);
            return;
        }

        for (var i = 1; i < doses.Length; i++)
        {
            var dose = doses[i];
            var j = i - 1;
            while (j >= 0 && CdsiEngine.CompareDoses(doses[j], dose) > 0)
            {
                doses[j + 1] = doses[j];
                j--;
            }

            doses[j + 1] = dose;
        }
    }

    private static LocalDate? MinimumAgeDate(SeriesDose target, LocalDate birth, LocalDate asOf)
    {
        for (var i = 0; i < target.Ages.Count; i++)
        {
            var age = target.Ages[i];
            if (age.Period.Contains(asOf) && age.Minimum is { } min)
            {
                return CdsiCalendar.Add(birth, min);
            }
        }

        return null;
    }

    private static List<string> Products(List<AntigenSeries>? startable, AntigenSeries series, SeriesDose target, LocalDate birth, LocalDate date)
    {
        var codes = new List<string>();
        AddProducts(codes, target, birth, date);
        if (startable is not null)
        {
            // Without doses, every product a series the person can start on that date allows for its first dose.
            foreach (var other in startable)
            {
                if (other.Type == SeriesType.Standard && !ReferenceEquals(other, series) && CanStart(other, birth, date))
                {
                    AddProducts(codes, other.Doses[0], birth, date);
                }
            }
        }

        return codes;
    }

    private static void AddProducts(List<string> codes, SeriesDose target, LocalDate birth, LocalDate date)
    {
        AddProducts(codes, target.PreferableVaccines, birth, date);
        AddProducts(codes, target.AllowableVaccines, birth, date);
    }

    private static void AddProducts(List<string> codes, IReadOnlyList<SeriesVaccine> vaccines, LocalDate birth, LocalDate date)
    {
        for (var i = 0; i < vaccines.Count; i++)
        {
            var vaccine = vaccines[i];
            if (vaccine.Period.Contains(date)
                && (vaccine.BeginAge is not { } begin || date >= CdsiCalendar.Add(birth, begin))
                && (vaccine.EndAge is not { } end || date < CdsiCalendar.Add(birth, end))
                && !codes.Contains(vaccine.Cvx.Value))
            {
                codes.Add(vaccine.Cvx.Value);
            }
        }
    }
}
