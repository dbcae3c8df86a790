using System.Runtime.InteropServices;
using Immunization.Core.Eligibility;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using NodaTime;

namespace Immunization.Benchmarks.Reporting;

/// <summary>
/// A synthetic register for the reporting benchmarks, built in memory from a seed: people spread over every new commune
/// (1 % on old communes, rolled up), a status per person and two dose records each (70 % verified, 20 % differs, 5 %
/// ambiguous, 5 % not found), a few duplicate doses and identity-number problems.
/// </summary>
internal static class ReportingData
{
    internal static readonly LocalDate AsOf = new(2022, 6, 30);

    /// <param name="people">The register's size (doses: twice as many).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="shuffleDoses">Whether the dose records come in random order (as in a file of records entered at many
    /// sites) instead of person by person.</param>
    /// <param name="mutableLists">Whether the lists are handed over as <see cref="List{T}"/> (which the report copies, since
    /// they may change) instead of immutable arrays (which it borrows).</param>
    /// <param name="registerRows">Whether each linked dose carries its register row (<see cref="DoseEntry.RegisterRow"/>),
    /// as a linker that hands its rows over would give it.</param>
    /// <param name="entryOrder">Whether the dose records (and their record and person ids) are allocated in the order they
    /// come, as a file read would allocate them, rather than person by person and then shuffled (only with
    /// <paramref name="shuffleDoses"/>; each dose then has its own person id string, equal to the register's).</param>
    internal static ReportInput Create(int people, int seed, bool shuffleDoses = false, bool mutableLists = false, bool registerRows = false, bool entryOrder = false)
    {
        var catalog = AdministrativeUnitCatalog.Vietnam;
        var communes = catalog.GetUnits(AdministrativeScheme.New, AdministrativeLevel.Commune).ToArray();
        var old = catalog.GetUnits(AdministrativeScheme.Old, AdministrativeLevel.Commune).ToArray();
        string[] products = ["pfizer", "moderna", "astrazeneca", "sinopharm"];
        string[][] groups = [[], [], [], ["4"], ["1"], ["7", "10"]];
        IReadOnlyList<IdentityDifference>[] fields = [[new(IdentityField.FullName, DifferenceKind.Similar)], [new(IdentityField.DateOfBirth, DifferenceKind.Transposition)], [new(IdentityField.FullName, DifferenceKind.Similar), new(IdentityField.Residence, DifferenceKind.Different)]];
        var register = new RegisterPerson[people];
        var statuses = new PersonStatus[people];
        var doses = new DoseEntry[people * 2];

        // Chunks of a million people, each from its own seed, built on all cores (the same input whatever the cores).
        const int Chunk = 1_000_000;
        Parallel.For(0, (people + Chunk - 1) / Chunk, chunk =>
        {
            var random = new Random((seed * 7919) + chunk);
            for (int i = chunk * Chunk; i < Math.Min(people, (chunk + 1) * Chunk); i++)
            {
                string id = "P" + i.ToString("D9", null);
                var residence = i % 100 == 0 ? old[random.Next(old.Length)] : communes[random.Next(communes.Length)];
                register[i] = new RegisterPerson(id, (Sex)random.Next(3), AsOf.PlusDays(-random.Next(0, 32_000)), residence, groups[random.Next(groups.Length)]);
                var first = AsOf.PlusDays(-random.Next(30, 400));
                string product = products[random.Next(products.Length)];
                var status = (VaccinationStatus)random.Next(5);
                statuses[i] = new PersonStatus(id, status, first, status >= VaccinationStatus.PrimarySeriesComplete ? first.PlusDays(28) : null, product);
                for (int k = 0; k < 2; k++)
                {
                    var outcome = (VerificationOutcome)(1 + (random.Next(20) switch { < 14 => 0, < 18 => 1, 18 => 2, _ => 3 }));
                    int r = (2 * i) + k;
                    doses[r] = new DoseEntry("R" + r.ToString("D10", null), outcome is VerificationOutcome.NotFound ? null : id, outcome, first.PlusDays(random.Next(200) == 0 ? 0 : 28 * k), product, random.Next(10) > 0)
                    {
                        Differences = outcome == VerificationOutcome.Differs ? fields[random.Next(fields.Length)] : [],
                        RecordCommune = residence,
                        IdentityNumber = (IdentityNumberState)(random.Next(50) switch { 0 => 1, 1 => 2, _ => 0 }),
                        RegisterRow = registerRows && outcome is not VerificationOutcome.NotFound ? i : null,
                    };
                }
            }
        });

        var shuffler = new Random(seed);
        if (shuffleDoses)
        {
            shuffler.Shuffle(doses);
            if (entryOrder)
            {
                // One thread, in the shuffled order: each record and its ids are allocated one after the other, as read.
                for (int i = 0; i < doses.Length; i++)
                {
                    var dose = doses[i];
                    doses[i] = dose with
                    {
                        RecordId = new string(dose.RecordId.AsSpan()),
                        PersonId = dose.PersonId is null ? null : new string(dose.PersonId.AsSpan()),
                    };
                }
            }
        }

        return mutableLists
            ? new ReportInput { Register = new List<RegisterPerson>(register), Doses = new List<DoseEntry>(doses), Statuses = new List<PersonStatus>(statuses) }
            : new ReportInput
            {
                Register = ImmutableCollectionsMarshal.AsImmutableArray(register),
                Doses = ImmutableCollectionsMarshal.AsImmutableArray(doses),
                Statuses = ImmutableCollectionsMarshal.AsImmutableArray(statuses),
            };
    }
}
