using FsCheck.Xunit;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Tests.Support;

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
