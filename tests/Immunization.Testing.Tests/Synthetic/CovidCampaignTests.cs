using Immunization.Core.Vaccines;
using Immunization.Testing.Synthetic;
using NodaTime;

namespace Immunization.Testing.Tests.Synthetic;

public sealed class CovidCampaignTests
{
    [Fact]
    public void History_ChildrenTurning12_NoUnder12FormulationFromTheir12thBirthday()
    {
        // Born April 2009 – December 2011: under 12 on 31 March 2022 (the child programme), 12 during or after it.
        var rng = new Xoshiro256StarStar(12);
        var first = new LocalDate(2009, 4, 1);
        var span = Period.Between(first, new LocalDate(2011, 12, 31), PeriodUnits.Days).Days;
        var checkedDoses = 0;
        var turned12 = 0;
        for (var i = 0; i < 40_000; i++)
        {
            var born = first.PlusDays(rng.Next(span + 1));
            foreach (var dose in CovidCampaign.History(ref rng, born, frontline: false))
            {
                checkedDoses++;
                if (CovidCampaign.Age(born, dose.Date) < 12)
                {
                    continue;
                }

                turned12++;
                Assert.True(!IsUnder12Formulation(dose), $"born {born}, dose {dose.DoseNumber} on {dose.Date}: {dose.Product.Code} at 12");
            }
        }

        Assert.True(checkedDoses > 20_000, $"{checkedDoses} doses checked");
        Assert.True(turned12 > 1_000, $"only {turned12} doses at 12 or more");
    }

    [Fact]
    public void History_SecondBooster_AlwaysMrna()
    {
        var rng = new Xoshiro256StarStar(4);
        var secondBoosters = 0;
        for (var i = 0; i < 60_000; i++)
        {
            // Ages 50–90 at the start of the campaign, a third of them frontline: the people eligible for a second booster.
            var born = new LocalDate(1931, 1, 1).PlusDays(rng.Next(40 * 365));
            var boosters = CovidCampaign.History(ref rng, born, frontline: rng.Chance(0.3)).Where(d => d.IsBooster).ToList();
            foreach (var dose in boosters.Skip(1))
            {
                secondBoosters++;
                Assert.True(
                    dose.Product.Code is "208" or "217" or "207" or "221",
                    $"dose {dose.DoseNumber} (second booster) is {dose.Product.Code}, not mRNA");
            }
        }

        Assert.True(secondBoosters > 5_000, $"only {secondBoosters} second boosters");
    }

    // Pfizer 10 µg is for ages 5–11 only; Moderna 50 µg is the 6–11 primary dose (and an adult booster, not checked here).
    private static bool IsUnder12Formulation(SyntheticDose dose) =>
        dose.Product == VietnamCovidVaccines.PfizerPaediatric || (dose.Product == VietnamCovidVaccines.ModernaHalfDose && !dose.IsBooster);
}
