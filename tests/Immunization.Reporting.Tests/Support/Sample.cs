using Immunization.Core.Eligibility;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using NodaTime;

namespace Immunization.Reporting.Tests.Support;

/// <summary>Random but reproducible registers, dose records and statuses over real communes of both schemes.</summary>
internal static class Sample
{
    internal static readonly LocalDate AsOf = new(2022, 6, 30);

    private static readonly AdministrativeUnitCatalog s_catalog = AdministrativeUnitCatalog.Vietnam;

    /// <summary>A few new communes, an old commune that went whole into one new commune, an old split commune and a province.</summary>
    internal static AdministrativeUnit[] Places()
    {
        var newCommunes = s_catalog.GetUnits(AdministrativeScheme.New, AdministrativeLevel.Commune);
        var old = s_catalog.GetUnits(AdministrativeScheme.Old, AdministrativeLevel.Commune);
        AdministrativeUnit whole = default, split = default;
        foreach (var unit in old)
        {
            int shares = unit.MapToNew().Length;
            if (whole.IsDefault && shares == 1)
            {
                whole = unit;
            }

            if (split.IsDefault && shares > 1)
            {
                split = unit;
            }
        }

        return [newCommunes[0], newCommunes[1], newCommunes[^1], whole, split, s_catalog.GetUnits(AdministrativeScheme.New, AdministrativeLevel.Province)[3], default];
    }

    internal static ReportInput Input(int seed, int people = 60, bool withStatus = true, int duplicates = 0)
    {
        var random = new Random(seed);
        var places = Places();
        string[] groups = ["health_worker", "elderly", "chronic"];
        var register = new List<RegisterPerson>();
        for (int i = 0; i < people; i++)
        {
            var birth = AsOf.PlusDays(-random.Next(0, 90 * 365));
            var g = groups.Where(_ => random.Next(4) == 0).ToArray();
            register.Add(new RegisterPerson("P" + i, (Sex)random.Next(3), birth, places[random.Next(places.Length)], g));
        }

        for (int i = 0; i < duplicates; i++)
        {
            register.Add(register[random.Next(people)] with { Residence = places[random.Next(places.Length)] });
        }

        var statuses = new List<PersonStatus>();
        var doses = new List<DoseEntry>();
        string[] products = ["pfizer", "moderna", "astrazeneca"];
        int record = 0;
        for (int i = 0; i < people; i++)
        {
            var status = (VaccinationStatus)random.Next(5);
            LocalDate? first = status == VaccinationStatus.NotVaccinated ? null : AsOf.PlusDays(-random.Next(1, 200));
            LocalDate? second = status >= VaccinationStatus.PrimarySeriesComplete ? first!.Value.PlusDays(28) : null;
            string product = products[random.Next(products.Length)];
            statuses.Add(new PersonStatus("P" + i, status, first, second, product));
            for (int k = 0; k < (int)status; k++)
            {
                var outcome = (VerificationOutcome)random.Next(1, 6);
                doses.Add(new DoseEntry("R" + record++, outcome is VerificationOutcome.NotFound or VerificationOutcome.NotApplicable ? null : "P" + i, outcome, first!.Value.PlusDays(28 * k), product, random.Next(10) > 0)
                {
                    Differences = outcome == VerificationOutcome.Differs ? [new(IdentityField.FullName, DifferenceKind.Similar)] : [],
                    AmbiguityReason = outcome == VerificationOutcome.Ambiguous ? AmbiguityReason.Tie : null,
                    RecordCommune = places[random.Next(places.Length)],
                    IdentityNumber = (IdentityNumberState)random.Next(3),
                });
            }
        }

        return new ReportInput { Register = register, Doses = doses, Statuses = withStatus ? statuses : null };
    }
}
