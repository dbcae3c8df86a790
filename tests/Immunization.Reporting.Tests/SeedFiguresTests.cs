using Immunization.Core.Eligibility;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Quality;
using NodaTime;

namespace Immunization.Reporting.Tests;

/// <summary>The seeds' figures (../shared/domain.md), reproduced from counts through the calculators.</summary>
public sealed class SeedFiguresTests
{
    private static readonly LocalDate s_asOf = new(2021, 10, 15);
    private static readonly AdministrativeUnitCatalog s_catalog = AdministrativeUnitCatalog.Vietnam;

    [Fact]
    public void Compute_GiaLaiAdultsAgainstProvinceTarget_Is7044Percent()
    {
        var giaLai = s_catalog.GetByCode(AdministrativeScheme.New, "52");
        var register = Enumerable.Range(0, 673_852)
            .Select(i => new RegisterPerson("P" + i, Sex.Female, new LocalDate(1980, 1, 1), giaLai, []))
            .ToList();
        var statuses = register.Select(p => new PersonStatus(p.PersonId, VaccinationStatus.PartiallyVaccinated, s_asOf.PlusDays(-10), null, "astrazeneca")).ToList();
        var input = new ReportInput
        {
            Register = register,
            Doses = [],
            Statuses = statuses,
            OutsideDenominators = [new OutsideDenominator("Gia Lai target 18+", "52", "18+", 956_614)],
        };

        var report = CoverageCalculator.Compute(input, new ReportOptions { AsOf = s_asOf });

        var row = Assert.Single(report.Rows, r => r.Indicator == Indicators.PeopleOnePlus && r.UnitCode == "52" && r.Disaggregation == "age:18+;denominator:Gia Lai target 18+");
        Assert.Equal(673_852, row.Figure.Numerator);
        Assert.Equal(956_614, row.Figure.Denominator);
        Assert.Equal(70.44, Math.Round(row.Figure.Value!.Value, 2));
    }

    [Fact]
    public void Compute_HauGiangDoses_AreOneDosePeoplePlusTwiceTwoDosePeople()
    {
        // Seed: Hau Giang, 780,000 doses = 382,720 people with one dose + 2 x 198,640 with two. Old province 93, now in a new province.
        var hauGiang = s_catalog.GetByCode(AdministrativeScheme.Old, "93");
        const int OneDose = 382_720, TwoDoses = 198_640;
        var register = new List<RegisterPerson>();
        var statuses = new List<PersonStatus>();
        var doses = new List<DoseEntry>();
        var first = new LocalDate(2021, 8, 1);
        for (int i = 0; i < OneDose + TwoDoses; i++)
        {
            string id = "P" + i;
            bool two = i >= OneDose;
            register.Add(new RegisterPerson(id, Sex.Male, new LocalDate(1970, 5, 5), hauGiang, []));
            statuses.Add(new PersonStatus(id, two ? VaccinationStatus.PrimarySeriesComplete : VaccinationStatus.PartiallyVaccinated, first, two ? first.PlusDays(28) : null, "pfizer"));
            doses.Add(new DoseEntry("R" + i + "a", id, VerificationOutcome.Verified, first, "pfizer", true));
            if (two)
            {
                doses.Add(new DoseEntry("R" + i + "b", id, VerificationOutcome.Verified, first.PlusDays(28), "pfizer", true));
            }
        }

        var report = CoverageCalculator.Compute(new ReportInput { Register = register, Doses = doses, Statuses = statuses }, new ReportOptions { AsOf = s_asOf });

        string province = hauGiang.ToNewProvince().Code;
        long Get(string indicator) => report.Rows.Single(r => r.Indicator == indicator && r.UnitCode == province && r.Disaggregation == "all").Figure.Numerator;
        Assert.Equal(780_000, Get(Indicators.DosesEntered));
        Assert.Equal(OneDose + TwoDoses, Get(Indicators.PeopleOnePlus));
        Assert.Equal(TwoDoses, Get(Indicators.PeoplePrimaryComplete));
        Assert.Equal(Get(Indicators.DosesEntered), Get(Indicators.PeopleOnePlus) + Get(Indicators.PeoplePrimaryComplete));
    }

    [Fact]
    public void Compute_BinhPhuocCleanedRecords_Is566PercentNotFifty()
    {
        // Seed: Binh Phuoc, 240 of 424 thousand records cleaned (verified against the register) = 56.6 %, not the article's 50 %.
        var doses = Enumerable.Range(0, 424_000)
            .Select(i => new DoseEntry("R" + i, i < 240_000 ? "P" + i : null, i < 240_000 ? VerificationOutcome.Verified : VerificationOutcome.NotFound, s_asOf, "sinopharm", true))
            .ToList();
        var input = new ReportInput { Register = [], Doses = doses };
        var options = new ReportOptions { AsOf = s_asOf };

        var rows = DataQualityCalculator.Compute(input, options, CoverageCalculator.Compute(input, options));

        var verified = rows.Single(r => r.Indicator == QualityIndicators.RecordsByOutcome && r.UnitCode == "VN" && r.Disaggregation == "outcome:verified");
        Assert.Equal(240_000, verified.Figure.Numerator);
        Assert.Equal(424_000, verified.Figure.Denominator);
        Assert.Equal(56.6, Math.Round(verified.Figure.Value!.Value, 1));
    }
}
