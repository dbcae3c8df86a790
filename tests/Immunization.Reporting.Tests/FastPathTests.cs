using System.Collections.Immutable;
using FsCheck.Xunit;
using Immunization.Core.Eligibility;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Quality;
using Immunization.Reporting.Tests.Support;
using Immunization.Reporting.WorkLists;
using NodaTime;

namespace Immunization.Reporting.Tests;

/// <summary>
/// The flat-array report (issue 12's benchmark) against the calculation it replaced (<see cref="ReferenceCoverageCalculator"/>,
/// <see cref="ReferenceDataQualityCalculator"/>, <see cref="ReferenceWorkListBuilder"/>) on messy generated inputs:
/// repeated person ids, statuses out of order, repeated and for unknown people, doses of unknown people, repeated doses,
/// 29 February birthdays, people born after the reference date, unknown residences, outcomes and identity states out of
/// range, unsorted and repeated record ids.
/// </summary>
public sealed class FastPathTests
{
    private static readonly ReportOptions s_options = new()
    {
        AsOf = Sample.AsOf,
        DoseTwoIntervalDays = new Dictionary<string, int>(StringComparer.Ordinal) { ["pfizer"] = 21, ["moderna"] = 28 },
    };

    [Property(MaxTest = 30)]
    public void Report_SmallMessyInput_SameAsReference(int seed) => AssertSame(Messy(seed, 1 + (Math.Abs(seed % 400))));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Report_InputLargeEnoughForTwoCores_SameAsReference(int seed) => AssertSame(Messy(seed, 130_000));

    [Theory]
    [InlineData(3, 400)]
    [InlineData(4, 130_000)]
    public void Report_DosesInRandomOrder_SameAsReference(int seed, int people)
    {
        // The messy doses come person by person; shuffled, the index cannot take each person's doses as together.
        var input = Messy(seed, people);
        var doses = input.Doses.ToArray();
        new Random(seed).Shuffle(doses);
        AssertSame(new ReportInput { Register = input.Register, Doses = doses, Statuses = input.Statuses, Tallies = input.Tallies });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Report_SameDayInAnotherCalendar_NotADuplicateDose(bool shuffled)
    {
        // 1 October 2021 in the ISO and in the Julian calendar are different days with the same year, month and day.
        var input = Messy(5, 300);
        var iso = new LocalDate(2021, 10, 1);
        var julian = new LocalDate(2021, 10, 1, CalendarSystem.Julian);
        var registered = input.Register.Select(p => p.PersonId).ToHashSet(StringComparer.Ordinal);
        var doses = input.Doses.ToList();
        int at = doses.FindIndex(d => d.PersonId is { } id && registered.Contains(id));
        var template = doses[at];

        // Next to the person's own doses (person by person), or with the whole list reversed (not).
        doses.InsertRange(at + 1, [template with { RecordId = "C1", Date = iso }, template with { RecordId = "C2", Date = julian }, template with { RecordId = "C3", Date = iso }]);
        if (shuffled)
        {
            doses.Reverse();
        }

        var options = new ReportOptions { AsOf = Sample.AsOf };
        long all = Duplicates(doses), withoutJulian = Duplicates([.. doses.Where(d => d.RecordId != "C2")]);
        Assert.Equal(withoutJulian, all);
        Assert.Equal(withoutJulian - 1, Duplicates([.. doses.Where(d => d.RecordId is not ("C2" or "C3"))]));

        long Duplicates(List<DoseEntry> list)
        {
            var changed = new ReportInput { Register = input.Register, Doses = list, Statuses = input.Statuses };
            AssertSame(changed);
            return DataQualityCalculator.Compute(changed, options, CoverageCalculator.Compute(changed, options))
                .Single(r => r.Indicator == QualityIndicators.DuplicateDoses && r.UnitCode == "VN").Figure.Numerator;
        }
    }

    [Fact]
    public void Report_WithoutStatuses_SameAsReference()
    {
        var input = Messy(7, 3_000);
        AssertSame(new ReportInput { Register = input.Register, Doses = input.Doses, Tallies = input.Tallies });
    }

    [Fact]
    public void Report_DoseListChangedBetweenReports_ReportsTheChangedList()
    {
        var input = Messy(11, 2_000);
        var doses = input.Doses.ToList();
        var changing = new ReportInput { Register = input.Register, Doses = doses, Statuses = input.Statuses };
        _ = CoverageCalculator.Compute(changing, s_options);

        doses[0] = doses[0] with { Outcome = VerificationOutcome.NotFound, PersonId = null, Product = "novavax" };
        doses.RemoveAt(doses.Count - 1);

        AssertSame(changing);
    }

    [Theory]
    [InlineData(12, 300, false)]
    [InlineData(13, 60_000, false)]
    [InlineData(14, 60_000, true)]
    public void Report_StatusesOnePerRowInRegisterOrder_SameAsReference(int seed, int people, bool oneOutOfPlace)
    {
        // No repeated person id and one status per row in register order: each row's status is taken from its own
        // position; one status out of place near the end makes the report look them up after all.
        var input = Messy(seed, people);
        var register = input.Register.DistinctBy(p => p.PersonId, StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        var statuses = register.Select(p => new PersonStatus(p.PersonId, (VaccinationStatus)random.Next(5), Sample.AsOf.PlusDays(-random.Next(1, 200)), null, "pfizer")).ToList();
        if (oneOutOfPlace)
        {
            (statuses[^1], statuses[^3]) = (statuses[^3], statuses[^1]);
        }

        AssertSame(new ReportInput { Register = register, Doses = input.Doses, Statuses = statuses, Tallies = input.Tallies });
    }

    [Theory]
    [InlineData(16, 300, false, false)]
    [InlineData(17, 130_000, false, false)]
    [InlineData(18, 130_000, true, false)]
    [InlineData(19, 130_000, false, true)]
    public void Report_RegisterSortedById_SameAsReference(int seed, int people, bool shuffled, bool padded)
    {
        // A register sorted by id (ids rising in ordinal order, none repeated), the records following it in another
        // order, in none, or (the numbers padded) in its own order.
        var input = Messy(seed, people);
        string Pad(string? id) => padded && id is ['P', .. var digits] ? "P" + int.Parse(digits, null).ToString("D7", null) : id!;
        if (padded)
        {
            input = new ReportInput
            {
                Register = [.. input.Register.Select(p => p with { PersonId = Pad(p.PersonId) })],
                Doses = [.. input.Doses.Select(d => d.PersonId is null ? d : d with { PersonId = Pad(d.PersonId) })],
                Statuses = [.. input.Statuses!.Select(s => s with { PersonId = Pad(s.PersonId) })],
                Tallies = input.Tallies,
            };
        }

        var register = input.Register.DistinctBy(p => p.PersonId, StringComparer.Ordinal).OrderBy(p => p.PersonId, StringComparer.Ordinal).ToArray();
        var doses = input.Doses.ToArray();
        if (shuffled)
        {
            new Random(seed).Shuffle(doses);
        }

        AssertSame(new ReportInput { Register = register, Doses = doses, Statuses = input.Statuses, Tallies = input.Tallies });
    }

    [Fact]
    public void Report_ImmutableArrays_SameAsReference()
    {
        // Immutable arrays are indexed without a copy; the report over them is the report over the same lists.
        var input = Messy(15, 5_000);
        AssertSame(new ReportInput
        {
            Register = [.. input.Register],
            Doses = ImmutableArray.CreateRange(input.Doses),
            Statuses = ImmutableArray.CreateRange(input.Statuses!),
            Tallies = input.Tallies,
        });
    }

    [Fact]
    public void Report_RepeatedDosesAcrossTheCoresRanges_SameAsReference()
    {
        // Person by person, one person's repeated doses straddle the middle of the records, where the index splits them
        // between two cores (from 100,000 records on): the repeats on the far side are found too.
        var places = Sample.Places();
        var register = Enumerable.Range(0, 60_000).Select(i => new RegisterPerson("P" + i, Sex.Female, new LocalDate(1980, 1, 1), places[i % places.Length], [])).ToArray();
        var doses = new List<DoseEntry>();
        foreach (var person in register)
        {
            int copies = person.PersonId == "P30000" ? 9 : 2;
            for (int k = 0; k < copies; k++)
            {
                // The person in the middle: doses 0, 3, 6 on one day, the others on two more days, one product.
                var date = person.PersonId == "P30000" ? Sample.AsOf.PlusDays(-(k % 3)) : Sample.AsOf.PlusDays(-k * 30);
                doses.Add(new DoseEntry("R" + doses.Count, person.PersonId, VerificationOutcome.Verified, date, "pfizer", true));
            }
        }

        int middle = doses.FindIndex(d => d.PersonId == "P30000");
        Assert.InRange(doses.Count / 2, middle + 1, middle + 8);
        var input = new ReportInput { Register = register, Doses = ImmutableArray.CreateRange(doses) };
        AssertSame(input);
        var quality = DataQualityCalculator.Compute(input, s_options, CoverageCalculator.Compute(input, s_options));
        Assert.Equal(6, quality.Single(r => r.Indicator == QualityIndicators.DuplicateDoses && r.UnitCode == "VN").Figure.Numerator);
    }

    [Fact]
    public void Report_ThousandsOfPeopleAlike_SameAsReference()
    {
        // One commune, one sex, one age, one status: 40,000 people in one counter of one core (whose counters hold
        // 255 and carry each 256), across both cores' chunks, and a few others elsewhere.
        var places = Sample.Places();
        var first = Sample.AsOf.PlusDays(-60);
        var register = Enumerable.Range(0, 40_100)
            .Select(i => new RegisterPerson("P" + i, Sex.Male, new LocalDate(1980, 5, 5), places[i < 40_000 ? 0 : i % places.Length], i % 3 == 0 ? ["1"] : []))
            .ToArray();
        var statuses = register.Select(p => new PersonStatus(p.PersonId, VaccinationStatus.PrimarySeriesComplete, first, first.PlusDays(28), "pfizer")).ToArray();
        var input = new ReportInput { Register = register, Doses = [], Statuses = statuses };
        AssertSame(input);
        var report = CoverageCalculator.Compute(input, s_options);
        Assert.Equal(40_100, report.Rows.Single(r => r.Indicator == Indicators.PeoplePrimaryComplete && r.UnitCode == "VN" && r.Disaggregation == "all").Figure.Numerator);
    }

    [Property(MaxTest = 60)]
    public void Report_ManyDosesPerPersonInRandomOrder_SameAsReference(int seed) => AssertSame(ManyDoses(seed, 1 + new Random(seed).Next(60)));

    [Fact]
    public void Report_ManyDosesPerPersonInRandomOrderOnTwoCores_SameAsReference() => AssertSame(ManyDoses(11, 25_000));

    internal static ReportInput ManyDoses(int seed, int people)
    {
        // Up to 14 doses a person, in random order, from a few (date, product) pairs: rows with more distinct pairs than
        // the index keeps per row, dates it does not pack (before 1800, after 2311, other calendars), dates 256 years
        // apart (which a packing one bit short would confuse) and, in some runs, more products than it packs (every pair
        // compared exactly then). With 25,000 people, over 100,000 records: the rows are split between two cores.
        var random = new Random(seed);
        var places = Sample.Places();
        var register = Enumerable.Range(0, people).Select(i => new RegisterPerson("P" + i, Sex.Male, new LocalDate(1970, 1, 1), places[i % places.Length], [])).ToArray();
        LocalDate[] dates =
        [
            new(2021, 10, 1), new(2021, 10, 2), new(2022, 1, 1), new(1799, 12, 31), new(2312, 1, 1),
            new(2021, 10, 1, CalendarSystem.Julian), new(2021, 10, 1, CalendarSystem.Coptic), new(1800, 1, 1), new(2311, 12, 31), new(1810, 10, 1), new(2066, 10, 1),
        ];
        string[] products = random.Next(4) == 0 ? [.. Enumerable.Range(0, 20_000).Select(p => "product" + p)] : ["pfizer", "moderna", "astrazeneca"];
        var doses = new List<DoseEntry>();
        foreach (var person in register)
        {
            for (int k = random.Next(15); k > 0; k--)
            {
                doses.Add(new DoseEntry("R" + doses.Count, person.PersonId, VerificationOutcome.Verified, dates[random.Next(dates.Length)], products[random.Next(Math.Min(products.Length, 4))], true));
            }
        }

        // Every product named at least once, so that the index numbers them all.
        doses.AddRange(products.Select((p, k) => new DoseEntry("S" + k, null, VerificationOutcome.NotFound, dates[0], p, true)));
        var shuffled = doses.ToArray();
        random.Shuffle(shuffled);
        return new ReportInput { Register = register, Doses = shuffled };
    }

    internal static void AssertSame(ReportInput input)
    {
        var expected = ReferenceCoverageCalculator.Compute(input, s_options);
        var actual = CoverageCalculator.Compute(input, s_options);
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal((expected.People, expected.DuplicatePersonIds, expected.DosesOfUnknownPeople, expected.StatusKnown), (actual.People, actual.DuplicatePersonIds, actual.DosesOfUnknownPeople, actual.StatusKnown));

        Assert.Equal(ReferenceDataQualityCalculator.Compute(input, s_options, expected), DataQualityCalculator.Compute(input, s_options, actual));

        var expectedLists = ReferenceWorkListBuilder.Build(input.Register, input.Doses, Sample.AsOf, 3);
        var actualLists = WorkListBuilder.Build(input.Register, input.Doses, Sample.AsOf, 3);
        Assert.Equal(expectedLists.Select(Describe), actualLists.Select(Describe));
    }

    private static string Describe(WorkList list) =>
        $"{list.Id} {list.CommuneName} {list.Due}: " + string.Join("; ", list.Items.Select(i =>
            $"{i.RecordId}|{i.PersonId}|{i.Outcome}|{string.Join(',', i.DifferingFields)}|{i.Reason}"));

    internal static ReportInput Messy(int seed, int people)
    {
        var random = new Random(seed);
        var places = Sample.Places();
        string[] groups = ["health_worker", "elderly", "chronic", "4", "10"];
        string[] products = ["pfizer", "moderna", "astrazeneca", "sinopharm"];
        var register = new List<RegisterPerson>();
        for (int i = 0; i < people; i++)
        {
            // One id in 50 repeats an earlier one (the first row counts).
            string id = i > 0 && random.Next(50) == 0 ? register[random.Next(register.Count)].PersonId : "P" + i;
            var birth = random.Next(100) == 0 ? new LocalDate(1960 + (4 * random.Next(15)), 2, 29) : Sample.AsOf.PlusDays(-random.Next(-30, 95 * 365));
            var g = random.Next(200) == 0
                ? Enumerable.Range(0, 10).Select(_ => groups[random.Next(groups.Length)]).ToArray()
                : groups.Where(_ => random.Next(5) == 0).ToArray();
            register.Add(new RegisterPerson(id, (Sex)random.Next(3), birth, places[random.Next(places.Length)], g));
        }

        var statuses = new List<PersonStatus>();
        var doses = new List<DoseEntry>();
        for (int i = 0; i < people; i++)
        {
            var status = (VaccinationStatus)random.Next(5);
            LocalDate? first = status == VaccinationStatus.NotVaccinated && random.Next(3) > 0 ? null : Sample.AsOf.PlusDays(-random.Next(-5, 200));
            LocalDate? second = status >= VaccinationStatus.PrimarySeriesComplete && first is { } f ? f.PlusDays(random.Next(14, 60)) : null;
            string product = new string(products[random.Next(products.Length)].AsSpan()); // a new string each time
            string id = random.Next(100) == 0 ? "X" + i : "P" + i;
            if (random.Next(20) > 0)
            {
                statuses.Add(new PersonStatus(id, status, first, second, random.Next(10) == 0 ? null : product));
            }

            for (int k = 0; k < Math.Max(1, (int)status); k++)
            {
                var outcome = (VerificationOutcome)(random.Next(60) == 0 ? 9 : random.Next(1, 6));
                string? person = random.Next(8) switch
                {
                    0 => null,
                    1 => "U" + random.Next(people / 10 + 1),
                    _ => "P" + i,
                };
                var date = random.Next(15) == 0 && first is { } d0 ? d0 : Sample.AsOf.PlusDays(-random.Next(1, 400));
                DoseEntry[] copies = random.Next(30) == 0 ? [Dose(), Dose()] : [Dose()];
                doses.AddRange(copies);

                DoseEntry Dose() => new("R" + random.Next(people * 3), person, outcome, date, random.Next(5) == 0 ? product : products[random.Next(products.Length)], random.Next(10) > 0)
                {
                    Differences = random.Next(3) == 0 ? [new(IdentityField.Residence, DifferenceKind.Different), new(IdentityField.FullName, DifferenceKind.Similar), new(IdentityField.FullName, DifferenceKind.MiddleName)] : [new(IdentityField.Phone, DifferenceKind.Missing)],
                    AmbiguityReason = random.Next(2) == 0 ? AmbiguityReason.Tie : null,
                    RecordCommune = places[random.Next(places.Length)],
                    IdentityNumber = (IdentityNumberState)random.Next(4),
                };
            }
        }

        // Statuses out of register order, and one person's status given twice (the last counts).
        for (int i = statuses.Count - 1; i > 0; i--)
        {
            if (random.Next(10) == 0)
            {
                int j = random.Next(i + 1);
                (statuses[i], statuses[j]) = (statuses[j], statuses[i]);
            }
        }

        if (statuses.Count > 0)
        {
            statuses.Add(statuses[0] with { Status = VaccinationStatus.SecondBooster });
        }

        var tallies = new List<DoseTally> { new("site-1", Sample.AsOf.PlusDays(-3), 5) };
        return new ReportInput { Register = register, Doses = doses, Statuses = statuses, Tallies = tallies };
    }
}
