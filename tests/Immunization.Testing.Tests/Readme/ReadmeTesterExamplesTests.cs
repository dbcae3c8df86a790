using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using Immunization.Testing.Arbitraries;
using NodaTime;

namespace Immunization.Testing.Tests.Readme;

/// <summary>
/// The README's examples for testers, compiled here exactly as the README shows them (with <c>using FsCheck.Xunit;</c>
/// in scope, as in any xunit test file), so they cannot rot. <c>prop.QuickCheckThrowOnFailure()</c> does not compile
/// there: FsCheck.Xunit's extension that needs an <c>ITestOutputHelper</c> is the only one in scope. The README uses
/// <c>Check.QuickThrowOnFailure(prop)</c> (namespace <c>FsCheck</c>) or a <c>[Property]</c> method returning the property.
/// </summary>
public sealed class ReadmeTesterExamplesTests
{
    // README, "Generators for dose histories".
    [Fact]
    public void DoseHistoriesExample_DrawnHistories_AreInDateOrder() =>
        Check.QuickThrowOnFailure(Prop.ForAll(DoseHistoryArbitraries.DoseHistoryArbitrary(),
            h => h.Doses.Select(d => d.Date).SequenceEqual(h.Doses.Select(d => d.Date).Order())));

    // README, "Generators for identity values" (the class registered whole, and one generator used directly).
    [Property(Arbitrary = [typeof(IdentityArbitraries)])]
    public bool PhoneRoundTrips(PhoneNumber phone) => PhoneNumber.Parse(phone.ToE164()) == phone;

    [Property]
    public Property CccdMatchesHolder() =>
        Prop.ForAll(IdentityArbitraries.CccdsWithHolder().ToArbitrary(),
            h => h.Id.CheckAgainst(h.Sex, h.BirthYear) == CitizenIdDiscrepancies.None);

    // README, "Generators for administrative units".
    [Fact]
    public void PlacesExample_EveryOldCommune_MapsToANewOne() =>
        Check.QuickThrowOnFailure(Prop.ForAll(PlacesArbitraries.OldCommunes(),
            commune => commune.MapToNew().Length >= 1));

    // README, "Generators for the CDSi engine's inputs".
    [Fact]
    public void EvaluationExample_DoseOrder_DoesNotChangeTheForecast() =>
        Check.QuickThrowOnFailure(Prop.ForAll(
            EvaluationArbitraries.DoseHistories(new LocalDate(2010, 3, 1), new LocalDate(2018, 5, 18), ["03", "21", "94"]).ToArbitrary(),
            doses =>
            {
                var child = new CdsiPatient(new LocalDate(2010, 1, 1), Sex.Female);
                var inOrder = CdsiEngine.Default.Evaluate(child, doses, new LocalDate(2019, 1, 1));
                var reversed = CdsiEngine.Default.Evaluate(child, doses.Reverse(), new LocalDate(2019, 1, 1));
                return inOrder.ForecastFor("MMR")?.Earliest == reversed.ForecastFor("MMR")?.Earliest;
            }));

    // The failure path: a property that does not hold must throw, or the examples above would prove nothing.
    [Fact]
    public void QuickThrowOnFailure_FalseProperty_Throws() =>
        Assert.ThrowsAny<Exception>(() => Check.QuickThrowOnFailure(Prop.ForAll(PlacesArbitraries.OldCommunes(),
            commune => commune.MapToNew().Length == 0)));
}
