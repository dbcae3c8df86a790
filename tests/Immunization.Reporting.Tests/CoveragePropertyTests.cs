using FsCheck.Xunit;
using Immunization.Core.Identity;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Quality;
using Immunization.Reporting.Tests.Support;
using NodaTime;

namespace Immunization.Reporting.Tests;

public sealed class CoveragePropertyTests
{
    private static CoverageReport Compute(int seed, int duplicates = 0) =>
        CoverageCalculator.Compute(Sample.Input(seed, duplicates: duplicates), new ReportOptions { AsOf = Sample.AsOf });

    [Property(MaxTest = 40)]
    public bool Compute_AnyInput_NumeratorExceedsDenominatorOnlyWhenFlagged(int seed)
    {
        var report = Compute(seed);

        return report.Rows.Where(r => r.Figure.Denominator is not null).All(r =>
            r.Figure.Numerator <= r.Figure.Denominator || (r.Figure.Flags & FigureFlags.OverOneHundredPercent) != 0);
    }

    [Property(MaxTest = 40)]
    public bool Compute_AnyReferenceDate_DosesCountedPlusDosesAfterAreTheRecords(int seed, byte daysBack)
    {
        // Every record is either counted in the doses entered or in the quality figure of doses after the reference date.
        var input = Sample.Input(seed);
        var options = new ReportOptions { AsOf = Sample.AsOf.PlusDays(-daysBack) };
        var report = CoverageCalculator.Compute(input, options);
        var quality = DataQualityCalculator.Compute(input, options, report);

        long entered = report.Rows.Single(r => r.Indicator == Indicators.DosesEntered && r.UnitCode == "VN" && r.Disaggregation == "all").Figure.Numerator;
        long after = quality.Single(r => r.Indicator == QualityIndicators.DosesAfterReferenceDate).Figure.Numerator;
        return entered + after == input.Doses.Count && after == input.Doses.Count(d => d.Date > options.AsOf);
    }

    [Fact]
    public void Compute_DosesAfterTheReferenceDateInEitherCalendar_NotCounted()
    {
        // 10 October 2021 (Julian) is 23 October 2021 (ISO): after 15 October; 1 October 2021 (Julian) is 14 October: before.
        var asOf = new LocalDate(2021, 10, 15);
        var register = new[] { new RegisterPerson("A", Sex.Female, new LocalDate(1980, 1, 1), Sample.Places()[0], []) };
        DoseEntry[] doses =
        [
            new("R1", "A", VerificationOutcome.Verified, asOf, "pfizer", true),
            new("R2", "A", VerificationOutcome.Verified, asOf.PlusDays(1), "pfizer", true),
            new("R3", "A", VerificationOutcome.Verified, new LocalDate(2021, 10, 10, CalendarSystem.Julian), "pfizer", true),
            new("R4", "A", VerificationOutcome.Verified, new LocalDate(2021, 10, 1, CalendarSystem.Julian), "moderna", true),
        ];
        var input = new ReportInput { Register = register, Doses = doses };
        var options = new ReportOptions { AsOf = asOf };

        var report = CoverageCalculator.Compute(input, options);
        var quality = DataQualityCalculator.Compute(input, options, report);

        long Doses(string indicator, string product) => report.Rows.Single(r => r.Indicator == indicator && r.UnitCode == "VN" && r.Disaggregation == product).Figure.Numerator;
        Assert.Equal(2, Doses(Indicators.DosesEntered, "all"));
        Assert.Equal(2, Doses(Indicators.DosesValid, "all"));
        Assert.Equal(1, Doses(Indicators.DosesEntered, "product:moderna"));
        Assert.Equal(2, quality.Single(r => r.Indicator == QualityIndicators.DosesAfterReferenceDate).Figure.Numerator);
    }

    [Property(MaxTest = 40)]
    public bool Compute_AnyInput_ProvincesSumToCountry(int seed)
    {
        var report = Compute(seed);

        foreach (var indicator in new[] { Indicators.Population, Indicators.PeopleOnePlus, Indicators.PeopleBoosted, Indicators.DosesEntered, Indicators.DosesValid, Indicators.DropOutDose1To2 })
        {
            var all = report.Rows.Where(r => r.Indicator == indicator && r.Disaggregation == "all").ToList();
            long country = all.Single(r => r.UnitCode == "VN").Figure.Numerator;
            long provinces = all.Where(r => r.UnitCode == "unknown" || (r.Scheme == "2025-07" && r.UnitCode.Length == 2)).Sum(r => r.Figure.Numerator);
            if (country != provinces)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 40)]
    public bool Compute_AnyInput_SexDisaggregationsSumToTotal(int seed)
    {
        var report = Compute(seed);

        return report.Rows
            .Where(r => r.Indicator is Indicators.Population or Indicators.PeopleOnePlus or Indicators.PeoplePrimaryComplete)
            .GroupBy(r => (r.Indicator, r.UnitCode))
            .All(g => g.Single(r => r.Disaggregation == "all").Figure.Numerator
                == g.Where(r => r.Disaggregation.StartsWith("sex:", StringComparison.Ordinal)).Sum(r => r.Figure.Numerator));
    }

    [Property(MaxTest = 40)]
    public bool Compute_OldAndNewUnits_RollUpKeepsEveryPerson(int seed)
    {
        var report = Compute(seed, duplicates: seed & 7);

        var population = report.Rows.Where(r => r.Indicator == Indicators.Population && r.Disaggregation == "all").ToList();
        long communes = population.Where(r => r.UnitCode == "unknown" || r.UnitCode.Length == 5 || r.UnitCode.EndsWith("-unresolved", StringComparison.Ordinal)).Sum(r => r.Figure.Numerator);
        return communes == 60 && report.People == 60 && report.DuplicatePersonIds == (seed & 7)
            && population.Single(r => r.UnitCode == "VN").Figure.Numerator == 60;
    }

    [Fact]
    public void Compute_WithoutStatuses_OmitsStatusIndicators()
    {
        var report = CoverageCalculator.Compute(Sample.Input(3, withStatus: false), new ReportOptions { AsOf = Sample.AsOf });

        Assert.False(report.StatusKnown);
        Assert.DoesNotContain(report.Rows, r => r.Indicator.StartsWith("people_", StringComparison.Ordinal) || r.Indicator == Indicators.DropOutDose1To2);
        Assert.Contains(report.Rows, r => r.Indicator == Indicators.DosesEntered);
    }

    [Fact]
    public void Compute_SameInputTwice_SameRows()
    {
        Assert.Equal(Compute(11).Rows, Compute(11).Rows);
    }
}
