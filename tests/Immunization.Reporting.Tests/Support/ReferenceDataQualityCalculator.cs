using Ardalis.GuardClauses;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Quality;
using NodaTime;

namespace Immunization.Reporting.Tests.Support;

/// <summary>The data-quality calculation as it was before the flat-array fast path: the reference the fast path is compared with.</summary>
internal static class ReferenceDataQualityCalculator
{
    private static readonly VerificationOutcome[] s_outcomes =
    [
        VerificationOutcome.Verified,
        VerificationOutcome.Differs,
        VerificationOutcome.Ambiguous,
        VerificationOutcome.NotFound,
        VerificationOutcome.NotApplicable,
    ];

    /// <summary>Computes the data-quality rows (country, then provinces, then sites).</summary>
    /// <param name="input">The report's inputs.</param>
    /// <param name="options">The report's options (for the period).</param>
    /// <param name="coverage">The coverage report computed from the same inputs, whose flagged figures are counted.</param>
    /// <returns>The rows in deterministic order.</returns>
    public static IReadOnlyList<IndicatorRow> Compute(ReportInput input, ReportOptions options, CoverageReport coverage)
    {
        Guard.Against.Null(input);
        Guard.Against.Null(options);
        Guard.Against.Null(coverage);
        string period = options.Period ?? options.AsOf.ToString("yyyyMMdd", null);

        var units = new UnitTable();
        var residence = new Dictionary<string, int>(input.Register.Count, StringComparer.Ordinal);
        foreach (var person in input.Register)
        {
            if (!residence.ContainsKey(person.PersonId))
            {
                residence[person.PersonId] = units.Resolve(person.Residence).Province;
            }
        }

        // Per unit: records, per outcome (5), identity missing, invalid, linked, duplicates.
        const int Slots = 10;
        var provinceOfDose = new int[input.Doses.Count];
        for (int i = 0; i < input.Doses.Count; i++)
        {
            var dose = input.Doses[i];
            provinceOfDose[i] = dose.PersonId is not null && residence.TryGetValue(dose.PersonId, out int p)
                ? p
                : units.Resolve(dose.RecordCommune).Province;
        }

        var counts = new long[units.Units.Count * Slots];
        var seen = new HashSet<(string, LocalDate, string)>(input.Doses.Count);
        for (int i = 0; i < input.Doses.Count; i++)
        {
            var dose = input.Doses[i];
            bool duplicate = dose.PersonId is not null && !seen.Add((dose.PersonId, dose.Date, dose.Product));
            foreach (int u in (ReadOnlySpan<int>)[UnitTable.National, provinceOfDose[i]])
            {
                int b = u * Slots;
                counts[b]++;
                int o = Array.IndexOf(s_outcomes, dose.Outcome);
                if (o >= 0)
                {
                    counts[b + 1 + o]++;
                }

                counts[b + 6] += dose.IdentityNumber == IdentityNumberState.Missing ? 1 : 0;
                counts[b + 7] += dose.IdentityNumber == IdentityNumberState.Invalid ? 1 : 0;
                counts[b + 8] += dose.PersonId is not null ? 1 : 0;
                counts[b + 9] += duplicate ? 1 : 0;
            }
        }

        var rows = new List<IndicatorRow>();
        var order = units.ReportOrder().Where(u => u == UnitTable.National || units.Units[u].Order == 1).ToArray();
        foreach (int u in order)
        {
            var info = units.Units[u];
            int b = u * Slots;
            if (u != UnitTable.National && counts[b] == 0)
            {
                continue;
            }

            for (int o = 0; o < s_outcomes.Length; o++)
            {
                rows.Add(Row(QualityIndicators.RecordsByOutcome, info.Scheme, info.Code, info.Name, period, "outcome:" + VerificationNames.Name(s_outcomes[o]), Figure.Proportion(counts[b + 1 + o], counts[b])));
            }

            rows.Add(Row(QualityIndicators.IdentityMissing, info.Scheme, info.Code, info.Name, period, "all", Figure.Proportion(counts[b + 6], counts[b])));
            rows.Add(Row(QualityIndicators.IdentityInvalid, info.Scheme, info.Code, info.Name, period, "all", Figure.Proportion(counts[b + 7], counts[b])));
            rows.Add(Row(QualityIndicators.DuplicateDoses, info.Scheme, info.Code, info.Name, period, "all", Figure.Proportion(counts[b + 9], counts[b + 8])));
        }

        rows.Add(Row(QualityIndicators.DuplicatePeople, "none", "VN", "Việt Nam", period, "all", Figure.Count(coverage.DuplicatePersonIds)));
        var iso = options.AsOf.WithCalendar(CalendarSystem.Iso);
        rows.Add(Row(QualityIndicators.DosesAfterReferenceDate, "none", "VN", "Việt Nam", period, "all", Figure.Count(input.Doses.Count(d => d.Date.WithCalendar(CalendarSystem.Iso) > iso))));

        if (input.Tallies.Count > 0)
        {
            var given = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var tallied = new HashSet<(string, LocalDate)>();
            foreach (var t in input.Tallies)
            {
                given[t.SiteCode] = given.GetValueOrDefault(t.SiteCode) + t.DosesGiven;
                tallied.Add((t.SiteCode, t.Day));
            }

            var entered = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var dose in input.Doses)
            {
                if (dose.SiteCode is { } site && tallied.Contains((site, dose.Date)))
                {
                    entered[site] = entered.GetValueOrDefault(site) + 1;
                }
            }

            long allGiven = given.Values.Sum(), allEntered = entered.Values.Sum();
            rows.Add(Row(QualityIndicators.DosesEnteredPerGiven, "none", "VN", "Việt Nam", period, "all", Figure.Proportion(allEntered, allGiven)));
            rows.Add(Row(QualityIndicators.Backlog, "none", "VN", "Việt Nam", period, "all", Figure.Count(allGiven - allEntered)));
            foreach (var (site, g) in given)
            {
                long e = entered.GetValueOrDefault(site);
                rows.Add(Row(QualityIndicators.DosesEnteredPerGiven, "site", site, site, period, "all", Figure.Proportion(e, g)));
                rows.Add(Row(QualityIndicators.Backlog, "site", site, site, period, "all", Figure.Count(g - e)));
            }
        }

        if (coverage.StatusKnown)
        {
            long over = coverage.Rows.Count(r => r.Indicator.StartsWith("people_", StringComparison.Ordinal) && (r.Figure.Flags & FigureFlags.OverOneHundredPercent) != 0);
            long negative = coverage.Rows.Count(r => r.Indicator == Indicators.DropOutDose1To2 && (r.Figure.Flags & FigureFlags.Negative) != 0);
            rows.Add(Row(QualityIndicators.CoverageOverOneHundred, "none", "VN", "Việt Nam", period, "all", Figure.Count(over)));
            rows.Add(Row(QualityIndicators.NegativeDropOut, "none", "VN", "Việt Nam", period, "all", Figure.Count(negative)));
        }

        return rows;
    }

    private static IndicatorRow Row(string indicator, string scheme, string code, string name, string period, string disaggregation, Figure figure) =>
        new(indicator, scheme, code, name, period, disaggregation, figure);
}
