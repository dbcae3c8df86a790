using FsCheck.Xunit;
using Immunization.Core.Identity;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Quality;
using Immunization.Reporting.Tests.Support;
using Immunization.Reporting.WorkLists;
using NodaTime;

namespace Immunization.Reporting.Tests;

/// <summary>
/// Register rows handed over with the doses (<see cref="DoseEntry.RegisterRow"/>): a correct row, a wrong one (another
/// person's, a later row repeating the id, out of range, negative) or none give the same report, which is also the
/// reference calculation's (that never reads the row).
/// </summary>
public sealed class RegisterRowTests
{
    private static readonly ReportOptions s_options = new() { AsOf = Sample.AsOf };

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(2, false)]
    public void RowsHandedOver_FirstRecordsOfEachRangeUnlinked_DecidedByTheFirstLinkedRecord(int parts, bool withRow)
    {
        // 1,000 records without a person (not found) start each range, then linked ones with or without their rows.
        var doses = Enumerable.Range(0, 4_000).Select(i => i % 2_000 < 1_000
            ? new DoseEntry("R" + i, null, VerificationOutcome.NotFound, Sample.AsOf, "pfizer", true)
            : new DoseEntry("R" + i, "P" + i, VerificationOutcome.Verified, Sample.AsOf, "pfizer", true) { RegisterRow = withRow ? i : null }).ToArray();

        Assert.Equal(withRow, ReportIndex.RowsHandedOver(doses, parts));
    }

    /// <summary>How the doses' rows are set.</summary>
    public enum Rows
    {
        /// <summary>No dose has a row.</summary>
        None,

        /// <summary>Every dose of a register person has its id's first row.</summary>
        Correct,

        /// <summary>Every dose with a person id has a wrong row.</summary>
        Wrong,

        /// <summary>Each dose at random: none, correct or wrong.</summary>
        Mixed,
    }

    [Property(MaxTest = 40)]
    public void Report_CorrectWrongOrNoRows_SameReport(int seed, bool shuffled)
    {
        var input = FastPathTests.Messy(seed, 1 + Math.Abs(seed % 500));
        var expected = Report(With(input, Rows.None, seed, shuffled));
        foreach (var rows in (Rows[])[Rows.Correct, Rows.Wrong, Rows.Mixed])
        {
            var changed = With(input, rows, seed, shuffled);
            Assert.Equal(expected, Report(changed));
            FastPathTests.AssertSame(changed);
        }
    }

    [Theory]
    [InlineData(Rows.Correct, false)]
    [InlineData(Rows.Correct, true)]
    [InlineData(Rows.Mixed, true)]
    [InlineData(Rows.Wrong, true)]
    public void Report_RowsOnTwoCores_SameAsReference(Rows rows, bool shuffled) =>
        FastPathTests.AssertSame(With(FastPathTests.Messy(7, 130_000), rows, 7, shuffled));

    [Theory]
    [InlineData(Rows.Correct, 1, 40)]
    [InlineData(Rows.Mixed, 4, 40)]
    [InlineData(Rows.Correct, 11, 25_000)]
    public void Report_ManyDosesPerPersonWithRows_SameAsReference(Rows rows, int seed, int people) =>
        // Repeats among up to 14 doses a person in random order (more pairs than a row keeps, dates that do not pack; seed 1
        // names more products than pack), found in the memory that held the packed ids; on two cores with 25,000 people.
        FastPathTests.AssertSame(With(FastPathTests.ManyDoses(seed, people), rows, seed, shuffled: false));

    [Fact]
    public void Report_RowOfAnotherPerson_DoseCountedForItsOwnPerson()
    {
        // Two people in different communes; A's dose says it is on B's row, B's dose on a row past the end.
        var places = Sample.Places();
        var register = TwoPeople("A");
        var date = Sample.AsOf.PlusDays(-10);
        DoseEntry[] wrong =
        [
            new("R1", "A", VerificationOutcome.Verified, date, "pfizer", true) { RegisterRow = 1 },
            new("R2", "A", VerificationOutcome.Verified, date.PlusDays(5), "pfizer", true) { RegisterRow = -5 },
            new("R3", "B", VerificationOutcome.Verified, date, "pfizer", true) { RegisterRow = 2 },
        ];
        DoseEntry[] none = [.. wrong.Select(d => d with { RegisterRow = null })];

        var withWrong = CoverageCalculator.Compute(new ReportInput { Register = register, Doses = wrong }, s_options);
        var withNone = CoverageCalculator.Compute(new ReportInput { Register = register, Doses = none }, s_options);

        Assert.Equal(withNone.Rows, withWrong.Rows);
        Assert.Equal(0, withWrong.DosesOfUnknownPeople);
        Assert.Equal(2, DosesIn(places[0].Code));
        Assert.Equal(1, DosesIn(places[1].Code));

        long DosesIn(string commune) => withWrong.Rows
            .Single(r => r.Indicator == Indicators.DosesEntered && r.UnitCode == commune && r.Disaggregation == "all").Figure.Numerator;
    }

    [Fact]
    public void Report_RowsHandedOverOutOfOrder_NoRepeatFromThePackedIdsMemory()
    {
        // The repeats reuse the memory that held the packed ids: row 0's id "113346" packs to a number whose low half is
        // the key of its dose (2021-06-01, the only product), so that memory left uncleared would call the dose a repeat.
        var register = TwoPeople("113346");
        var date = new LocalDate(2021, 6, 1);
        DoseEntry[] doses =
        [
            new("R1", "B", VerificationOutcome.Verified, date, "pfizer", true) { RegisterRow = 1 },
            new("R2", "113346", VerificationOutcome.Verified, date, "pfizer", true) { RegisterRow = 0 },
            new("R3", "113346", VerificationOutcome.Verified, date, "pfizer", true) { RegisterRow = 0 },
        ];
        var input = new ReportInput { Register = register, Doses = doses };

        var quality = DataQualityCalculator.Compute(input, s_options, CoverageCalculator.Compute(input, s_options));

        var repeats = quality.Single(r => r.Indicator == QualityIndicators.DuplicateDoses && r.UnitCode == "VN").Figure;
        Assert.Equal(1, repeats.Numerator);
        Assert.Equal(3, repeats.Denominator);
    }

    // A register of two people in different communes: a woman with the given id in the first place, B a man in the second.
    private static RegisterPerson[] TwoPeople(string firstId)
    {
        var places = Sample.Places();
        return
        [
            new(firstId, Sex.Female, new LocalDate(1980, 1, 1), places[0], []),
            new("B", Sex.Male, new LocalDate(1980, 1, 1), places[1], []),
        ];
    }

    // The doses with rows set as asked (shuffled with the seed when asked); the register and the rest unchanged.
    private static ReportInput With(ReportInput input, Rows rows, int seed, bool shuffled)
    {
        var register = input.Register;
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var later = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int row = 0; row < register.Count; row++)
        {
            if (!first.TryAdd(register[row].PersonId, row))
            {
                later.TryAdd(register[row].PersonId, row);
            }
        }

        var random = new Random(seed);
        var doses = input.Doses.Select(d => d with { RegisterRow = Row(d) }).ToArray();
        if (shuffled)
        {
            // The same order whatever the rows.
            new Random(seed).Shuffle(doses);
        }

        return new ReportInput { Register = register, Doses = doses, Statuses = input.Statuses, Tallies = input.Tallies };

        int? Row(DoseEntry dose)
        {
            var kind = rows == Rows.Mixed ? (Rows)random.Next(3) : rows;
            if (dose.PersonId is not { } id)
            {
                return kind == Rows.None ? null : random.Next(-2, register.Count + 2);
            }

            bool known = first.TryGetValue(id, out int right);
            return kind switch
            {
                Rows.None => null,
                Rows.Correct => known ? right : null,
                _ => random.Next(5) switch
                {
                    0 when later.TryGetValue(id, out int repeat) => repeat,
                    0 or 1 => random.Next(5) == 0 ? int.MinValue : register.Count + random.Next(3),
                    2 => -1 - random.Next(3),
                    _ => Other(known ? right : -1),
                },
            };
        }

        // A row of another person id, or past the end when every row has this id.
        int Other(int right)
        {
            for (int attempt = 0; attempt < 10; attempt++)
            {
                int row = random.Next(register.Count);
                if (row != right && (right < 0 || register[row].PersonId != register[right].PersonId))
                {
                    return row;
                }
            }

            return register.Count;
        }
    }

    // Everything the report says, as text: coverage rows and counts, data-quality rows, work lists.
    private static string Report(ReportInput input)
    {
        var coverage = CoverageCalculator.Compute(input, s_options);
        var quality = DataQualityCalculator.Compute(input, s_options, coverage);
        var lists = WorkListBuilder.Build(input.Register, input.Doses, Sample.AsOf, 3);
        return string.Join('\n', coverage.Rows.Select(r => r.ToString()))
            + $"\n{coverage.People} {coverage.DuplicatePersonIds} {coverage.DosesOfUnknownPeople} {coverage.StatusKnown}\n"
            + string.Join('\n', quality.Select(r => r.ToString()))
            + "\n" + string.Join('\n', lists.Select(l => $"{l.Id} {l.Due}: " + string.Join("; ", l.Items.Select(i => $"{i.RecordId}|{i.PersonId}|{i.Outcome}|{i.Reason}"))));
    }
}
