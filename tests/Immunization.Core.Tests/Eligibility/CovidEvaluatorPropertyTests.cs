using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Eligibility;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using NodaTime;

namespace Immunization.Core.Tests.Eligibility;

public sealed class CovidEvaluatorPropertyTests
{
    private static readonly string[] s_codes = ["210", "208", "217", "207", "221", "212", "510", "505", "VN-ABDALA", "218", "500"];
    private static readonly LocalDate s_campaignStart = new(2021, 3, 8);

    private static Gen<AdministeredDose> Dose() =>
        from day in Gen.Choose(0, 660)
        from code in Gen.Elements(s_codes)
        select new AdministeredDose(s_campaignStart.PlusDays(day), code);

    // Realistic histories too: a product, then doses at 3-20 week steps of the same or an mRNA product.
    private static Gen<AdministeredDose[]> Campaign() =>
        from start in Gen.Choose(0, 300)
        from first in Gen.Elements(s_codes)
        from count in Gen.Choose(0, 4)
        from steps in Gen.ArrayOf(Gen.Choose(18, 140), count)
        from later in Gen.Elements("208", "207", "221", first)
        select steps.Select((s, i) => (s, i)).Aggregate(
            new List<AdministeredDose> { new(s_campaignStart.PlusDays(start), first) },
            (list, x) => { list.Add(new(list[^1].DateAdministered.PlusDays(x.s), x.i == 0 ? first : later)); return list; }).ToArray();

    private static Gen<AdministeredDose[]> History() => Gen.OneOf(Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Dose(), n)), Campaign());

    private static Gen<CovidPerson> Person() =>
        from year in Gen.Choose(1940, 2016)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from priority in Gen.Choose(0, 11)
        from immunocompromised in Gen.Elements(false, false, false, true)
        select new CovidPerson(
            PartialDate.FromDate(year, month, day),
            Sex.Female,
            [(PriorityGroup)priority],
            immunocompromised ? RiskConditions.Immunocompromised : RiskConditions.None);

    private static string Describe(CovidAssessment a) =>
        $"{a.Status} {a.SeriesName} {a.NextDose} " + string.Join(";", a.Doses.Select(d => $"{d.Dose} {d.Status} {d.Reason} {d.DoseNumber} {d.Explanation}"));

    // "Adding a dose" is the next dose given: after every dose on record. A dose inserted between two others is a different
    // question: CDSi measures an interval from the immediate previous dose, valid or not, so an inserted dose can rightly
    // make the dose after it too soon (Evaluate_DoseInsertedBeforeLaterOnes_CanMakeTheLaterOneTooSoon below).
    [Property(MaxTest = 150)]
    public Property Evaluate_AddingAValidDose_NeverLowersTheStatus() =>
        Prop.ForAll(Person().ToArbitrary(), History().ToArbitrary(), Gen.Choose(1, 400).SelectMany(g => Gen.Elements(s_codes).Select(c => (g, c))).ToArbitrary(), (person, history, next) =>
        {
            var asOf = new LocalDate(2023, 6, 1);
            var last = history.Length == 0 ? s_campaignStart : history.Max(d => d.DateAdministered);
            var extra = new AdministeredDose(last.PlusDays(next.g), next.c);
            var before = CovidEvaluator.Default.Evaluate(person, history, asOf);
            var after = CovidEvaluator.Default.Evaluate(person, history.Append(extra), asOf);
            var added = after.Doses.Where(d => d.Dose == extra).ToArray();
            return (!added.Any(d => d.Counts) || after.Status >= before.Status)
                .Label($"{before.Status} -> {after.Status}\n{Describe(before)}\n{Describe(after)}");
        });

    // Found by the property above when it still inserted doses anywhere (replay 16253552301369560997,16990585781433955585,95).
    // Janssen, then boosters on 30 Dec 2021 and 9 May 2022: a second booster. An AstraZeneca dose on 19 Nov 2021, before
    // the booster campaign (1 Dec 2021), is valid only as the first dose of an AstraZeneca series, and in the Janssen series
    // it is the previous dose the 30 Dec booster is measured from (41 days, not 3 months): that booster no longer counts.
    [Fact]
    public void Evaluate_DoseInsertedBeforeLaterOnes_CanMakeTheLaterOneTooSoon()
    {
        var person = new CovidPerson(PartialDate.FromDate(1980, 1, 1), Sex.Female, [], RiskConditions.None);
        AdministeredDose[] history =
        [
            new(new LocalDate(2021, 5, 21), "212"), new(new LocalDate(2021, 8, 12), "212"),
            new(new LocalDate(2021, 12, 30), "208"), new(new LocalDate(2022, 5, 9), "208"),
        ];
        var asOf = new LocalDate(2023, 1, 1);

        var before = CovidEvaluator.Default.Evaluate(person, history, asOf);
        var after = CovidEvaluator.Default.Evaluate(person, [.. history, new(new LocalDate(2021, 11, 19), "210")], asOf);

        Assert.Equal(VaccinationStatus.SecondBooster, before.Status);
        Assert.Equal(VaccinationStatus.Boosted, after.Status);
    }

    [Property(MaxTest = 150)]
    public Property Evaluate_RecordsInAnyOrder_SameResult() =>
        Prop.ForAll(Person().ToArbitrary(), History().ToArbitrary(), (person, history) =>
        {
            var asOf = new LocalDate(2022, 9, 1);
            var expected = Describe(CovidEvaluator.Default.Evaluate(person, history, asOf));
            var reversed = Describe(CovidEvaluator.Default.Evaluate(person, history.Reverse(), asOf));
            var rotated = Describe(CovidEvaluator.Default.Evaluate(person, history.Skip(history.Length / 2).Concat(history.Take(history.Length / 2)), asOf));
            return expected == reversed && expected == rotated;
        });

    // From 1 Jun 2022 every rule of the schedule is in effect (the last, the 12-17 booster, took effect then); before,
    // a rule that shortened an interval (17 Dec 2021) can rightly bring a due date forward.
    [Property(MaxTest = 150)]
    public Property Evaluate_Later_NeverAnEarlierDueDateForTheSameDose() =>
        Prop.ForAll(Person().ToArbitrary(), History().ToArbitrary(), Gen.Choose(0, 400).SelectMany(o => Gen.Choose(1, 400).Select(g => (o, g))).ToArbitrary(), (person, history, dates) =>
        {
            var (offset, gap) = dates;
            var first = new LocalDate(2022, 6, 1).PlusDays(offset);
            var second = first.PlusDays(gap);
            var a = CovidEvaluator.Default.Evaluate(person, history, first).NextDose;
            var b = CovidEvaluator.Default.Evaluate(person, history, second).NextDose;
            return (a?.Earliest is not { } ea || b?.Earliest is not { } eb || a.DoseNumber != b.DoseNumber || eb >= ea)
                .Label($"{a} / {b}");
        });

    // The fast path (only the series that can be chosen) gives exactly what evaluating every series gives: status, series,
    // every dose's evaluation and explanation, and the next dose with its dates, products and rule.
    [Property(MaxTest = 500)]
    public Property Evaluate_OnlyCandidateSeries_SameAsAllSeries() =>
        Prop.ForAll(Person().ToArbitrary(), History().ToArbitrary(), Gen.Choose(0, 900).ToArbitrary(), (person, history, offset) =>
        {
            var asOf = s_campaignStart.PlusDays(offset);
            if (asOf < person.BirthDate)
            {
                return true.ToProperty();
            }

            var fast = CovidEvaluator.Default.Evaluate(person, history, asOf, allSeries: false);
            var all = CovidEvaluator.Default.Evaluate(person, history, asOf, allSeries: true);
            var (a, b) = (Describe(fast) + " " + string.Join(",", fast.NextDose?.ProductCodes ?? []) + fast.AgeGroup + fast.PrimaryDoses,
                Describe(all) + " " + string.Join(",", all.NextDose?.ProductCodes ?? []) + all.AgeGroup + all.PrimaryDoses);
            return (a == b).Label($"fast: {a}\nall:  {b}");
        });

    // Each thread reuses one engine session from person to person: a person evaluated right after another gives exactly
    // what a thread that never evaluated anyone gives (nothing of the previous person is left in the session).
    [Property(MaxTest = 300)]
    public Property Evaluate_AfterAnotherPerson_SameAsOnNewThread() =>
        Prop.ForAll(Person().SelectMany(p => History().Select(h => (p, h))).ToArbitrary(), Person().ToArbitrary(), History().ToArbitrary(), (previous, person, history) =>
        {
            var (before, beforeHistory) = previous;
            var asOf = new LocalDate(2022, 10, 1);
            string Full(CovidAssessment a) => Describe(a) + " " + string.Join(",", a.NextDose?.ProductCodes ?? []) + a.AgeGroup + a.PrimaryDoses;
            _ = CovidEvaluator.Default.Evaluate(before, beforeHistory, asOf);
            var reused = Full(CovidEvaluator.Default.Evaluate(person, history, asOf));
            var fresh = string.Empty;
            var thread = new Thread(() => fresh = Full(CovidEvaluator.Default.Evaluate(person, history, asOf)));
            thread.Start();
            thread.Join();
            return (reused == fresh).Label($"reused: {reused}\nfresh:  {fresh}");
        });

    [Property(MaxTest = 300)]
    public Property Classify_AnyAge_ExactlyOneConfiguredGroup() =>
        Prop.ForAll(Gen.Choose(0, 40000).ToArbitrary(), Gen.Choose(0, 45000).ToArbitrary(), (birthDay, age) =>
        {
            var birth = new LocalDate(1920, 1, 1).PlusDays(birthDay);
            var asOf = birth.PlusDays(age);
            var years = AgeGroupScheme.AgeInYears(birth, asOf);
            var group = AgeGroupScheme.Default.Classify(birth, asOf);
            return AgeGroupScheme.Default.Groups.Count(g => g.Contains(years)) == 1 && group.Contains(years);
        });
}
