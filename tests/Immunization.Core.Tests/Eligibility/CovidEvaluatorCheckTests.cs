using System.Globalization;
using Immunization.Core.Eligibility;
using Immunization.Core.Identity;

namespace Immunization.Core.Tests.Eligibility;

/// <summary>
/// "May this person have this product on this date?" (<see cref="CovidEvaluator.Check"/>), hand-checked against the rules
/// and sources of src/Immunization.Core/Schedules/Vietnam/AntigenSupportingData-VN-COVID-19.xml and
/// shared/research/immunization-schedules.md s.4. Columns: rule and source; date of birth; priority groups; immunocompromised;
/// doses before; product; date; expected allowed; expected rule; expected dose number; expected earliest date the dose counts
/// under the rules in effect on the date asked about ("" when none): the minimum age for a first dose, the minimum interval
/// after the previous one (AstraZeneca: 4 weeks under the MoH letter of 20 Sep 2021, the schedule's choice).
/// </summary>
public sealed class CovidEvaluatorCheckTests
{
    public static TheoryData<string, string, string, bool, string, string, string, bool, DoseDecisionRule, int, string> Cases => new()
    {
        // AZ then Pfizer at 8 weeks in Oct 2021: AZ 8-12 weeks (QD 3588/QD-BYT, 26/7/2021; 4 weeks allowed from the MoH letter of 20/9/2021), AZ->Pfizer from Aug 2021 (24h.com.vn).
        { "AZ then Pfizer at 8 weeks, Oct 2021", "1990-05-01", "", false, "2021-08-10 210", "208", "2021-10-05", true, DoseDecisionRule.Allowed, 2, "2021-09-07" },
        // AZ then Moderna in Aug 2021: not allowed then (24h.com.vn 2021-08); dose 2 itself is due from 8 weeks (5 Aug 2021).
        { "AZ then Moderna, Aug 2021", "1990-05-01", "", false, "2021-06-10 210", "207", "2021-08-20", false, DoseDecisionRule.ProductNotAllowed, 2, "2021-08-05" },
        // AZ then Moderna in Oct 2021: allowed from 8 Sep 2021 (giadinh.net.vn; thanhnien.vn).
        { "AZ then Moderna, Oct 2021", "1990-05-01", "", false, "2021-08-10 210", "207", "2021-10-05", true, DoseDecisionRule.Allowed, 2, "2021-09-07" },
        // Pfizer dose 2 ten days after dose 1: 3 weeks (QD 3588); counts from 22 Oct 2021.
        { "Pfizer dose 2 after 10 days", "1990-05-01", "", false, "2021-10-01 208", "208", "2021-10-11", false, DoseDecisionRule.TooSoon, 2, "2021-10-22" },
        // Pfizer dose 2 after 18 days: within the 4-day grace period (CDSi absMinInt = minInt - 4 days), earliest still 22 Oct.
        { "Pfizer dose 2 in the grace period", "1990-05-01", "", false, "2021-10-01 208", "208", "2021-10-19", true, DoseDecisionRule.GracePeriod, 2, "2021-10-22" },
        // A 10-year-old and the adult Pfizer dose: 5-11 get Pfizer 10 mcg (CVX 218) only (vietnamplus 04/2022); the series starts at 5.
        { "10-year-old, adult Pfizer", "2012-01-01", "", false, "", "208", "2022-06-01", false, DoseDecisionRule.ProductNotAllowed, 1, "2017-01-01" },
        // The same 10-year-old and the paediatric Pfizer dose.
        { "10-year-old, paediatric Pfizer", "2012-01-01", "", false, "", "218", "2022-06-01", true, DoseDecisionRule.Allowed, 1, "2017-01-01" },
        // A 16-year-old's Pfizer dose 2 three weeks after dose 1 (12-17: Pfizer 0.3 ml, same brand; vietnamnet; nld.com.vn).
        { "16-year-old, Pfizer dose 2", "2005-06-01", "", false, "2021-11-01 208", "208", "2021-11-22", true, DoseDecisionRule.Allowed, 2, "2021-11-22" },
        // A 16-year-old and Moderna: 12-17 Pfizer 0.3 ml only (vietnamnet; nld.com.vn); the series starts at 12.
        { "16-year-old, Moderna dose 1", "2005-06-01", "", false, "", "207", "2021-11-01", false, DoseDecisionRule.ProductNotAllowed, 1, "2017-06-01" },
        // Dose 3 at 4 months in Nov 2021: boosters from 1 Dec 2021, 6 months then (vnexpress): 22 Dec 2021.
        { "Dose 3 at 4 months, Nov 2021", "1990-05-01", "", false, "2021-06-01 208; 2021-06-22 208", "208", "2021-11-01", false, DoseDecisionRule.NotYetInEffect, 3, "2021-12-22" },
        // Dose 3 at 4 months in Jan 2022: 3 months from 17 Dec 2021 (vnexpress).
        { "Dose 3 at 4 months, Jan 2022", "1990-05-01", "", false, "2021-09-01 208; 2021-09-22 208", "208", "2022-01-22", true, DoseDecisionRule.Allowed, 3, "2021-12-22" },
        // Dose 3 at 2 months in Jan 2022: too soon (3 months).
        { "Dose 3 at 2 months, Jan 2022", "1990-05-01", "", false, "2021-11-01 208; 2021-11-22 208", "208", "2022-01-22", false, DoseDecisionRule.TooSoon, 3, "2022-02-22" },
        // 55-year-old, dose 4 four months after dose 3 (50+; thanhnien 05/2022; sggpnews 2022-05-12).
        { "55-year-old, dose 4", "1967-03-01", "", false, "2021-09-01 208; 2021-09-22 208; 2022-01-22 208", "208", "2022-08-01", true, DoseDecisionRule.Allowed, 4, "2022-05-22" },
        // 30-year-old health worker (group 1, high exposure), dose 4 (thanhnien 05/2022).
        { "30-year-old health worker, dose 4", "1992-03-01", "1", false, "2021-09-01 208; 2021-09-22 208; 2022-01-22 208", "207", "2022-08-01", true, DoseDecisionRule.Allowed, 4, "2022-05-22" },
        // 30-year-old without a group asking for dose 4: not eligible (thanhnien 05/2022).
        { "30-year-old without a group, dose 4", "1992-03-01", "", false, "2021-09-01 208; 2021-09-22 208; 2022-01-22 208", "208", "2022-08-01", false, DoseDecisionRule.NotInSecondBoosterGroup, 4, "" },
        // 30-year-old immunocompromised adult after 3 primary doses: dose 4 is the booster (Dispatch 3309/BYT-DP).
        { "Immunocompromised adult, additional dose", "1980", "", true, "2022-01-01 208; 2022-01-22 208", "208", "2022-07-01", true, DoseDecisionRule.Allowed, 3, "2022-06-23" },
        // Abdala's third dose 14 days after the second (vietnamplus 2022-02-08).
        { "Abdala third dose", "1990-05-01", "", false, "2021-10-01 VN-ABDALA; 2021-10-15 VN-ABDALA", "VN-ABDALA", "2021-10-29", true, DoseDecisionRule.Allowed, 3, "2021-10-29" },
        // Abdala at 17: 19-65 only (vietnamplus 2022-02-08); a 17-year-old follows the 12-17 Pfizer series.
        { "Abdala at 17", "2004-06-01", "", false, "", "VN-ABDALA", "2021-11-01", false, DoseDecisionRule.ProductNotAllowed, 1, "2016-06-01" },
        // Vero Cell then AZ: same product only (giadinh.net.vn; thanhnien.vn).
        { "Vero Cell then AZ", "1990-05-01", "", false, "2021-08-01 510", "210", "2021-08-22", false, DoseDecisionRule.ProductNotAllowed, 2, "2021-08-22" },
        // Janssen: one dose completes the primary series (nhandan); a booster 1 month later is too soon (3 months).
        { "Janssen, booster after 1 month", "1990-05-01", "", false, "2022-01-01 212", "208", "2022-02-01", false, DoseDecisionRule.TooSoon, 2, "2022-04-01" },
        // Four valid doses: nothing more in the schedule.
        { "Four doses, fifth asked", "1960-01-01", "", false, "2021-07-01 210; 2021-09-01 210; 2022-01-01 221; 2022-06-01 208", "208", "2022-12-01", false, DoseDecisionRule.SeriesComplete, 5, "" },
        // A 3-year-old: no product for under-5s (the youngest, paediatric Pfizer, from 5; vietnamplus 04/2022).
        { "3-year-old", "2019-01-01", "", false, "", "218", "2022-06-01", false, DoseDecisionRule.TooYoung, 1, "2024-01-01" },
        // A code the schedule does not know; the next dose (dose 1 at 18+) counts from the 18th birthday.
        { "Unknown product", "1990-05-01", "", false, "", "XYZ", "2021-10-01", false, DoseDecisionRule.UnknownProduct, 1, "2008-05-01" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Case_MatchesHandCheckedDecision(
        string rule, string birth, string groups, bool immunocompromised, string doses, string product, string date,
        bool expectedAllowed, DoseDecisionRule expectedRule, int expectedDose, string expectedEarliest)
    {
        var person = new CovidPerson(
            PartialDate.Parse(birth),
            Sex.Female,
            groups.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => (PriorityGroup)int.Parse(g, CultureInfo.InvariantCulture)),
            immunocompromised ? RiskConditions.Immunocompromised : RiskConditions.None);

        var decision = CovidEvaluator.Default.Check(person, CovidScenarioTests.ParseDoses(doses), product, CovidScenarioTests.Date(date));

        var why = rule + ": " + decision;
        Assert.True(expectedAllowed == decision.IsAllowed, why);
        Assert.True(expectedRule == decision.Rule, why);
        Assert.True(expectedDose == decision.DoseNumber, why);
        Assert.True(expectedEarliest == (decision.Earliest is { } e ? e.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : string.Empty), why);
        Assert.False(string.IsNullOrEmpty(decision.Explanation));
    }

    [Fact]
    public void Check_WrongProductForTheMix_ListsTheProductsAllowedThatDay()
    {
        var person = new CovidPerson(PartialDate.Parse("1990-05-01"), Sex.Male);

        var decision = CovidEvaluator.Default.Check(person, CovidScenarioTests.ParseDoses("2021-06-10 210"), "207", CovidScenarioTests.Date("2021-08-20"));

        // Aug 2021 after AstraZeneca: AstraZeneca or Pfizer (both presentations), not Moderna (24h.com.vn 2021-08).
        Assert.Equal(["208", "210", "217"], decision.AllowedProducts);
    }

    [Fact]
    public void Check_DosesOnOrAfterTheDate_AreIgnored()
    {
        var person = new CovidPerson(PartialDate.Parse("1990-05-01"), Sex.Male);
        var doses = CovidScenarioTests.ParseDoses("2021-10-01 208; 2021-10-22 208; 2022-03-01 208");

        var decision = CovidEvaluator.Default.Check(person, doses, "208", CovidScenarioTests.Date("2021-10-22"));

        Assert.True(decision.IsAllowed);
        Assert.Equal(2, decision.DoseNumber);
        Assert.Equal(CovidDoseKind.Primary, decision.Kind);
    }

    [Fact]
    public void Check_HealthWorkerFromADate_SecondBoosterOnlyFromThen()
    {
        // A 30-year-old who becomes a health worker on 1 Sep 2022 (group 1: high exposure, thanhnien 05/2022).
        var person = CovidPerson.WithFacts(
            PartialDate.Parse("1992-03-01"), Sex.Female, [new PriorityGroupFact(PriorityGroup.HealthWorkers, From: CovidScenarioTests.Date("2022-09-01"))], []);
        var doses = CovidScenarioTests.ParseDoses("2021-09-01 208; 2021-09-22 208; 2022-01-22 208");

        var august = CovidEvaluator.Default.Check(person, doses, "208", CovidScenarioTests.Date("2022-08-01"));
        var september = CovidEvaluator.Default.Check(person, doses, "208", CovidScenarioTests.Date("2022-09-01"));

        Assert.Equal(DoseDecisionRule.NotInSecondBoosterGroup, august.Rule);
        Assert.Equal(DoseDecisionRule.Allowed, september.Rule);
        Assert.Equal(CovidDoseKind.SecondBooster, september.Kind);
    }

    [Fact]
    public void Check_SputnikVInPregnancy_RefusedOnlyWhilePregnant()
    {
        // Sputnik V is not given in pregnancy (giadinh.net.vn; thanhnien.vn, 09/2021).
        var person = CovidPerson.WithFacts(
            PartialDate.Parse("1995-01-01"), Sex.Female, [],
            [new RiskConditionFact(RiskConditions.Pregnant, CovidScenarioTests.Date("2021-05-01"), CovidScenarioTests.Date("2021-12-31"))]);

        var pregnant = CovidEvaluator.Default.Check(person, [], "505", CovidScenarioTests.Date("2021-10-01"));
        var pfizer = CovidEvaluator.Default.Check(person, [], "208", CovidScenarioTests.Date("2021-10-01"));
        var after = CovidEvaluator.Default.Check(person, [], "505", CovidScenarioTests.Date("2022-01-01"));

        Assert.Equal(DoseDecisionRule.NotInPregnancy, pregnant.Rule);
        Assert.False(pregnant.IsAllowed);
        Assert.True(pfizer.IsAllowed);
        Assert.Equal(DoseDecisionRule.Allowed, after.Rule);
    }

    [Fact]
    public void Check_DateBeforeBirth_Throws()
    {
        var person = new CovidPerson(PartialDate.Parse("1990-05-01"), Sex.Male);

        Assert.Throws<ArgumentException>(() => CovidEvaluator.Default.Check(person, [], "208", CovidScenarioTests.Date("1990-04-30")));
    }
}
