using FsCheck.Xunit;
using Immunization.Core.Places;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Quality;
using Immunization.Reporting.Tests.Support;
using NodaTime;

namespace Immunization.Reporting.Tests;

/// <summary>
/// Doses that do not come person by person are put in person order once by the index (<see cref="ReportIndex.Order"/>):
/// in any order the report equals the reference calculation's and, where the figures do not depend on record order, the
/// report of the same doses grouped by person; the index's per-dose arrays are those of the same doses grouped by person,
/// each dose's values at its own position.
/// </summary>
public sealed class PersonOrderTests
{
    private static readonly ReportOptions s_options = new() { AsOf = Sample.AsOf };

    /// <summary>How the doses of the messy input (person by person) are reordered.</summary>
    public enum Reorder
    {
        /// <summary>As they are (person by person).</summary>
        None,

        /// <summary>In random order.</summary>
        Shuffled,

        /// <summary>Reversed: each person's doses together, rows falling.</summary>
        Reversed,

        /// <summary>The second half first: each half person by person, the rows falling once between them.</summary>
        Rotated,

        /// <summary>The two halves interleaved, one dose of each in turn.</summary>
        Interleaved,

        /// <summary>Person by person but for two doses swapped somewhere in the middle.</summary>
        OneSwap,
    }

    [Property(MaxTest = 60)]
    public void Report_DosesInAnyOrder_SameAsReferenceAndAsGrouped(int seed, byte kind)
    {
        var reorder = (Reorder)(kind % 6);
        var input = FastPathTests.Messy(seed, 1 + Math.Abs(seed % 400));
        var changed = With(input, reorder, seed);
        FastPathTests.AssertSame(changed);

        // Coverage does not depend on record order, nor does data quality for the country; a province's repeated doses
        // do when the repeats of an id the register does not hold name different communes (the later one is counted),
        // and the work lists do through repeated record ids: the reference check above covers those.
        var grouped = CoverageCalculator.Compute(input, s_options);
        var coverage = CoverageCalculator.Compute(changed, s_options);
        Assert.Equal(grouped.Rows, coverage.Rows);
        Assert.Equal(
            DataQualityCalculator.Compute(input, s_options, grouped).Where(r => r.UnitCode == "VN"),
            DataQualityCalculator.Compute(changed, s_options, coverage).Where(r => r.UnitCode == "VN"));
    }

    [Property(MaxTest = 60)]
    public void Index_DosesInAnyOrder_ArraysOfTheDosesGroupedByPerson(int seed, byte kind)
    {
        var reorder = (Reorder)(kind % 6);
        var input = FastPathTests.Messy(seed, 1 + Math.Abs(seed % 400));
        var doses = With(input, reorder, seed).Doses.ToArray();
        var register = input.Register.ToArray();
        var index = ReportIndex.For(register, doses);
        index.EnsureDuplicates();

        // The same records grouped by their row (stable: record order within a row; no register person last): the index
        // takes them as person by person and keeps record order.
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int row = register.Length - 1; row >= 0; row--)
        {
            firstRow[register[row].PersonId] = row;
        }

        int RowOf(DoseEntry dose) => dose.PersonId is { } id && firstRow.TryGetValue(id, out int row) ? row : int.MaxValue;
        var byRow = doses.OrderBy(RowOf).ToArray();
        var grouped = ReportIndex.For(register, byRow);
        grouped.EnsureDuplicates();
        Assert.Null(grouped.Order);
        Assert.True(grouped.DosesGroupedByPerson);

        // Put in person order exactly when the rows of the register people's doses fall somewhere.
        var rows = doses.Select(RowOf).Where(row => row != int.MaxValue).ToArray();
        Assert.Equal(rows.Zip(rows.Skip(1)).All(p => p.First <= p.Second), index.Order is null);
        var order = index.Order ?? [.. Enumerable.Range(0, doses.Length)];
        Assert.Equal(Enumerable.Range(0, doses.Length), order.Order());

        // Each position's record and values equal the grouped index's at that record's place (places and products by
        // their codes, since leaves and units are numbered in the order met).
        var place = new Dictionary<DoseEntry, int>(ReferenceEqualityComparer.Instance);
        for (int j = 0; j < byRow.Length; j++)
        {
            place.Add(byRow[j], j);
        }

        for (int x = 0; x < doses.Length; x++)
        {
            int j = place[doses[order[x]]];
            Assert.Equal(Describe(grouped, j), Describe(index, x));
            Assert.Equal(RowOf(byRow[j]) is int row && row != int.MaxValue ? row : -1, grouped.DosePerson![j]);
        }

        // In person order: rows rising, record order within a row, then the doses of no register person in record order;
        // the rows are not kept.
        if (index.Order is { } permuted)
        {
            Assert.Null(index.DosePerson);
            Assert.Equal(rows.Length, index.LinkedDoses);
            for (int x = 1; x < doses.Length; x++)
            {
                int before = RowOf(doses[permuted[x - 1]]), row = RowOf(doses[permuted[x]]);
                Assert.True(row >= before);
                Assert.True(row != before || permuted[x - 1] < permuted[x]);
            }
        }
    }

    [Theory]
    [InlineData(Reorder.Rotated)]
    [InlineData(Reorder.Interleaved)]
    [InlineData(Reorder.OneSwap)]
    [InlineData(Reorder.Shuffled)]
    public void Report_ReorderedOnTwoCores_SameAsReference(Reorder reorder) =>
        FastPathTests.AssertSame(With(FastPathTests.Messy(21, 130_000), reorder, 21));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Report_TwoDatesOfTheSameHash_NotADuplicateDose(bool shuffled)
    {
        // In person order, two doses' dates are compared on the records only when their hashes are equal: two different
        // dates of the same hash, same person and product, are two doses; the same date twice is a repeat.
        var first = new LocalDate(2021, 10, 1);
        var other = first.PlusDays(1);
        while (ReportIndex.DateHash(other) != ReportIndex.DateHash(first))
        {
            other = other.PlusDays(1);
        }

        var input = FastPathTests.Messy(5, 300);
        var registered = input.Register.Select(p => p.PersonId).ToHashSet(StringComparer.Ordinal);
        var doses = input.Doses.ToList();
        int at = doses.FindIndex(d => d.PersonId is { } id && registered.Contains(id));
        var template = doses[at];

        // Next to the person's own doses (person by person), or with the whole list reversed (not).
        doses.InsertRange(at + 1, [template with { RecordId = "H1", Date = first, Product = "hash" }, template with { RecordId = "H2", Date = other, Product = "hash" }]);
        if (shuffled)
        {
            doses.Reverse();
        }

        long all = Duplicates(doses);
        Assert.Equal(all, Duplicates([.. doses.Where(d => d.RecordId != "H2")]));
        doses.Insert(shuffled ? doses.Count - at - 3 : at + 3, template with { RecordId = "H3", Date = other, Product = "hash" });
        Assert.Equal(all + 1, Duplicates(doses));

        long Duplicates(List<DoseEntry> list)
        {
            var changed = new ReportInput { Register = input.Register, Doses = list, Statuses = input.Statuses };
            FastPathTests.AssertSame(changed);
            var report = CoverageCalculator.Compute(changed, s_options);
            Assert.Equal(shuffled, ReportIndex.For(changed.Register, changed.Doses).Order is not null);
            return DataQualityCalculator.Compute(changed, s_options, report)
                .Single(r => r.Indicator == QualityIndicators.DuplicateDoses && r.UnitCode == "VN").Figure.Numerator;
        }
    }

    [Theory]
    [InlineData(300, false)]
    [InlineData(300, true)]
    [InlineData(130_000, false)]
    [InlineData(130_000, true)]
    public void Report_RowsTakenUncheckedInEntryOrder_WrongRowNeverCounted(int people, bool oneWrong)
    {
        // In entry order a row handed over is checked only in person order: every dose of a register person with its
        // right row but one (or every one) with the first row of another person id (never a repeated row).
        var input = FastPathTests.Messy(23, people);
        var register = input.Register;
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int row = 0; row < register.Count; row++)
        {
            first.TryAdd(register[row].PersonId, row);
        }

        var firstRows = first.Values.Order().ToArray();
        var doses = input.Doses.ToArray();
        new Random(23).Shuffle(doses);
        int Other(int right) => firstRows[(Array.BinarySearch(firstRows, right) + 1) % firstRows.Length];

        // (The one wrong row names a person of another commune, so that counting the dose there would show.)
        int wrong = oneWrong
            ? Enumerable.Range(doses.Length / 2, doses.Length - (doses.Length / 2)).First(k =>
                doses[k].PersonId is { } id && first.TryGetValue(id, out int right) && register[Other(right)].Residence != register[right].Residence)
            : -1;
        for (int k = 0; k < doses.Length; k++)
        {
            if (doses[k].PersonId is { } id && first.TryGetValue(id, out int right))
            {
                doses[k] = doses[k] with { RegisterRow = oneWrong && k != wrong ? right : Other(right) };
            }
        }

        var changed = new ReportInput { Register = register, Doses = doses, Statuses = input.Statuses, Tallies = input.Tallies };
        FastPathTests.AssertSame(changed);
        var without = new ReportInput { Register = register, Doses = [.. doses.Select(d => d with { RegisterRow = null })], Statuses = input.Statuses };
        Assert.Equal(CoverageCalculator.Compute(without, s_options).Rows, CoverageCalculator.Compute(changed, s_options).Rows);
        Assert.False(ReportIndex.For(changed.Register, changed.Doses).RowCheckFailed);
    }

    // A dose's flags, product and place (province and commune codes) as an index holds them at a position.
    private static string Describe(ReportIndex index, int x)
    {
        int cell = index.DoseCell[x], leaf = cell >> index.ProductBits;
        var units = index.Units.Units;
        return $"{index.DoseFlags[x]:X2} {index.Products[cell & index.ProductMask]} {units[index.LeafProvince[leaf]].Code} {units[index.LeafCommune[leaf]].Code}";
    }

    private static ReportInput With(ReportInput input, Reorder reorder, int seed)
    {
        var doses = input.Doses.ToList();
        int half = doses.Count / 2;
        switch (reorder)
        {
            case Reorder.Shuffled:
                var array = doses.ToArray();
                new Random(seed).Shuffle(array);
                doses = [.. array];
                break;
            case Reorder.Reversed:
                doses.Reverse();
                break;
            case Reorder.Rotated:
                doses = [.. doses.Skip(half), .. doses.Take(half)];
                break;
            case Reorder.Interleaved:
                var first = doses.Take(doses.Count - half).ToArray();
                var second = doses.Skip(doses.Count - half).ToArray();
                doses = [.. first.SelectMany((dose, k) => k < second.Length ? new[] { dose, second[k] } : [dose])];
                break;
            case Reorder.OneSwap when doses.Count > 2:
                (doses[half - 1], doses[half + 1]) = (doses[half + 1], doses[half - 1]);
                break;
            default:
                break;
        }

        return new ReportInput { Register = input.Register, Doses = doses, Statuses = input.Statuses, Tallies = input.Tallies };
    }
}
