using Immunization.Core.Eligibility;
using Immunization.Core.Identity;
using Immunization.Reporting.Coverage;
using NodaTime;

namespace Immunization.Reporting.Tests;

public sealed class DropOutTests
{
    private static readonly LocalDate s_asOf = new(2021, 11, 1);

    private static Figure DropOut(params PersonStatus[] statuses)
    {
        var register = statuses.Select(s => new RegisterPerson(s.PersonId, Sex.Female, new LocalDate(1990, 1, 1), default, [])).ToList();
        var options = new ReportOptions
        {
            AsOf = s_asOf,
            DoseTwoIntervalDays = new Dictionary<string, int>(StringComparer.Ordinal) { ["pfizer"] = 21, ["astrazeneca"] = 84 },
            DropOutGraceDays = 7,
        };
        var report = CoverageCalculator.Compute(new ReportInput { Register = register, Doses = [], Statuses = statuses }, options);
        return report.Rows.Single(r => r.Indicator == Indicators.DropOutDose1To2 && r.UnitCode == "VN" && r.Disaggregation == "all").Figure;
    }

    [Fact]
    public void Compute_DoseOneWithinIntervalPlusGrace_NotCounted()
    {
        // Pfizer: 21 + 7 days; dose 1 27 days before the reference date is not yet a drop-out, nor counted in the denominator.
        var figure = DropOut(new PersonStatus("A", VaccinationStatus.PartiallyVaccinated, s_asOf.PlusDays(-27), null, "pfizer"));

        Assert.Equal(0, figure.Numerator);
        Assert.Equal(0, figure.Denominator);
    }

    [Fact]
    public void Compute_DoseOnePastIntervalPlusGrace_DroppedOut()
    {
        var figure = DropOut(
            new PersonStatus("A", VaccinationStatus.PartiallyVaccinated, s_asOf.PlusDays(-28), null, "pfizer"),
            new PersonStatus("B", VaccinationStatus.PrimarySeriesComplete, s_asOf.PlusDays(-60), s_asOf.PlusDays(-39), "pfizer"),
            new PersonStatus("C", VaccinationStatus.PartiallyVaccinated, s_asOf.PlusDays(-60), null, "astrazeneca"));

        Assert.Equal(1, figure.Numerator);   // A only: C's AstraZeneca interval (84 + 7 days) has not passed
        Assert.Equal(2, figure.Denominator);
        Assert.Equal(50.0, figure.Value);
    }
}
