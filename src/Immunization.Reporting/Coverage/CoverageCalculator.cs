using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;
using Immunization.Core.Eligibility;
using Immunization.Core.Identity;
using NodaTime;

namespace Immunization.Reporting.Coverage;

/// <summary>Computes coverage figures from the register, the dose records and people's statuses.</summary>
public static class CoverageCalculator
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

        if (input.OutsideDenominators.Any(o => o is null))
        {
            throw new ArgumentException("An outside denominator is null.", nameof(input));
        }

        var index = ReportIndex.For(input.Register, input.Doses);
        var units = index.Units;
        string period = options.Period ?? options.AsOf.ToString("yyyyMMdd", null);
        var ages = options.AgeGroups;
        string[] products = index.Products;
        int unitCount = units.Units.Count;
        int dp = products.Length + 1;
        var doses = CountDoses(index, unitCount, dp, options.AsOf);

        // Statuses one per register row, in register order (as an evaluation of the register writes them): each row's status
        // is its own position, checked while counting; otherwise (or when a status is found out of place) each row's status
        // is looked up first.
        bool statusKnown = input.Statuses is not null;
        var counted = input.Statuses is { } list && index.DuplicatePersonIds == 0 && list.Count == index.Register.Length
            ? CountPeople(index, options, null, list)
            : null;
        counted ??= CountPeople(index, options, input.Statuses is { } all ? StatusRows(index, all) : null, input.Statuses)!;

        // Person disaggregations: all, sex (3), ages, priority groups (sorted).
        var groups = counted.SelectMany(c => c.Groups.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var labels = new List<string> { "all", "sex:unknown", "sex:male", "sex:female" };
        labels.AddRange(ages.Select(a => "age:" + a.Label));
        int groupBase = labels.Count;
        labels.AddRange(groups.Select(g => "group:" + g));
        int d = labels.Count;
        var people = RollUpPeople(index, counted, groups, groupBase, unitCount, d);
        var order = units.ReportOrder();

        // The rows, a section per indicator (each in report order), built on the cores and joined in order.
        var sections = new List<Action<List<IndicatorRow>>>();

        // A figure of people per unit and person disaggregation, from the cell of its counters: "all" always, any other
        // disaggregation where it has people.
        Action<List<IndicatorRow>> ByPeople(string indicator, Func<int, Figure> figure) => rows =>
        {
            foreach (int u in order)
            {
                var info = units.Units[u];
                for (int k = 0; k < d; k++)
                {
                    int cell = Cell(u, k, d);
                    if (k == 0 || people[cell + CPopulation] != 0)
                    {
                        rows.Add(Row(indicator, info, period, labels[k], figure(cell)));
                    }
                }
            }
        };

        // Counts: population and doses.
        sections.Add(ByPeople(Indicators.Population, cell => Figure.Count(people[cell + CPopulation])));

        foreach (var (indicator, slot) in new[] { (Indicators.DosesEntered, 0), (Indicators.DosesValid, 1) })
        {
            sections.Add(rows =>
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

                        var extra = statusKnown && k == 0 && slot == 1 && count < onePlus ? FigureFlags.DosesBelowPeople : FigureFlags.None;
                        rows.Add(Row(indicator, info, period, k == 0 ? "all" : "product:" + products[k - 1], Figure.Count(count, extra)));
                    }
                }
            });
        }

        if (statusKnown)
        {
            var statusIndicators = new[]
            {
                (Indicators.PeopleOnePlus, COnePlus),
                (Indicators.PeoplePrimaryComplete, CPrimary),
                (Indicators.PeopleBoosted, CBoosted),
                (Indicators.PeopleSecondBooster, CSecond),
            };
            var outsides = input.OutsideDenominators.OrderBy(o => o.UnitCode, StringComparer.Ordinal).ThenBy(o => o.AgeGroup, StringComparer.Ordinal).ThenBy(o => o.Source, StringComparer.Ordinal).ToArray();
            foreach (var (indicator, slot) in statusIndicators)
            {
                var byPeople = ByPeople(indicator, cell => Figure.Proportion(people[cell + slot], people[cell + CPopulation]));
                sections.Add(rows =>
                {
                    byPeople(rows);
                    foreach (var outside in outsides)
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
                });
            }

            sections.Add(ByPeople(Indicators.DropOutDose1To2, cell => Figure.Proportion(people[cell + CDropped], people[cell + CDropEligible])));
        }

        var built = new List<IndicatorRow>[sections.Count];
        Partitions.Run(sections.Count, sections.Count, (_, from, to) =>
        {
            for (int section = from; section < to; section++)
            {
                var rows = new List<IndicatorRow>();
                sections[section](rows);
                built[section] = rows;
            }
        });

        var joined = new List<IndicatorRow>(built.Sum(b => b.Count));
        foreach (var rows in built)
        {
            joined.AddRange(rows);
        }

        return new CoverageReport(joined, statusKnown, index.People, index.DuplicatePersonIds, index.DosesOfUnknownPeople, index);
    }

    /// <summary>
    /// Completed years of age on a date, as Core's eligibility counts them (<see cref="AgeGroupScheme.AgeInYears"/>, so a
    /// person is in the same age group in a report as in their evaluation); -1 for a person born after the date.
    /// </summary>
    internal static int AgeInYears(LocalDate birth, LocalDate asOf)
    {
        if (asOf < birth)
        {
            return -1;
        }

        return AgeGroupScheme.AgeInYears(birth, asOf);
    }

    private static int Cell(int unit, int k, int d) => ((unit * d) + k) * PersonCounters;

    // A person's class: status level (0–4, the thresholds passed) × drop-out state (0 not eligible, 1 eligible, 2 dropped).
    internal const int Classes = 15;

    /// <summary>
    /// Doses entered and valid per (unit, product slot), product slot 0 for all products; counted per cell on each core. A
    /// dose dated after the reference date is not counted (its date is read only when the index's latest date is later).
    /// </summary>
    private static long[] CountDoses(ReportIndex index, int unitCount, int dp, LocalDate asOf)
    {
        int m = index.Doses.Length, leaves = index.LeafCount, np = index.Products.Length, bits = index.ProductBits;
        int parts = Partitions.For(m);
        var local = new int[parts][];
        bool someAfter = index.AnyDoseAfter(asOf);
        int asOfKey = IsoDateKey.Of(asOf);
        Partitions.Run(m, parts, (part, from, to) =>
        {
            var counts = new int[(leaves << bits) * 2];
            var cell = index.DoseCell;
            var flags = index.DoseFlags;
            var records = index.Doses;
            for (int i = from; i < to; i++)
            {
                if (someAfter && IsoDateKey.After(records[i].Date, asOf, asOfKey))
                {
                    continue;
                }

                int at = cell[i] * 2;
                counts[at]++;
                counts[at + 1] += flags[i] >> 7;
            }

            local[part] = counts;
        });

        var doses = new long[unitCount * dp * 2];
        for (int l = 0; l < leaves; l++)
        {
            int p = index.LeafProvince[l], c = index.LeafCommune[l];
            for (int k = 0; k < np; k++)
            {
                long entered = 0, valid = 0;
                int at = ((l << bits) + k) * 2;
                foreach (var counts in local)
                {
                    entered += counts[at];
                    valid += counts[at + 1];
                }

                AddDoses(doses, UnitTable.National, dp, k + 1, entered, valid);
                AddDoses(doses, p, dp, k + 1, entered, valid);
                if (c != p)
                {
                    AddDoses(doses, c, dp, k + 1, entered, valid);
                }
            }
        }

        return doses;
    }

    private static void AddDoses(long[] doses, int unit, int dp, int product, long entered, long valid)
    {
        int all = unit * dp * 2;
        int prod = ((unit * dp) + product) * 2;
        doses[all] += entered;
        doses[prod] += entered;
        doses[all + 1] += valid;
        doses[prod + 1] += valid;
    }

    /// <summary>Each register row's status (an index into the statuses; the last status of a person id wins), or -1.</summary>
    private static int[] StatusRows(ReportIndex index, IReadOnlyList<PersonStatus> statuses)
    {
        var register = index.Register;
        var statusOf = LargeArrays.Uninitialized<int>(register.Length);
        Array.Fill(statusOf, -1);
        int count = statuses.Count;
        Partitions.Run(count, Partitions.For(count), (_, from, to) =>
        {
            for (int j = from; j < to; j++)
            {
                string id = statuses[j]?.PersonId ?? throw NoStatus(j);

                // Statuses usually come in register order: then the row is the status's own position.
                int row = j < register.Length && index.PersonLeaf[j] >= 0 && string.Equals(register[j].PersonId, id, StringComparison.Ordinal)
                    ? j
                    : index.FindPerson(id);
                if (row < 0)
                {
                    continue;
                }

                int seen = Volatile.Read(ref statusOf[row]);
                while (seen < j)
                {
                    int was = Interlocked.CompareExchange(ref statusOf[row], j, seen);
                    if (was == seen)
                    {
                        break;
                    }

                    seen = was;
                }
            }
        });

        return statusOf;
    }

    /// <summary>
    /// People per leaf, disaggregation and class, counted on each core over a contiguous range of the register; each row's
    /// status from <paramref name="statusOf"/>, or, when that is <see langword="null"/> and <paramref name="statuses"/> is
    /// not, the status at the row's own position, whose person id is checked: <see langword="null"/> when one is not the row's.
    /// </summary>
    private static PeopleCounts[]? CountPeople(ReportIndex index, ReportOptions options, int[]? statusOf, IReadOnlyList<PersonStatus>? statuses)
    {
        bool aligned = statusOf is null && statuses is not null;
        int misplaced = 0;
        var register = index.Register;
        int n = register.Length, leaves = index.LeafCount;
        var ages = options.AgeGroups;
        int dBase = 4 + ages.Count;
        var asOf = options.AsOf;
        int asOfKey = IsoDateKey.Of(asOf);

        // The age cells of each age in years from -1 to 150, computed once.
        const int MaxTabled = 150;
        var ageCells = new int[MaxTabled + 2][];
        for (int years = -1; years <= MaxTabled; years++)
        {
            ageCells[years + 1] = AgeCells(ages, years);
        }

        // The distinct sets of age groups among those ages: a person is counted once, in one cell per (leaf, sex, set of
        // age groups, class), and each core spreads its cells over the disaggregations at the end (one counter touched
        // per person instead of one per disaggregation). Ages past the table are counted in the disaggregations directly.
        var sets = new List<int[]>();
        var setOf = new int[MaxTabled + 2];
        for (int y = 0; y < ageCells.Length; y++)
        {
            int found = sets.FindIndex(set => set.AsSpan().SequenceEqual(ageCells[y]));
            if (found < 0)
            {
                found = sets.Count;
                sets.Add(ageCells[y]);
            }

            setOf[y] = found;
        }

        int setCount = sets.Count;
        int combos = 3 * setCount;

        // One set of counters per core (megabytes each), the rows taken in chunks.
        int workers = Partitions.Cores(n);
        var result = new PeopleCounts[workers];
        Partitions.RunChunked(n, workers, (worker, chunks) =>
        {
            var counts = new PeopleCounts(leaves * dBase * Classes);

            // One byte per combined cell (under a megabyte for thousands of communes, so the counters stay in a core's
            // cache while people come in no order of place); each 256 carried into a dictionary, which few cells reach.
            var combined = new byte[leaves * combos * Classes];
            Dictionary<int, int>? carried = null;

            // A first dose on or before the product's threshold (the reference date less its interval and the grace) has
            // passed the interval and the grace, as first + interval + grace <= reference date says; the threshold of the
            // default interval computed once, the last product's kept, and those of the first few products met (each as
            // product, days of interval and grace, date and key).
            int grace = options.DropOutGraceDays;
            var byDefault = Threshold(asOf, null, options.DefaultDoseTwoIntervalDays + grace);
            var last = byDefault;
            var cachedThresholds = new (string? Product, int Days, LocalDate Date, int Key)[8];
            int cached = 0;
            Span<int> seenGroups = stackalloc int[8];
            bool stop = false;
            while (!stop && chunks.TryTake(out int from, out int to))
            {
                for (int i = from; i < to; i++)
                {
                    int leaf = index.PersonLeaf[i];
                    if (leaf < 0)
                    {
                        continue;
                    }

                    var person = register[i];
                    int cls = 0;
                    PersonStatus? status = null;
                    if (aligned)
                    {
                        status = statuses![i] ?? throw NoStatus(i);
                        if (!string.Equals(status.PersonId, person.PersonId, StringComparison.Ordinal) || ((i & 0xFFF) == 0 && Volatile.Read(ref misplaced) != 0))
                        {
                            Volatile.Write(ref misplaced, 1);
                            stop = true;
                            break;
                        }
                    }
                    else if (statusOf is not null && statusOf[i] >= 0)
                    {
                        status = statuses![statusOf[i]];
                    }

                    if (status is not null)
                    {
                        var st = status.Status;
                        int level = st >= VaccinationStatus.SecondBooster ? 4
                            : st >= VaccinationStatus.Boosted ? 3
                            : st >= VaccinationStatus.PrimarySeriesComplete ? 2
                            : st >= VaccinationStatus.PartiallyVaccinated ? 1
                            : 0;
                        int dropOut = 0;
                        if (status.FirstDose is LocalDate first)
                        {
                            if (status.FirstProduct is { } fp && !string.Equals(fp, last.Product, StringComparison.Ordinal))
                            {
                                int c = 0;
                                while (c < cached && !string.Equals(cachedThresholds[c].Product, fp, StringComparison.Ordinal))
                                {
                                    c++;
                                }

                                last = c < cached ? cachedThresholds[c]
                                    : Threshold(asOf, fp, (options.DoseTwoIntervalDays.TryGetValue(fp, out int interval) ? interval : options.DefaultDoseTwoIntervalDays) + grace);
                                if (c == cached && cached < cachedThresholds.Length)
                                {
                                    cachedThresholds[cached++] = last;
                                }
                            }

                            var (_, days, threshold, thresholdKey) = status.FirstProduct is null ? byDefault : last;

                            // (A first dose in the reference date's calendar; in the year 9999, adding the days is tried so
                            // that a date past the end of time fails as it did.)
                            // (Dates of the ISO calendar compared as keys; any other as dates, which fail as they did.)
                            bool passed = IsoDateKey.Compare(first, IsoDateKey.Of(first), threshold, thresholdKey) <= 0;
                            bool eligible = passed || (first.Year >= 9999 && first.PlusDays(days) <= asOf);
                            bool dropped = eligible && (status.SecondDose is not LocalDate second || IsoDateKey.Compare(second, IsoDateKey.Of(second), asOf, asOfKey) > 0);
                            dropOut = dropped ? 2 : eligible ? 1 : 0;
                        }

                        cls = (level * 3) + dropOut;
                    }

                    int sex = (int)person.Sex switch { 1 => 1, 2 => 2, _ => 0 };
                    var birth = person.BirthDate;
                    int years = IsoDateKey.AgeInYears(IsoDateKey.Of(birth), asOfKey) ?? AgeInYears(birth, asOf);
                    if (years <= MaxTabled)
                    {
                        int cell = ((((leaf * combos) + (sex * setCount) + setOf[years + 1])) * Classes) + cls;
                        byte count = unchecked((byte)(combined[cell] + 1));
                        combined[cell] = count;
                        if (count == 0)
                        {
                            carried ??= [];
                            carried[cell] = carried.GetValueOrDefault(cell) + 256;
                        }
                    }
                    else
                    {
                        int baseCell = leaf * dBase;
                        var cells = counts.Base;
                        cells[(baseCell * Classes) + cls]++;
                        cells[((baseCell + 1 + sex) * Classes) + cls]++;
                        foreach (int a in AgeCells(ages, years))
                        {
                            cells[((baseCell + 4 + a) * Classes) + cls]++;
                        }
                    }

                    var groups = person.PriorityGroups ?? throw new ArgumentException($"Register row {i} has null PriorityGroups.", "input");
                    int groupCount = groups.Count;
                    if (groupCount > seenGroups.Length)
                    {
                        seenGroups = new int[groupCount];
                    }

                    for (int g = 0; g < groupCount; g++)
                    {
                        // A group named twice for one person counts once (a person has a few groups: compared one by one,
                        // not through the runtime's vectorised search, which a first report would run unoptimized).
                        int number = counts.Group(groups[g], leaves);
                        seenGroups[g] = number;
                        int earlier = 0;
                        while (earlier < g && seenGroups[earlier] != number)
                        {
                            earlier++;
                        }

                        if (earlier < g)
                        {
                            continue;
                        }

                        counts.GroupCells[number][(leaf * Classes) + cls]++;
                    }
                }
            }

            // The combined cells spread over all, sex and each age group of the set.
            var spread = counts.Base;
            for (int leaf = 0; leaf < leaves; leaf++)
            {
                for (int combo = 0; combo < combos; combo++)
                {
                    int at = ((leaf * combos) + combo) * Classes;
                    int sex = combo / setCount;
                    var set = sets[combo % setCount];
                    for (int cls = 0; cls < Classes; cls++)
                    {
                        int count = combined[at + cls] + (carried is null ? 0 : carried.GetValueOrDefault(at + cls));
                        if (count == 0)
                        {
                            continue;
                        }

                        int baseCell = leaf * dBase;
                        spread[(baseCell * Classes) + cls] += count;
                        spread[((baseCell + 1 + sex) * Classes) + cls] += count;
                        foreach (int a in set)
                        {
                            spread[((baseCell + 4 + a) * Classes) + cls] += count;
                        }
                    }
                }
            }

            result[worker] = counts;
        });

        return misplaced != 0 ? null : result;
    }

    // The drop-out threshold of a first dose's product: the reference date less the interval and the grace, and its key.
    private static (string? Product, int Days, LocalDate Date, int Key) Threshold(LocalDate asOf, string? product, int days)
    {
        var date = asOf.PlusDays(-days);
        return (product, days, date, IsoDateKey.Of(date));
    }

    // A status the report cannot read (a caller broke the types' promises), named by its position only.
    private static ArgumentException NoStatus(int position) =>
        new($"Status {position} is null or has a null PersonId.", "input");

    private static int[] AgeCells(IReadOnlyList<AgeGroup> ages, int years)
    {
        var cells = new List<int>();
        for (int a = 0; a < ages.Count; a++)
        {
            if (ages[a].Contains(years))
            {
                cells.Add(a);
            }
        }

        return [.. cells];
    }

    /// <summary>The people counters per (unit, disaggregation), rolled up from the leaves to their province and the country.</summary>
    /// <remarks>Compiled optimized at its first call, with <see cref="AddPeople"/> (called for every leaf, disaggregation and unit).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long[] RollUpPeople(ReportIndex index, PeopleCounts[] counted, string[] groups, int groupBase, int unitCount, int d)
    {
        int leaves = index.LeafCount, dBase = groupBase;
        var people = new long[unitCount * d * PersonCounters];
        Span<long> classes = stackalloc long[Classes];
        for (int l = 0; l < leaves; l++)
        {
            int p = index.LeafProvince[l], c = index.LeafCommune[l];
            for (int k = 0; k < d; k++)
            {
                classes.Clear();
                foreach (var part in counted)
                {
                    int[]? cells = null;
                    int at = 0;
                    if (k < dBase)
                    {
                        cells = part.Base;
                        at = ((l * dBase) + k) * Classes;
                    }
                    else if (part.Groups.TryGetValue(groups[k - dBase], out int number))
                    {
                        cells = part.GroupCells[number];
                        at = l * Classes;
                    }

                    if (cells is null)
                    {
                        continue;
                    }

                    for (int cls = 0; cls < Classes; cls++)
                    {
                        classes[cls] += cells[at + cls];
                    }
                }

                AddPeople(people, UnitTable.National, k, d, classes);
                AddPeople(people, p, k, d, classes);
                if (c != p)
                {
                    AddPeople(people, c, k, d, classes);
                }
            }
        }

        return people;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddPeople(long[] people, int unit, int k, int d, ReadOnlySpan<long> classes)
    {
        int cell = Cell(unit, k, d);
        for (int cls = 0; cls < Classes; cls++)
        {
            long n = classes[cls];
            if (n == 0)
            {
                continue;
            }

            int level = cls / 3, dropOut = cls % 3;
            people[cell + CPopulation] += n;
            people[cell + COnePlus] += level >= 1 ? n : 0;
            people[cell + CPrimary] += level >= 2 ? n : 0;
            people[cell + CBoosted] += level >= 3 ? n : 0;
            people[cell + CSecond] += level >= 4 ? n : 0;
            people[cell + CDropEligible] += dropOut >= 1 ? n : 0;
            people[cell + CDropped] += dropOut == 2 ? n : 0;
        }
    }

    private static IndicatorRow Row(string indicator, UnitTable.UnitInfo unit, string period, string disaggregation, Figure figure) =>
        new(indicator, unit.Scheme, unit.Code, unit.Name, period, disaggregation, figure);
}
