using Ardalis.GuardClauses;
using Immunization.Core.Eligibility;
using Immunization.Core.Identity;
using Immunization.Reporting.Coverage;
using NodaTime;

namespace Immunization.Reporting.Tests.Support;

/// <summary>The coverage calculation as it was before the flat-array fast path (issue 12's benchmark): the reference the fast path is compared with.</summary>
internal static class ReferenceCoverageCalculator
{
    // Counters per (unit, person disaggregation).
    private const int CPopulation = 0;
    private const int COnePlus = 1;
    private const int CPrimary = 2;
    private const int CBoosted = 3;
    private const int CSecond = 4;
    private const int CDropEligible = 5;
    private const int CDropped = 6;
    private const int PersonCounters = 7;

    /// <summary>Computes the coverage report.</summary>
    /// <param name="input">The register, dose records, statuses and outside denominators.</param>
    /// <param name="options">The reference date, age groups and drop-out intervals.</param>
    /// <returns>The report, its rows in deterministic order.</returns>
    public static CoverageReport Compute(ReportInput input, ReportOptions options)
    {
        Guard.Against.Null(input);
        Guard.Against.Null(options);
        Guard.Against.Null(input.Register);
        Guard.Against.Null(input.Doses);

        var units = new UnitTable();
        string period = options.Period ?? options.AsOf.ToString("yyyyMMdd", null);
        var ages = options.AgeGroups;

        // Person disaggregations: all, sex (3), ages, priority groups (sorted).
        var groups = input.Register.SelectMany(p => p.PriorityGroups).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new List<string> { "all", "sex:unknown", "sex:male", "sex:female" };
        int ageBase = labels.Count;
        labels.AddRange(ages.Select(a => "age:" + a.Label));
        int groupBase = labels.Count;
        foreach (var g in groups)
        {
            groupIndex[g] = labels.Count;
            labels.Add("group:" + g);
        }

        int d = labels.Count;
        var personOf = new Dictionary<string, int>(input.Register.Count, StringComparer.Ordinal);
        var unitOf = new (int Province, int Commune)[input.Register.Count];
        long duplicates = 0;
        for (int i = 0; i < input.Register.Count; i++)
        {
            var person = input.Register[i];
            if (!personOf.TryAdd(person.PersonId, i))
            {
                duplicates++;
                unitOf[i] = (-1, -1);
                continue;
            }

            unitOf[i] = units.Resolve(person.Residence);
        }

        // Doses: resolve units for records of unknown people first, so the unit table is complete before counting.
        var doseUnit = new int[input.Doses.Count * 2];
        long dosesOfUnknown = 0;
        var products = input.Doses.Select(x => x.Product).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var productIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < products.Length; i++)
        {
            productIndex[products[i]] = i + 1;
        }

        for (int i = 0; i < input.Doses.Count; i++)
        {
            var dose = input.Doses[i];
            (int P, int C) u;
            if (dose.PersonId is not null && personOf.TryGetValue(dose.PersonId, out int pi))
            {
                u = unitOf[pi];
            }
            else
            {
                if (dose.PersonId is not null)
                {
                    dosesOfUnknown++;
                }

                u = units.Resolve(dose.RecordCommune);
            }

            doseUnit[2 * i] = u.P;
            doseUnit[(2 * i) + 1] = u.C;
        }

        int unitCount = units.Units.Count;
        var people = new long[unitCount * d * PersonCounters];
        int dp = products.Length + 1;
        var doses = new long[unitCount * dp * 2];

        Dictionary<string, PersonStatus>? statuses = null;
        if (input.Statuses is { } list)
        {
            statuses = new Dictionary<string, PersonStatus>(list.Count, StringComparer.Ordinal);
            foreach (var s in list)
            {
                statuses[s.PersonId] = s;
            }
        }

        Span<int> cells = stackalloc int[4 + ages.Count + groups.Length];
        var asOf = options.AsOf;
        for (int i = 0; i < input.Register.Count; i++)
        {
            var (p, c) = unitOf[i];
            if (p < 0)
            {
                continue;
            }

            var person = input.Register[i];
            int n = 0;
            cells[n++] = 0;
            cells[n++] = 1 + (int)person.Sex switch { 1 => 1, 2 => 2, _ => 0 };
            int years = AgeInYears(person.BirthDate, asOf);
            for (int a = 0; a < ages.Count; a++)
            {
                if (ages[a].Contains(years))
                {
                    cells[n++] = ageBase + a;
                }
            }

            foreach (var g in person.PriorityGroups.Distinct(StringComparer.Ordinal))
            {
                cells[n++] = groupIndex[g];
            }

            PersonStatus? status = null;
            statuses?.TryGetValue(person.PersonId, out status);
            var st = status?.Status ?? VaccinationStatus.NotVaccinated;
            bool eligible = false, dropped = false;
            if (status?.FirstDose is LocalDate first)
            {
                int interval = status.FirstProduct is { } fp && options.DoseTwoIntervalDays.TryGetValue(fp, out int days)
                    ? days
                    : options.DefaultDoseTwoIntervalDays;
                eligible = first.PlusDays(interval + options.DropOutGraceDays) <= asOf;
                dropped = eligible && (status.SecondDose is not LocalDate second || second > asOf);
            }

            Add(people, UnitTable.National, d, cells[..n], st, eligible, dropped);
            Add(people, p, d, cells[..n], st, eligible, dropped);
            if (c != p)
            {
                Add(people, c, d, cells[..n], st, eligible, dropped);
            }
        }

        for (int i = 0; i < input.Doses.Count; i++)
        {
            var dose = input.Doses[i];
            if (dose.Date.WithCalendar(CalendarSystem.Iso) > asOf.WithCalendar(CalendarSystem.Iso))
            {
                continue; // dated after the reference date
            }

            int prod = productIndex[dose.Product];
            int p = doseUnit[2 * i], c = doseUnit[(2 * i) + 1];
            AddDose(doses, UnitTable.National, dp, prod, dose.IsValid);
            AddDose(doses, p, dp, prod, dose.IsValid);
            if (c != p)
            {
                AddDose(doses, c, dp, prod, dose.IsValid);
            }
        }

        var rows = new List<IndicatorRow>();
        var order = units.ReportOrder();

        // Counts: population and doses.
        foreach (int u in order)
        {
            var info = units.Units[u];
            for (int k = 0; k < d; k++)
            {
                long pop = people[Cell(u, k, d) + CPopulation];
                if (k == 0 || pop != 0)
                {
                    rows.Add(Row(Indicators.Population, info, period, labels[k], Figure.Count(pop)));
                }
            }
        }

        foreach (var (indicator, slot) in new[] { (Indicators.DosesEntered, 0), (Indicators.DosesValid, 1) })
        {
            foreach (int u in order)
            {
                var info = units.Units[u];
                long onePlus = people[Cell(u, 0, d) + COnePlus];
                for (int k = 0; k < dp; k++)
                {
                    long count = doses[(((u * dp) + k) * 2) + slot];
                    if (k != 0 && count == 0)
                    {
                        continue;
                    }

                    var extra = statuses is not null && k == 0 && slot == 1 && count < onePlus ? FigureFlags.DosesBelowPeople : FigureFlags.None;
                    rows.Add(Row(indicator, info, period, k == 0 ? "all" : "product:" + products[k - 1], Figure.Count(count, extra)));
                }
            }
        }

        if (statuses is not null)
        {
            var statusIndicators = new[]
            {
                (Indicators.PeopleOnePlus, COnePlus),
                (Indicators.PeoplePrimaryComplete, CPrimary),
                (Indicators.PeopleBoosted, CBoosted),
                (Indicators.PeopleSecondBooster, CSecond),
            };
            foreach (var (indicator, slot) in statusIndicators)
            {
                foreach (int u in order)
                {
                    var info = units.Units[u];
                    for (int k = 0; k < d; k++)
                    {
                        int cell = Cell(u, k, d);
                        long pop = people[cell + CPopulation];
                        if (k == 0 || pop != 0)
                        {
                            rows.Add(Row(indicator, info, period, labels[k], Figure.Proportion(people[cell + slot], pop)));
                        }
                    }
                }

                foreach (var outside in input.OutsideDenominators.OrderBy(o => o.UnitCode, StringComparer.Ordinal).ThenBy(o => o.AgeGroup, StringComparer.Ordinal).ThenBy(o => o.Source, StringComparer.Ordinal))
                {
                    int u = units.Find(outside.UnitCode);
                    string label = outside.AgeGroup == "all" ? "all" : "age:" + outside.AgeGroup;
                    int k = labels.IndexOf(label);
                    if (u < 0 || k < 0)
                    {
                        continue;
                    }

                    rows.Add(Row(indicator, units.Units[u], period, label + ";denominator:" + outside.Source, Figure.Proportion(people[Cell(u, k, d) + slot], outside.Population)));
                }
            }

            foreach (int u in order)
            {
                var info = units.Units[u];
                for (int k = 0; k < d; k++)
                {
                    int cell = Cell(u, k, d);
                    if (k == 0 || people[cell + CPopulation] != 0)
                    {
                        rows.Add(Row(Indicators.DropOutDose1To2, info, period, labels[k], Figure.Proportion(people[cell + CDropped], people[cell + CDropEligible])));
                    }
                }
            }
        }

        return new CoverageReport(rows, statuses is not null, personOf.Count, duplicates, dosesOfUnknown);
    }

    /// <summary>
    /// Completed years of age on a date, as Core's eligibility counts them (<see cref="AgeGroupScheme.AgeInYears"/>, so a
    /// person is in the same age group in a report as in their evaluation); -1 for a person born after the date.
    /// </summary>
    internal static int AgeInYears(LocalDate birth, LocalDate asOf) => asOf < birth ? -1 : AgeGroupScheme.AgeInYears(birth, asOf);

    private static int Cell(int unit, int k, int d) => ((unit * d) + k) * PersonCounters;

    private static void Add(long[] people, int unit, int d, ReadOnlySpan<int> cells, VaccinationStatus status, bool eligible, bool dropped)
    {
        foreach (int k in cells)
        {
            int cell = Cell(unit, k, d);
            people[cell + CPopulation]++;
            if (status >= VaccinationStatus.PartiallyVaccinated)
            {
                people[cell + COnePlus]++;
            }

            if (status >= VaccinationStatus.PrimarySeriesComplete)
            {
                people[cell + CPrimary]++;
            }

            if (status >= VaccinationStatus.Boosted)
            {
                people[cell + CBoosted]++;
            }

            if (status >= VaccinationStatus.SecondBooster)
            {
                people[cell + CSecond]++;
            }

            if (eligible)
            {
                people[cell + CDropEligible]++;
            }

            if (dropped)
            {
                people[cell + CDropped]++;
            }
        }
    }

    private static void AddDose(long[] doses, int unit, int dp, int product, bool valid)
    {
        int all = unit * dp * 2;
        int prod = ((unit * dp) + product) * 2;
        doses[all]++;
        doses[prod]++;
        if (valid)
        {
            doses[all + 1]++;
            doses[prod + 1]++;
        }
    }

    private static IndicatorRow Row(string indicator, UnitTable.UnitInfo unit, string period, string disaggregation, Figure figure) =>
        new(indicator, unit.Scheme, unit.Code, unit.Name, period, disaggregation, figure);
}
