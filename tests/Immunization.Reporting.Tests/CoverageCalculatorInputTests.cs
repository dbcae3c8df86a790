using Immunization.Core.Identity;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Quality;
using Immunization.Reporting.Tests.Support;
using Immunization.Reporting.WorkLists;
using NodaTime;

namespace Immunization.Reporting.Tests;

/// <summary>
/// Inputs that break the types' promises (nulls inside the lists) are refused with an <see cref="ArgumentException"/> that
/// names the element by its position, never with a <see cref="NullReferenceException"/> or an index error from deep inside.
/// </summary>
public sealed class CoverageCalculatorInputTests
{
    private static readonly ReportOptions s_options = new() { AsOf = Sample.AsOf };

    // Each break: what it does to a copy of the sample's register, doses and statuses, and what the message must say.
    private static readonly Dictionary<string, (Action<RegisterPerson[], DoseEntry[], PersonStatus[]> Break, string Expected)> s_breaks = new()
    {
        ["null register row"] = ((register, _, _) => register[5] = null!, "Register row 5"),
        ["null person id"] = ((register, _, _) => register[5] = register[5] with { PersonId = null! }, "Register row 5"),
        ["null priority groups"] = ((register, _, _) => register[5] = register[5] with { PriorityGroups = null! }, "Register row 5"),
        ["null dose"] = ((_, doses, _) => doses[7] = null!, "Dose record 7"),
        ["null product"] = ((_, doses, _) => doses[7] = doses[7] with { Product = null! }, "Dose record 7 has a null Product"),
        ["null status"] = ((_, _, statuses) => statuses[2] = null!, "Status 2"),
    };

    public static TheoryData<string> Breaks => [.. s_breaks.Keys];

    [Theory]
    [MemberData(nameof(Breaks))]
    public void Compute_NullInsideTheInput_ArgumentExceptionNamingThePosition(string broken)
    {
        var input = Sample.Input(3);
        var register = input.Register.ToArray();
        var doses = input.Doses.ToArray();
        var statuses = input.Statuses!.ToArray();
        var (breakIt, expected) = s_breaks[broken];
        breakIt(register, doses, statuses);

        var broke = new ReportInput { Register = register, Doses = doses, Statuses = statuses };

        var error = Assert.ThrowsAny<ArgumentException>(() => CoverageCalculator.Compute(broke, s_options));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        if (broken is not ("null status" or "null priority groups"))
        {
            // The work lists read neither statuses nor priority groups.
            Assert.Contains(expected, Assert.ThrowsAny<ArgumentException>(() => WorkListBuilder.Build(register, doses, Sample.AsOf)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Init_NullCollections_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new ReportOptions { AsOf = Sample.AsOf, AgeGroups = null! });
        Assert.Throws<ArgumentNullException>(() => new ReportOptions { AsOf = Sample.AsOf, DoseTwoIntervalDays = null! });
        Assert.Throws<ArgumentNullException>(() => new ReportInput { Register = [], Doses = [], Tallies = null! });
        Assert.Throws<ArgumentNullException>(() => new ReportInput { Register = [], Doses = [], OutsideDenominators = null! });
    }

    [Fact]
    public void Compute_NullTally_ArgumentException()
    {
        var input = new ReportInput
        {
            Register = [new RegisterPerson("A", Sex.Female, new LocalDate(1980, 1, 1), Sample.Places()[0], [])],
            Doses = [new DoseEntry("R1", "A", VerificationOutcome.Verified, Sample.AsOf, "pfizer", true)],
            Tallies = [null!],
        };

        var coverage = CoverageCalculator.Compute(input, s_options);

        Assert.Contains("A tally is null", Assert.ThrowsAny<ArgumentException>(() => DataQualityCalculator.Compute(input, s_options, coverage)).Message, StringComparison.Ordinal);
    }
}
