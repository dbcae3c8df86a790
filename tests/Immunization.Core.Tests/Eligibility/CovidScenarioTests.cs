using System.Globalization;
using Immunization.Core.Eligibility;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using NodaTime;
using NodaTime.Text;

namespace Immunization.Core.Tests.Eligibility;

/// <summary>
/// Hand-checked scenarios of Viet Nam's COVID-19 schedule (rules and sources: the comments of
/// src/Immunization.Core/Schedules/Vietnam/AntigenSupportingData-VN-COVID-19.xml; facts: shared/research/immunization-schedules.md s.4).
/// Columns: rule and source; date of birth; priority groups (comma-separated numbers); immunocompromised; as-of date;
/// doses "date code" separated by ';'; expected dose results in date order (V valid, X not valid, E extraneous, - not
/// evaluated); expected status; expected next dose number (0: none); its expected earliest date ("" when none or blocked);
/// its expected rule ("" when none).
/// </summary>
public sealed class CovidScenarioTests
{
    public static TheoryData<string, string, string, bool, string, string, string, VaccinationStatus, int, string, string> Scenarios => new()
    {
        // 1. AZ then Pfizer at exactly 8 weeks (10 Aug + 56 days = 5 Oct 2021): mixing AZ->Pfizer allowed from Aug 2021 (24h.com.vn); AZ interval 8-12 weeks (QD 3588). Booster: 6 months on 1 Dec 2021 -> 5 Apr 2022.
        { "AZ then Pfizer at 8 weeks, Oct 2021", "1990-05-01", "", false, "2021-12-01", "2021-08-10 210; 2021-10-05 208", "VV", VaccinationStatus.PrimarySeriesComplete, 3, "2022-04-05", "TooSoon" },
        // 2. AZ then Moderna in Aug 2021: not allowed then (24h.com.vn 2021-08); dose 2 again 8 weeks after the invalid dose (CDSi intervals run from the previous dose).
        { "AZ then Moderna, Aug 2021 (not allowed)", "1990-05-01", "", false, "2021-09-01", "2021-06-10 210; 2021-08-20 207", "VX", VaccinationStatus.PartiallyVaccinated, 2, "2021-10-15", "TooSoon" },
        // 3. AZ then Moderna in Oct 2021: allowed from 8 Sep 2021 (giadinh.net.vn; thanhnien.vn). No booster rule before 1 Dec 2021: dates from the rule of 1 Dec (6 months).
        { "AZ then Moderna, Oct 2021 (allowed)", "1990-05-01", "", false, "2021-11-01", "2021-08-10 210; 2021-10-05 207", "VV", VaccinationStatus.PrimarySeriesComplete, 3, "2022-04-05", "NotYetInEffect" },
        // 4. A 16-year-old with two Pfizer 0.3 ml doses 3 weeks apart (vietnamnet; nld.com.vn); dose 3 at 5 months, rule of June 2022 (vietnamnews.vn).
        { "16-year-old, two Pfizer doses", "2005-06-01", "", false, "2022-01-01", "2021-11-01 208; 2021-11-22 208", "VV", VaccinationStatus.PrimarySeriesComplete, 3, "2022-06-01", "NotYetInEffect" },
        // 5. A 10-year-old given the adult Pfizer dose: 5-11 get Pfizer 10 mcg (CVX 218) only (vietnamplus 04/2022).
        { "10-year-old, adult Pfizer dose", "2012-01-01", "", false, "2022-06-01", "2022-05-01 208", "X", VaccinationStatus.NotVaccinated, 1, "2022-05-01", "Schedule" },
        // 6. Dose 3 at 4 months in Nov 2021: boosters start 1 Dec 2021 (vnexpress): not valid; again 3 months after it.
        { "Dose 3 at 4 months, Nov 2021", "1990-05-01", "", false, "2022-02-01", "2021-06-01 208; 2021-06-22 208; 2021-11-01 208", "VVX", VaccinationStatus.PrimarySeriesComplete, 3, "2022-02-01", "Schedule" },
        // 7. Dose 3 at 4 months in Jan 2022: 3 months from 17 Dec 2021 (vnexpress): valid. A 31-year-old without a group may not have dose 4.
        { "Dose 3 at 4 months, Jan 2022", "1990-05-01", "", false, "2022-02-01", "2021-09-01 208; 2021-09-22 208; 2022-01-22 208", "VVV", VaccinationStatus.Boosted, 4, "", "NotInSecondBoosterGroup" },
        // 8. A 55-year-old due for dose 4: 50+, 4 months after dose 3 (thanhnien 05/2022; sggpnews 2022-05-12).
        { "55-year-old, dose 4 due", "1967-03-01", "", false, "2022-08-01", "2021-09-01 208; 2021-09-22 208; 2022-01-22 208", "VVV", VaccinationStatus.Boosted, 4, "2022-05-22", "Schedule" },
        // 9. A 30-year-old health worker (group 1, high exposure) due for dose 4 (thanhnien 05/2022).
        { "30-year-old health worker, dose 4 due", "1992-03-01", "1", false, "2022-08-01", "2021-09-01 208; 2021-09-22 208; 2022-01-22 208", "VVV", VaccinationStatus.Boosted, 4, "2022-05-22", "Schedule" },
        // 10. A 30-year-old in no priority group asking for dose 4: not eligible (thanhnien 05/2022).
        { "30-year-old without a group, dose 4", "1992-03-01", "", false, "2022-08-01", "2021-09-01 208; 2021-09-22 208; 2022-01-22 208", "VVV", VaccinationStatus.Boosted, 4, "", "NotInSecondBoosterGroup" },
        // 11. A 30-year-old teacher (group 6, frontline) may have dose 4.
        { "30-year-old teacher, dose 4", "1992-03-01", "6", false, "2022-08-01", "2021-09-01 208; 2021-09-22 208; 2022-01-22 208", "VVV", VaccinationStatus.Boosted, 4, "2022-05-22", "Schedule" },
        // 12. Abdala: 3 doses 14 days apart (vietnamplus 2022-02-08); the booster is dose 4, 3 months after dose 3.
        { "Abdala third dose", "1990-05-01", "", false, "2022-02-01", "2021-10-01 VN-ABDALA; 2021-10-15 VN-ABDALA; 2021-10-29 VN-ABDALA", "VVV", VaccinationStatus.PrimarySeriesComplete, 4, "2022-01-29", "Schedule" },
        // 13. Abdala after two doses only: partially vaccinated, dose 3 due 14 days after dose 2.
        { "Abdala two doses", "1990-05-01", "", false, "2021-10-20", "2021-10-01 VN-ABDALA; 2021-10-15 VN-ABDALA", "VV", VaccinationStatus.PartiallyVaccinated, 3, "2021-10-29", "TooSoon" },
        // 14. Janssen: one dose completes the primary series (nhandan); booster 3 months later.
        { "Janssen complete after one dose", "1990-05-01", "", false, "2022-02-01", "2021-10-01 212", "V", VaccinationStatus.PrimarySeriesComplete, 2, "2022-01-01", "Schedule" },
        // 15. Pfizer dose 2 given 10 days after dose 1: too soon (3 weeks, QD 3588; 4-day grace only); due 3 weeks after the early dose.
        { "Dose 2 ten days after dose 1", "1990-05-01", "", false, "2021-12-01", "2021-10-01 208; 2021-10-11 208", "VX", VaccinationStatus.PartiallyVaccinated, 2, "2021-11-01", "Schedule" },
        // 16. Pfizer dose 2 two days early (19 days): within the 4-day grace period (CDSi absMinInt = minInt - 4 days).
        { "Dose 2 in the grace period", "1990-05-01", "", false, "2021-12-01", "2021-10-01 208; 2021-10-20 208", "VV", VaccinationStatus.PrimarySeriesComplete, 3, "2022-04-20", "TooSoon" },
        // 17. Immunocompromised adult: additional dose >= 28 days after the primary series (Dispatch 3309/BYT-DP, 23/6/2022): 3 valid, complete.
        { "Immunocompromised adult, additional dose given", "1980", "", true, "2022-08-01", "2022-01-01 208; 2022-01-22 208; 2022-07-01 208", "VVV", VaccinationStatus.PrimarySeriesComplete, 4, "2022-10-01", "TooSoon" },
        // 18. Immunocompromised adult after 2 doses: the additional dose is due, from the dispatch's date.
        { "Immunocompromised adult, additional dose due", "1980", "", true, "2022-08-01", "2022-01-01 208; 2022-01-22 208", "VV", VaccinationStatus.PartiallyVaccinated, 3, "2022-06-23", "Schedule" },
        // 19. A record with only a birth year (2003 -> 1 Jan 2003): 18 on 1 Aug 2021, AZ valid; a later dose and an unknown code are not evaluated.
        { "Birth year only, 18 at dose 1", "2003", "", false, "2022-01-01", "2021-08-01 210; 2021-10-01 210; 2021-12-01 XYZ; 2023-01-01 208", "VV--", VaccinationStatus.PrimarySeriesComplete, 3, "2022-01-01", "Schedule" },
        // 20. Vero Cell then AZ: same product only (giadinh.net.vn; thanhnien.vn).
        { "Vero Cell then AZ (not allowed)", "1990-05-01", "", false, "2022-01-01", "2021-08-01 510; 2021-08-22 210", "VX", VaccinationStatus.PartiallyVaccinated, 2, "2021-09-12", "Schedule" },
        // 21. Vero Cell twice 3 weeks apart (QD 3588); Hayat-Vax uses the same code.
        { "Vero Cell two doses", "1990-05-01", "", false, "2021-09-01", "2021-07-01 510; 2021-07-22 510", "VV", VaccinationStatus.PrimarySeriesComplete, 3, "2022-01-22", "NotYetInEffect" },
        // 22. Sputnik V then Pfizer: same product only.
        { "Sputnik V then Pfizer (not allowed)", "1990-05-01", "", false, "2021-11-01", "2021-09-01 505; 2021-09-22 208", "VX", VaccinationStatus.PartiallyVaccinated, 2, "2021-10-13", "Schedule" },
        // 23. Moderna then Pfizer on 10 Sep 2021: allowed from 8 Sep 2021.
        { "Moderna then Pfizer after 8 Sep 2021", "1990-05-01", "", false, "2021-11-01", "2021-08-10 207; 2021-09-10 208", "VV", VaccinationStatus.PrimarySeriesComplete, 3, "2022-03-10", "NotYetInEffect" },
        // 24. Moderna then Pfizer on 1 Sep 2021: not yet allowed.
        { "Moderna then Pfizer before 8 Sep 2021", "1990-05-01", "", false, "2021-10-01", "2021-08-01 207; 2021-09-01 208", "VX", VaccinationStatus.PartiallyVaccinated, 2, "2021-09-29", "Schedule" },
        // 25. A 7-year-old with two paediatric Pfizer doses 4 weeks apart (vietnamplus 04/2022): complete, no booster for 5-11.
        { "7-year-old, two paediatric Pfizer doses", "2015-01-01", "", false, "2022-07-01", "2022-05-01 218; 2022-05-29 218", "VV", VaccinationStatus.PrimarySeriesComplete, 0, "", "" },
        // 26. 5-11 no mixing: paediatric Pfizer then Moderna 50 mcg.
        { "7-year-old, Pfizer then Moderna (not allowed)", "2015-01-01", "", false, "2022-07-01", "2022-05-01 218; 2022-05-29 221", "VX", VaccinationStatus.PartiallyVaccinated, 2, "2022-06-26", "Schedule" },
        // 27. AZ dose 2 at 5 weeks on 10 Sep 2021 (8 weeks then): too soon.
        { "AZ dose 2 at 5 weeks before 20 Sep 2021", "1990-05-01", "", false, "2021-09-15", "2021-08-06 210; 2021-09-10 210", "VX", VaccinationStatus.PartiallyVaccinated, 2, "2021-11-05", "TooSoon" },
        // 28. AZ dose 2 at 5 weeks on 1 Oct 2021: the MoH letter of 20 Sep 2021 let provinces shorten it (choice: 4 weeks).
        { "AZ dose 2 at 5 weeks after 20 Sep 2021", "1990-05-01", "", false, "2021-10-20", "2021-08-27 210; 2021-10-01 210", "VV", VaccinationStatus.PrimarySeriesComplete, 3, "2022-04-01", "NotYetInEffect" },
        // 29. Booster at 5 months on 5 Dec 2021: 6 months then (1-16 Dec 2021, vnexpress): too soon.
        { "Booster at 5 months, 5 Dec 2021", "1990-05-01", "", false, "2021-12-10", "2021-06-01 208; 2021-06-22 208; 2021-12-05 208", "VVX", VaccinationStatus.PrimarySeriesComplete, 3, "2022-06-05", "TooSoon" },
        // 30. Dose 4 on 25 Apr 2022, before the second booster started (1 May 2022): not valid.
        { "Dose 4 before May 2022", "1967-03-01", "", false, "2022-05-01", "2021-09-01 208; 2021-09-22 208; 2021-12-22 208; 2022-04-25 208", "VVVX", VaccinationStatus.Boosted, 4, "2022-08-25", "TooSoon" },
        // 31. A 40-year-old never vaccinated: dose 1 due now.
        { "Adult, no dose", "1981-05-01", "", false, "2021-06-01", "", "", VaccinationStatus.NotVaccinated, 1, "1999-05-01", "Schedule" },
        // 32. A 3-year-old: no product for under-5s; too young until 5 (paediatric Pfizer, vietnamplus 04/2022).
        { "3-year-old", "2019-01-01", "", false, "2022-06-01", "", "", VaccinationStatus.NotVaccinated, 1, "2024-01-01", "TooYoung" },
        // 33. Janssen at 17: adults only (NQ 21/NQ-CP, 18+); a 17-year-old follows the 12-17 series (Pfizer 0.3 ml), so the dose is
        // the wrong product for it, and Pfizer dose 1 is due now.
        { "Janssen at 17", "2004-06-01", "", false, "2021-11-01", "2021-10-01 212", "X", VaccinationStatus.NotVaccinated, 1, "2021-10-01", "Schedule" },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Evaluate_Scenario_MatchesHandCheckedResult(
        string rule, string birth, string groups, bool immunocompromised, string asOf, string doses, string expectedDoses,
        VaccinationStatus expectedStatus, int expectedNext, string expectedEarliest, string expectedRule)
    {
        var person = new CovidPerson(
            PartialDate.Parse(birth),
            Sex.Female,
            groups.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => (PriorityGroup)int.Parse(g, CultureInfo.InvariantCulture)),
            immunocompromised ? RiskConditions.Immunocompromised : RiskConditions.None);

        var result = CovidEvaluator.Default.Evaluate(person, ParseDoses(doses), Date(asOf));

        var why = rule + ": " + result.SeriesName + " | " + string.Join(" | ", result.Doses.Select(d => d.Explanation)) + " | next " + result.NextDose;
        Assert.True(expectedDoses == string.Concat(result.Doses.Select(Letter)), why);
        Assert.True(expectedStatus == result.Status, why);
        Assert.True(expectedNext == (result.NextDose?.DoseNumber ?? 0), why);
        Assert.True(expectedEarliest == (result.NextDose?.Earliest is { } e ? Format(e) : string.Empty), why);
        Assert.True(expectedRule == (result.NextDose?.Rule.ToString() ?? string.Empty), why);
        Assert.All(result.Doses.Where(d => !d.Counts), d => Assert.False(string.IsNullOrEmpty(d.Explanation)));
    }

    [Fact]
    public void Evaluate_FullyVaccinatedRule_CountsFromTheLastPrimaryDose()
    {
        var person = new CovidPerson(PartialDate.Parse("1990-05-01"), Sex.Male);
        var doses = ParseDoses("2021-10-01 208; 2021-10-22 208");

        Assert.Equal(VaccinationStatus.PartiallyVaccinated, CovidEvaluator.Default.Evaluate(person, doses, Date("2021-11-04")).Status);   // 13 days
        Assert.Equal(VaccinationStatus.PrimarySeriesComplete, CovidEvaluator.Default.Evaluate(person, doses, Date("2021-11-05")).Status); // 14 days
        var sameDay = new CovidEvaluator(CovidEvaluationOptions.Default with { FullyVaccinatedAfterDays = 0 });
        Assert.Equal(VaccinationStatus.PrimarySeriesComplete, sameDay.Evaluate(person, doses, Date("2021-10-22")).Status);
    }

    [Fact]
    public void Evaluate_FourValidDoses_SecondBoosterAndNoNextDose()
    {
        var person = new CovidPerson(PartialDate.Parse("1960-01-01"), Sex.Male);

        var result = CovidEvaluator.Default.Evaluate(person, ParseDoses("2021-07-01 210; 2021-09-01 210; 2022-01-01 221; 2022-06-01 208"), Date("2022-12-01"));

        Assert.Equal(VaccinationStatus.SecondBooster, result.Status);
        Assert.Null(result.NextDose);
        Assert.Equal("50-64", result.AgeGroup.Name);
    }

    [Fact]
    public void Evaluate_NextDoseProducts_AreThoseInEffect()
    {
        var person = new CovidPerson(PartialDate.Parse("1990-05-01"), Sex.Male);

        var afterAz = CovidEvaluator.Default.Evaluate(person, ParseDoses("2021-08-01 210"), Date("2021-08-15")).NextDose!;

        // On 26 Sep 2021 (8 weeks): AZ, Pfizer (Aug 2021) and Moderna (8 Sep 2021).
        Assert.Equal(Date("2021-09-26"), afterAz.Earliest);
        Assert.Equal(["210", "208", "217", "207"], afterAz.ProductCodes);
    }

    [Fact]
    public void Evaluate_ImmunocompromisedOnlyLater_UsesTheFactsInEffectOnTheDate()
    {
        // Immunocompromised from 1 Jul 2022: the 3-dose risk series (Dispatch 3309/BYT-DP, 23/6/2022) applies from then only.
        var person = CovidPerson.WithFacts(
            PartialDate.Parse("1980"), Sex.Female, [], [new RiskConditionFact(RiskConditions.Immunocompromised, From: Date("2022-07-01"))]);
        var doses = ParseDoses("2022-01-01 208; 2022-01-22 208");

        var june = CovidEvaluator.Default.Evaluate(person, doses, Date("2022-06-30"));
        var july = CovidEvaluator.Default.Evaluate(person, doses, Date("2022-07-01"));

        Assert.Equal(VaccinationStatus.PrimarySeriesComplete, june.Status);
        Assert.Equal(RiskConditions.None, june.RiskConditions);
        Assert.Equal(VaccinationStatus.PartiallyVaccinated, july.Status);
        Assert.Equal(RiskConditions.Immunocompromised, july.RiskConditions);
        Assert.Equal(3, july.NextDose!.DoseNumber);
    }

    [Fact]
    public void Evaluate_Pregnant_ReportedAndSputnikVNotOffered()
    {
        // Sputnik V is not given in pregnancy (giadinh.net.vn; thanhnien.vn, 09/2021); no other effect in the sources.
        var pregnant = new CovidPerson(PartialDate.Parse("1995-01-01"), Sex.Female, riskConditions: RiskConditions.Pregnant);
        var not = new CovidPerson(PartialDate.Parse("1995-01-01"), Sex.Female);

        var a = CovidEvaluator.Default.Evaluate(pregnant, [], Date("2021-10-01"));
        var b = CovidEvaluator.Default.Evaluate(not, [], Date("2021-10-01"));

        Assert.Equal(RiskConditions.Pregnant, a.RiskConditions);
        Assert.Contains("505", b.NextDose!.ProductCodes);
        Assert.DoesNotContain("505", a.NextDose!.ProductCodes);
        Assert.Equal(b.NextDose.ProductCodes.Where(c => c != "505"), a.NextDose.ProductCodes);
    }

    internal static AdministeredDose[] ParseDoses(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' '))
            .Select(p => new AdministeredDose(Date(p[0]), p[1]))
            .ToArray();

    internal static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static char Letter(CovidDoseResult d) =>
        !d.IsEvaluated ? '-' : d.Status switch { DoseStatus.Valid => 'V', DoseStatus.Extraneous => 'E', _ => 'X' };
}
