using FsCheck.Xunit;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.WorkLists;
using NodaTime;

namespace Immunization.Reporting.Tests;

/// <summary>
/// The work lists' sort by record id (<see cref="RecordIdOrder.Sort"/>) against a stable ordinal sort: ids with long shared
/// prefixes, ids that end inside the packed window, U+0000 and characters above U+00FF, repeated ids.
/// </summary>
public sealed class RecordIdOrderTests
{
    [Property(MaxTest = 200)]
    public void Sort_AnyIds_OrdinalThenPosition(int seed)
    {
        var random = new Random(seed);
        string shared = random.Next(3) switch { 0 => "", 1 => "R-2021-", _ => "HN-00000000000" };
        int count = random.Next(0, 400);
        bool ascii = random.Next(2) == 0;
        var doses = Enumerable.Range(0, count + random.Next(0, 50))
            .Select(_ => Dose(random.Next(4) == 0 ? Id(random, ascii) : shared + Id(random, ascii)))
            .ToArray();
        var positions = Enumerable.Range(0, doses.Length).OrderBy(_ => random.Next()).Take(count).Order().ToArray();
        var expected = positions.OrderBy(p => doses[p].RecordId, StringComparer.Ordinal).ToArray();

        RecordIdOrder.Sort(positions, doses);

        Assert.Equal(expected, positions);
    }

    [Fact]
    public void Sort_IdEndingInsideTheWindowAgainstU0000_OrdinalOrder()
    {
        // "ab" packs as "ab" and zeros, as "ab\0" does: equal packed numbers, decided by the strings.
        var doses = new[] { Dose("ab\0"), Dose("ab"), Dose("a\uFFFF"), Dose("ab\0\0c"), Dose("ab") };
        var positions = new[] { 0, 1, 2, 3, 4 };

        RecordIdOrder.Sort(positions, doses);

        Assert.Equal([1, 4, 0, 3, 2], positions);
    }

    [Fact]
    public void Sort_RecordWithoutId_FirstAsInOrdinalOrder()
    {
        var doses = new[] { Dose("b"), Dose(null!), Dose("a") };
        var positions = new[] { 0, 1, 2 };

        RecordIdOrder.Sort(positions, doses);

        Assert.Equal([1, 2, 0], positions);
    }

    private static DoseEntry Dose(string recordId) =>
        new(recordId, null, VerificationOutcome.NotFound, new LocalDate(2021, 10, 1), "pfizer", true);

    [Fact]
    public void Sort_ListLongerThanThePackedPlaces_OrdinalThenPosition()
    {
        var random = new Random(7);
        var doses = Enumerable.Range(0, 70_000).Select(_ => Dose(Id(random, ascii: true))).ToArray();
        var positions = Enumerable.Range(0, doses.Length).ToArray();
        var expected = positions.OrderBy(p => doses[p].RecordId, StringComparer.Ordinal).ToArray();

        RecordIdOrder.Sort(positions, doses);

        Assert.Equal(expected, positions);
    }

    private static string Id(Random random, bool ascii)
    {
        // Short and long, digits mostly (as numbered records are), U+0000, and unless ASCII characters above U+00FF.
        string characters = ascii ? "0000123456789ABZaz-\0\u00FF" : "0000123456789ABZaz-\0đĐươ\uFFFF";
        var chars = new char[random.Next(0, 14)];
        for (int k = 0; k < chars.Length; k++)
        {
            chars[k] = characters[random.Next(characters.Length)];
        }

        return new string(chars);
    }
}
