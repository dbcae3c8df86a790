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

    [Property(MaxTest = 150)]
    public Property Evaluate_AddingAValidDose_NeverLowersTheStatus() =>
        Prop.ForAll(Person().ToArbitrary(), History().ToArbitrary(), Dose().ToArbitrary(), (person, history, extra) =>
        {
            var asOf = new LocalDate(2023, 1, 1);
            var before = CovidEvaluator.Default.Evaluate(person, history, asOf);
            var after = CovidEvaluator.Default.Evaluate(person, history.Append(extra), asOf);
            var added = after.Doses.Where(d => d.Dose == extra).ToArray();
            return (!added.Any(d => d.Counts) || after.Status >= before.Status)
                .Label($"{before.Status} -> {after.Status}\n{Describe(before)}\n{Describe(after)}");
        });

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
