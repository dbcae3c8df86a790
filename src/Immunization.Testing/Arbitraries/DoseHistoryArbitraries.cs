using FsCheck;
using FsCheck.Fluent;
using Immunization.Core.Records;
using Immunization.Core.Vaccines;
using Immunization.Testing.Synthetic;

namespace Immunization.Testing.Arbitraries;

/// <summary>
/// FsCheck generators of COVID-19 vaccination histories, dose records, register entries and vaccine products, drawn from
/// the same model of Viet Nam's
/// 2021–2022 campaign as <see cref="SyntheticDataGenerator"/>: products, intervals, ages and boosters as the Ministry of
/// Health's guidance set them.
/// </summary>
/// <remarks>
/// <para>
/// Every generated history is valid under the campaign's rules: doses in date order between 8 March 2021 and
/// 31 December 2022, numbered from 1, the person old enough for each product, the dose 1 → dose 2 interval at least the
/// product's minimum, the primary series completed with the same product where mixing was not allowed, boosters only
/// after a completed primary series. Shrinking drops doses from the end, so a shrunk history stays valid.
/// </para>
/// <para>
/// Use the <c>…Arbitrary()</c> methods with <c>Prop.ForAll</c> or register the class
/// (<c>[Property(Arbitrary = [typeof(DoseHistoryArbitraries)])]</c>); combine the <see cref="Gen{T}"/> methods into larger
/// generators.
/// </para>
/// </remarks>
/// <threadsafety>All members are thread-safe; generators are immutable.</threadsafety>
public static class DoseHistoryArbitraries
{
    private static Gen<ulong> Seeds() =>
        Gen.Choose(int.MinValue, int.MaxValue).Zip(Gen.Choose(int.MinValue, int.MaxValue))
            .Select(p => ((ulong)(uint)p.Item1 << 32) | (uint)p.Item2);

    /// <summary>Generates histories of people of any age, including people without doses (the unvaccinated and children under 5).</summary>
    /// <returns>The generator.</returns>
    public static Gen<DoseHistory> DoseHistories() => Seeds().Select(seed =>
    {
        var rng = new Xoshiro256StarStar(seed);
        return Draw(ref rng);
    });

    /// <summary>Generates histories with at least one dose.</summary>
    /// <returns>The generator.</returns>
    public static Gen<DoseHistory> VaccinatedHistories() => Seeds().Select(seed =>
    {
        var rng = new Xoshiro256StarStar(seed);
        while (true)
        {
            var history = Draw(ref rng);
            if (history.Doses.Count > 0)
            {
                return history;
            }
        }
    });

    /// <summary>Vaccinated histories, shrinking by dropping doses from the end.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<DoseHistory> DoseHistoryArbitrary() => Arb.From(VaccinatedHistories(), ShrinkHistory);

    /// <summary>Generates dose records as entered, with their truth and errors at the given rates (default rates when <see langword="null"/>).</summary>
    /// <param name="rates">The error rates.</param>
    /// <returns>The generator.</returns>
    public static Gen<SyntheticRecord> SyntheticRecords(ErrorRates? rates = null)
    {
        var errors = rates ?? ErrorRates.Default;
        return Seeds().Select(seed =>
        {
            // A handful of people per draw, so that nearly every draw has a vaccinated person; the first record is taken.
            var data = SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 8, Seed = seed, Errors = errors });
            return data.Records.Count > 0 ? data.Records[0] : null;
        }).Where(r => r is not null).Select(r => r!);
    }

    /// <summary>Generates people of the register (clean details: real communes, CCCD or CMND consistent with sex and birth year).</summary>
    /// <returns>The generator.</returns>
    public static Gen<RegisterEntry> RegisterEntries() => Seeds().Select(seed =>
        SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 1, Seed = seed, Errors = ErrorRates.None }).Register[0]);

    /// <summary>Generates the COVID-19 vaccine products of <see cref="VietnamCovidVaccines.All"/>.</summary>
    /// <returns>The generator.</returns>
    public static Gen<VaccineProduct> VaccineProducts() => Gen.Elements<VaccineProduct>(VietnamCovidVaccines.All);

    /// <summary>Generates dose records as entered, with errors at the default rates.</summary>
    /// <returns>The generator.</returns>
    public static Gen<DoseRecord> DoseRecords() => SyntheticRecords().Select(r => r.Record);

    /// <summary>Dose records as entered, with errors at the default rates.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<DoseRecord> DoseRecordArbitrary() => DoseRecords().ToArbitrary();

    private static DoseHistory Draw(ref Xoshiro256StarStar rng)
    {
        var (_, dateOfBirth) = AgeStructure.Default.Next(ref rng);
        var frontline = rng.Chance(0.05);
        return new DoseHistory(dateOfBirth, CovidCampaign.History(ref rng, dateOfBirth, frontline));
    }

    private static IEnumerable<DoseHistory> ShrinkHistory(DoseHistory history)
    {
        for (var n = history.Doses.Count - 1; n >= 1; n--)
        {
            yield return history with { Doses = history.Doses.Take(n).ToArray() };
        }
    }
}
