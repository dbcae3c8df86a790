using Ardalis.GuardClauses;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using NodaTime;

namespace Immunization.Reporting.Quality;

/// <summary>Computes data-quality figures: verification against the register, identity numbers, duplicates, entry against tallies.</summary>
public static class DataQualityCalculator
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

        var index = ReportIndex.For(input.Register, input.Doses, coverage.Index);
        var units = index.Units;
        index.EnsureDuplicates();
        var counts = Count(index);
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
                rows.Add(Row(QualityIndicators.RecordsByOutcome, info.Scheme, info.Code, info.Name, period, "outcome:" + VerificationNames.Name(s_outcomes[o]), Figure.Proportion(counts[b + (int)s_outcomes[o]], counts[b])));
            }

            rows.Add(Row(QualityIndicators.IdentityMissing, info.Scheme, info.Code, info.Name, period, "all", Figure.Proportion(counts[b + 6], counts[b])));
            rows.Add(Row(QualityIndicators.IdentityInvalid, info.Scheme, info.Code, info.Name, period, "all", Figure.Proportion(counts[b + 7], counts[b])));
            rows.Add(Row(QualityIndicators.DuplicateDoses, info.Scheme, info.Code, info.Name, period, "all", Figure.Proportion(counts[b + 9], counts[b + 8])));
        }

        rows.Add(Row(QualityIndicators.DuplicatePeople, "none", "VN", "Việt Nam", period, "all", Figure.Count(coverage.DuplicatePersonIds)));
        rows.Add(Row(QualityIndicators.DosesAfterReferenceDate, "none", "VN", "Việt Nam", period, "all", Figure.Count(index.DosesAfter(options.AsOf))));

        if (input.Tallies.Count > 0)
        {
            var given = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var tallied = new HashSet<(string, LocalDate)>();
            foreach (var t in input.Tallies)
            {
                Guard.Against.Null(t, nameof(input), "A tally is null.");
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

    // Per unit: records, per outcome (5), identity missing, invalid, linked, duplicates.
    private const int Slots = 10;

    /// <summary>The per-unit counters: each dose counted in the country and in its province, per leaf on each core.</summary>
    private static long[] Count(ReportIndex index)
    {
        int m = index.Doses.Length, leaves = index.LeafCount, bits = index.ProductBits;
        int parts = Partitions.For(m);
        var local = new int[parts][];
        Partitions.Run(m, parts, (part, from, to) =>
        {
            var counts = new int[leaves * Slots];
            var cell = index.DoseCell;
            var flags = index.DoseFlags;
            for (int i = from; i < to; i++)
            {
                int b = (cell[i] >> bits) * Slots;
                byte f = flags[i];
                counts[b]++;
                int outcome = f & ReportIndex.OutcomeMask;
                if (outcome != 0)
                {
                    counts[b + outcome]++;
                }

                int identity = (f >> ReportIndex.IdentityShift) & 3;
                counts[b + 6] += identity == (int)IdentityNumberState.Missing ? 1 : 0;
                counts[b + 7] += identity == (int)IdentityNumberState.Invalid ? 1 : 0;
                counts[b + 8] += (f & ReportIndex.HasPersonId) != 0 ? 1 : 0;
                counts[b + 9] += (f & ReportIndex.Duplicate) != 0 ? 1 : 0;
            }

            local[part] = counts;
        });

        var total = new long[index.Units.Units.Count * Slots];
        for (int l = 0; l < leaves; l++)
        {
            int p = index.LeafProvince[l];
            foreach (var counts in local)
            {
                for (int k = 0; k < Slots; k++)
                {
                    total[(UnitTable.National * Slots) + k] += counts[(l * Slots) + k];
                    total[(p * Slots) + k] += counts[(l * Slots) + k];
                }
            }
        }

        return total;
    }

    private static IndicatorRow Row(string indicator, string scheme, string code, string name, string period, string disaggregation, Figure figure) =>
        new(indicator, scheme, code, name, period, disaggregation, figure);
}
