using FsCheck;
using FsCheck.Fluent;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Vaccines;
using Immunization.Testing.Arbitraries;
using Immunization.Testing.Synthetic;
using NodaTime;

namespace Immunization.Testing.Tests.Arbitraries;

public sealed class DoseHistoryArbitrariesTests
{
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property DoseHistoryArbitrary_HistoriesAreValid() =>
        Prop.ForAll(DoseHistoryArbitraries.DoseHistoryArbitrary(), h => Problem(h) is null);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property DoseHistories_AnyHistoryIsValid() =>
        Prop.ForAll(DoseHistoryArbitraries.DoseHistories().ToArbitrary(), h => Problem(h) is null);

    [Fact]
    public void DoseHistoryArbitrary_Shrinks_ToValidShorterHistories()
    {
        var samples = DoseHistoryArbitraries.VaccinatedHistories().Sample(20, 50).Where(h => h.Doses.Count >= 3).ToList();
        Assert.NotEmpty(samples);

        foreach (var history in samples)
        {
            var shrunk = DoseHistoryArbitraries.DoseHistoryArbitrary().Shrinker(history).ToList();
            Assert.Equal(history.Doses.Count - 1, shrunk.Count);
            Assert.All(shrunk, s => Assert.Null(Problem(s)));
            Assert.All(shrunk, s => Assert.Equal(history.Doses.Take(s.Doses.Count), s.Doses));
        }
    }

    [Fact]
    public void VaccinatedHistories_CoverTheCommonProducts()
    {
        var products = DoseHistoryArbitraries.VaccinatedHistories().Sample(2_000, 50)
            .SelectMany(h => h.Doses).Select(d => d.Product.Code).ToHashSet(StringComparer.Ordinal);

        // The common products only: rare ones (Janssen, Sputnik V) may be missing from a random sample of this size.
        foreach (var code in new[] { "210", "208", "217", "218", "510", "221" })
        {
            Assert.Contains(code, products);
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 50)]
    public Property DoseRecordArbitrary_RecordsFollowTheStandardForms() => Prop.ForAll(DoseHistoryArbitraries.DoseRecordArbitrary(), r =>
        r.RecordId.StartsWith('R') && VietnamCovidVaccines.TryFind(r.VaccineCode, out _) && r.DoseNumber >= 1 &&
        r.Person.AdminScheme is AdministrativeScheme.Old or AdministrativeScheme.New &&
        r.Person.DateOfBirth is { Precision: DatePrecision.Year or DatePrecision.Day });

    [FsCheck.Xunit.Property(MaxTest = 50)]
    public Property RegisterEntries_ConsistentCitizenIds() => Prop.ForAll(DoseHistoryArbitraries.RegisterEntries().ToArbitrary(), e =>
    {
        var id = CitizenId.Parse(e.Person.CitizenId!);
        var born = e.Person.DateOfBirth!.Value;
        return e.Person.Nationality == "VN" && e.Person.AdminScheme == AdministrativeScheme.New &&
               (id.Kind == CitizenIdKind.Cmnd || id.CheckAgainst(e.Person.Sex, born) == CitizenIdDiscrepancies.None) &&
               AdministrativeUnitCatalog.Vietnam.TryGetByCode(AdministrativeScheme.New, e.Person.CommuneCode, out _);
    });

    [Fact]
    public void VaccineProducts_DrawFromTheCatalogue()
    {
        // Gen.Sample(count, size): 2,000 uniform draws over 11 products miss one with probability about 11 · (10/11)^2000.
        var drawn = DoseHistoryArbitraries.VaccineProducts().Sample(2_000, 10).ToHashSet();

        Assert.Equal(VietnamCovidVaccines.All.ToHashSet(), drawn);
    }

    [Fact]
    public void SyntheticRecords_NoErrors_CarryNone()
    {
        var records = DoseHistoryArbitraries.SyntheticRecords(ErrorRates.None).Sample(30, 10);

        Assert.All(records, r => Assert.True(r.Errors.IsEmpty));
        Assert.All(records, r => Assert.NotNull(r.PersonId));
    }

    /// <summary>The first rule a history breaks, or null.</summary>
    internal static string? Problem(DoseHistory history)
    {
        var doses = history.Doses;
        var start = new LocalDate(2021, 3, 8);
        var end = new LocalDate(2022, 12, 31);
        for (var i = 0; i < doses.Count; i++)
        {
            var d = doses[i];
            if (d.DoseNumber != i + 1)
            {
                return $"dose {i + 1} numbered {d.DoseNumber}";
            }

            if (d.Date < start || d.Date > end)
            {
                return $"dose {i + 1} outside the campaign";
            }

            if (i > 0 && d.Date <= doses[i - 1].Date)
            {
                return $"dose {i + 1} not after dose {i}";
            }

            if (CovidCampaign.Age(history.DateOfBirth, d.Date) < CovidCampaign.MinimumAge(d.Product))
            {
                return $"dose {i + 1} below the minimum age of {d.Product.Code}";
            }
        }

        if (doses.Count == 0)
        {
            return null;
        }

        var first = doses[0].Product;
        var primary = CovidCampaign.PrimaryDoses(first);
        for (var i = 0; i < doses.Count; i++)
        {
            if (doses[i].IsBooster != (i >= primary))
            {
                return $"dose {i + 1} booster flag wrong";
            }

            if (i > 0 && i < primary && CovidCampaign.RequiresSameProduct(first) && doses[i].Product != first)
            {
                return $"dose {i + 1} mixes a product that must not be mixed";
            }
        }

        if (doses.Count >= 2 && Period.Between(doses[0].Date, doses[1].Date, PeriodUnits.Days).Days < CovidCampaign.MinimumSecondDoseInterval(first))
        {
            return "dose 2 too early";
        }

        return null;
    }
}
