using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using Immunization.Testing.Arbitraries;
using NodaTime;

namespace Immunization.Core.Tests.Evaluation;

public sealed class CdsiEngineTests
{
    private static readonly LocalDate s_birth = new(2024, 1, 15);
    private static readonly CdsiPatient s_child = new(s_birth, Sex.Female);

    private static DoseEvaluation Single(ImmunizationAssessment assessment, string antigen, LocalDate date) =>
        assessment.Evaluations.Single(e => e.Antigen == antigen && e.Dose.DateAdministered == date);

    [Fact]
    public void Evaluate_MmrAtTwelveMonths_ValidAndForecastsDoseTwo()
    {
        var given = new LocalDate(2025, 1, 20);

        var assessment = CdsiEngine.Default.Evaluate(s_child, [new AdministeredDose(given, "03", "MSD")], new LocalDate(2025, 3, 1));

        Assert.All(assessment.Evaluations.Where(e => e.VaccineGroup == "MMR"), e => Assert.Equal(DoseStatus.Valid, e.Status));
        Assert.Equal(3, assessment.Evaluations.Count(e => e.VaccineGroup == "MMR"));
        var mmr = assessment.ForecastFor("MMR")!;
        Assert.Equal(SeriesStatus.NotComplete, mmr.Status);
        Assert.Equal(2, mmr.ForecastDoseNumber);
        Assert.Equal(new LocalDate(2025, 2, 17), mmr.Earliest);      // dose 1 + 4 weeks (after 13 months of age)
        Assert.Equal(new LocalDate(2028, 1, 15), mmr.Recommended);   // 4 years
        Assert.Equal(new LocalDate(2031, 2, 11), mmr.PastDue);       // 7 years + 4 weeks - 1 day
        Assert.All(mmr.RecommendedCvx, cvx => Assert.Contains(cvx, new[] { "3", "94" }));
    }

    [Fact]
    public void Evaluate_Newborn_RecommendsOnlyVaccinesTheScheduleFlags()
    {
        var newborn = new CdsiPatient(new LocalDate(2025, 11, 10), Sex.Female);

        var assessment = CdsiEngine.Default.Evaluate(newborn, [], new LocalDate(2025, 11, 10), ["DTaP/Tdap/Td", "Rotavirus"]);

        var dtap = assessment.ForecastFor("DTaP/Tdap/Td")!;
        Assert.Equal(new LocalDate(2025, 12, 22), dtap.Earliest);
        Assert.Empty(dtap.RecommendedCvx); // CDC's DTaP data flags no vaccine for forecasting
        Assert.Empty(assessment.ForecastFor("Rotavirus")!.RecommendedCvx); // the default 3-dose series flags none
    }

    [Fact]
    public void Evaluate_AfterFirstRotarix_RecommendsRotarixForDoseTwo()
    {
        var infant = new CdsiPatient(new LocalDate(2025, 1, 1), Sex.Male);

        var rotavirus = CdsiEngine.Default.Evaluate(infant, [new AdministeredDose(new LocalDate(2025, 3, 1), "119", "SKB")], new LocalDate(2025, 3, 15), ["Rotavirus"]).ForecastFor("Rotavirus")!;

        Assert.Equal(2, rotavirus.ForecastDoseNumber);
        Assert.Equal(["119"], rotavirus.RecommendedCvx);
    }

    [Fact]
    public void Evaluate_MmrBeforeAbsoluteMinimumAge_NotValidTooYoung()
    {
        var given = new LocalDate(2025, 1, 10); // 12 months - 5 days

        var assessment = CdsiEngine.Default.Evaluate(s_child, [new AdministeredDose(given, "03")], new LocalDate(2025, 3, 1), ["MMR"]);

        var measles = Single(assessment, "Measles", given);
        Assert.Equal(DoseStatus.NotValid, measles.Status);
        Assert.Equal(DoseStatusReason.TooYoung, measles.Reason);
        Assert.Equal(1, assessment.ForecastFor("MMR")!.ForecastDoseNumber);
    }

    [Fact]
    public void Evaluate_MmrWithinGracePeriod_ValidWithGraceReason()
    {
        var given = new LocalDate(2025, 1, 13); // 12 months - 2 days

        var assessment = CdsiEngine.Default.Evaluate(s_child, [new AdministeredDose(given, "03")], new LocalDate(2025, 3, 1), ["MMR"]);

        var measles = Single(assessment, "Measles", given);
        Assert.Equal(DoseStatus.Valid, measles.Status);
        Assert.Equal(DoseStatusReason.GracePeriod, measles.Reason);
    }

    [Fact]
    public void Evaluate_VaricellaTwentyDaysAfterMmr_LiveVirusConflict()
    {
        var mmr = new LocalDate(2025, 1, 20);
        var varicella = mmr.PlusDays(20);

        var assessment = CdsiEngine.Default.Evaluate(s_child, [new AdministeredDose(varicella, "21"), new AdministeredDose(mmr, "03")], new LocalDate(2025, 3, 1));

        var evaluation = Single(assessment, "Varicella", varicella);
        Assert.Equal(DoseStatus.NotValid, evaluation.Status);
        Assert.Equal(DoseStatusReason.LiveVirusConflict, evaluation.Reason);
        // The invalid varicella dose is itself a live vaccine: the next one waits 28 days after it.
        Assert.Equal(varicella.PlusDays(28), assessment.ForecastFor("Varicella")!.Earliest);
    }

    [Fact]
    public void Evaluate_MmrOnly_VaricellaForecastWaitsForTheLiveVirusConflict()
    {
        var mmr = new LocalDate(2025, 1, 20); // 12 months and 5 days: varicella's minimum age (12 months) already passed

        var assessment = CdsiEngine.Default.Evaluate(s_child, [new AdministeredDose(mmr, "03")], new LocalDate(2025, 1, 25), ["MMR", "Varicella"]);

        var varicella = assessment.ForecastFor("Varicella")!;
        Assert.Equal(1, varicella.ForecastDoseNumber);
        // Not 2025-01-15 (its minimum age): a live vaccine within 28 days of the MMR would be invalid.
        Assert.Equal(mmr.PlusDays(28), varicella.Earliest);
    }

    [Fact]
    public void Evaluate_DoseWithCondition_SubStandardAndNotCounted()
    {
        var given = new LocalDate(2025, 1, 20);

        var assessment = CdsiEngine.Default.Evaluate(s_child, [new AdministeredDose(given, "21", Condition: "expired")], new LocalDate(2025, 3, 1), ["Varicella"]);

        var evaluation = Single(assessment, "Varicella", given);
        Assert.Equal(DoseStatus.SubStandard, evaluation.Status);
        Assert.Equal(DoseStatusReason.DoseCondition, evaluation.Reason);
        Assert.Equal(1, assessment.ForecastFor("Varicella")!.ForecastDoseNumber);
    }

    [Fact]
    public void Evaluate_AdultBornBefore1957_ImmuneToMeasles()
    {
        var adult = new CdsiPatient(new LocalDate(1950, 6, 1), Sex.Male);

        var assessment = CdsiEngine.Default.Evaluate(adult, [], new LocalDate(2025, 3, 1), ["MMR"]);

        Assert.Equal(SeriesStatus.Immune, assessment.ForecastFor("MMR")!.Status);
        Assert.Null(assessment.ForecastFor("MMR")!.Earliest);
    }

    [Fact]
    public void Evaluate_PregnantWoman_MmrContraindicated()
    {
        var woman = new CdsiPatient(new LocalDate(1995, 5, 1), Sex.Female, [new PatientObservation("007", new LocalDate(2025, 1, 10))]);

        var assessment = CdsiEngine.Default.Evaluate(woman, [], new LocalDate(2025, 3, 1), ["MMR"]);

        Assert.Equal(SeriesStatus.Contraindicated, assessment.ForecastFor("MMR")!.Status);
    }

    [Fact]
    public void Evaluate_DoseAfterAssessmentDate_IsIgnored()
    {
        var assessment = CdsiEngine.Default.Evaluate(s_child, [new AdministeredDose(new LocalDate(2025, 6, 1), "21")], new LocalDate(2025, 3, 1), ["Varicella"]);

        Assert.Empty(assessment.Evaluations);
    }

    [Fact]
    public void Evaluate_AllGroups_ForecastsEveryGroupWithAStandardSeries()
    {
        var assessment = CdsiEngine.Default.Evaluate(s_child, [], new LocalDate(2025, 3, 1));

        Assert.NotNull(assessment.ForecastFor("DTaP/Tdap/Td"));
        Assert.NotNull(assessment.ForecastFor("Polio"));
        Assert.Null(assessment.ForecastFor("Yellow Fever")); // risk series only: not relevant without an indication
    }

    [Fact]
    public void Evaluate_UnknownVaccineGroup_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => CdsiEngine.Default.Evaluate(s_child, [], new LocalDate(2025, 3, 1), ["Smallpox-2"]));
        Assert.Contains("Smallpox-2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DoseWithoutCvx_Throws()
    {
        Assert.Throws<ArgumentException>(() => CdsiEngine.Default.Evaluate(s_child, [new AdministeredDose(new LocalDate(2025, 1, 1), " ")], new LocalDate(2025, 3, 1)));
    }

    [Theory]
    [InlineData("999")]
    [InlineData("abc")]
    public void Evaluate_UnknownCvx_ListedAsUnrecognizedNotDropped(string cvx)
    {
        var unknown = new AdministeredDose(new LocalDate(2025, 1, 20), cvx);
        var known = new AdministeredDose(new LocalDate(2025, 1, 20), "21");

        var assessment = CdsiEngine.Default.Evaluate(s_child, [unknown, known], new LocalDate(2025, 3, 1));

        Assert.Equal([unknown], assessment.UnrecognizedDoses);
        Assert.DoesNotContain(assessment.Evaluations, e => e.Dose == unknown);
        Assert.Contains(assessment.Evaluations, e => e.Dose == known);
    }

    [Fact]
    public void Evaluate_KnownCvxOnly_NoUnrecognizedDoses()
    {
        var assessment = CdsiEngine.Default.Evaluate(s_child, [new AdministeredDose(new LocalDate(2025, 1, 20), "003")], new LocalDate(2025, 3, 1), ["MMR"]);

        Assert.Empty(assessment.UnrecognizedDoses);
    }

    [Fact]
    public void Evaluate_AssessmentDateBeforeBirth_ThrowsNamingBothDates()
    {
        var ex = Assert.Throws<ArgumentException>(() => CdsiEngine.Default.Evaluate(s_child, [], s_birth.PlusDays(-1)));

        Assert.Equal("assessmentDate", ex.ParamName);
        Assert.Contains("2024-01-14 is before the date of birth 2024-01-15", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AssessmentOnDateOfBirth_Accepted() =>
        Assert.NotEmpty(CdsiEngine.Default.Evaluate(s_child, [], s_birth).Forecasts);

    [Fact]
    public void Evaluate_DoseBeforeBirth_NotValidTooYoung()
    {
        var beforeBirth = s_birth.PlusDays(-10);

        var assessment = CdsiEngine.Default.Evaluate(s_child, [new AdministeredDose(beforeBirth, "08")], new LocalDate(2024, 3, 1), ["HepB"]);

        var evaluation = Assert.Single(assessment.Evaluations);
        Assert.Equal(DoseStatus.NotValid, evaluation.Status);
        Assert.Equal(DoseStatusReason.TooYoung, evaluation.Reason);
        Assert.Equal(1, assessment.ForecastFor("HepB")!.ForecastDoseNumber);
    }

    [Fact]
    public void Evaluate_Result_ListsCannotBeChangedThroughCasts()
    {
        var assessment = CdsiEngine.Default.Evaluate(s_child, [new AdministeredDose(new LocalDate(2025, 1, 20), "03")], new LocalDate(2025, 3, 1));

        Assert.Throws<NotSupportedException>(() => ((IList<DoseEvaluation>)assessment.Evaluations).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<VaccineGroupForecast>)assessment.Forecasts).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<DoseStatusReason>)assessment.Evaluations[0].Reasons).Add(DoseStatusReason.TooOld));
        Assert.Throws<NotSupportedException>(() => ((IList<AntigenForecast>)assessment.ForecastFor("MMR")!.Antigens).Clear());
    }

    [Fact]
    public void ImmunizationAssessment_Constructor_CopiesItsInputs()
    {
        var evaluations = new List<DoseEvaluation>();
        var forecasts = new List<VaccineGroupForecast>();
        var unrecognized = new List<AdministeredDose>();
        var cvx = new List<string> { "3" };
        var forecast = new VaccineGroupForecast("MMR", SeriesStatus.NotComplete, 1, null, null, null, null, [], cvx);

        var assessment = new ImmunizationAssessment(new LocalDate(2025, 3, 1), evaluations, forecasts, unrecognized);
        evaluations.Add(new DoseEvaluation(new AdministeredDose(new LocalDate(2025, 1, 1), "03"), "Measles", "MMR", DoseStatus.Valid, DoseStatusReason.None, [], 1, "S"));
        forecasts.Add(forecast);
        unrecognized.Add(new AdministeredDose(new LocalDate(2025, 1, 1), "999"));
        cvx.Add("94");

        Assert.Empty(assessment.Evaluations);
        Assert.Empty(assessment.Forecasts);
        Assert.Empty(assessment.UnrecognizedDoses);
        Assert.Equal(["3"], forecast.RecommendedCvx);
    }

    [Fact]
    public void Evaluate_SameInputTwice_EqualityIsByReference()
    {
        var doses = new[] { new AdministeredDose(new LocalDate(2025, 1, 20), "03") };

        var first = CdsiEngine.Default.Evaluate(s_child, doses, new LocalDate(2025, 3, 1), ["MMR"]);
        var second = CdsiEngine.Default.Evaluate(s_child, doses, new LocalDate(2025, 3, 1), ["MMR"]);

        Assert.NotEqual(first, second);
        Assert.Equal(first, first);
        Assert.Equal(Describe(first), Describe(second));
    }

    private static readonly string[] s_cvx = ["03", "21", "94", "20", "110", "10", "133", "116", "08", "17", "83", "62", "115", "141", "208"];

    // Doses from 2010-03-01 over 3,000 days, of the CVX codes above.
    private static Arbitrary<AdministeredDose[]> Histories() =>
        EvaluationArbitraries.DoseHistories(new LocalDate(2010, 3, 1), new LocalDate(2010, 3, 1).PlusDays(3000), s_cvx).ToArbitrary();

    private static string Describe(ImmunizationAssessment a) =>
        string.Join('\n', a.Evaluations.Select(e => $"{e.Dose} {e.Antigen} {e.Status} {string.Join(',', e.Reasons)} {e.TargetDoseNumber} {e.SeriesName}"))
        + "\n" + string.Join('\n', a.Forecasts.Select(f => $"{f.VaccineGroup} {f.Status} {f.ForecastDoseNumber} {f.Earliest} {f.Recommended} {f.PastDue} {f.Latest}"));

    [Property(MaxTest = 60)]
    public Property Evaluate_ShuffledDoses_SameResult() =>
        Prop.ForAll(Histories(), doses =>
        {
            var patient = new CdsiPatient(new LocalDate(2010, 1, 1), Sex.Female);
            var assessed = new LocalDate(2019, 1, 1);
            var reversed = doses.Reverse().ToArray();
            var rotated = doses.Skip(doses.Length / 2).Concat(doses.Take(doses.Length / 2)).ToArray();
            var expected = Describe(CdsiEngine.Default.Evaluate(patient, doses, assessed));
            return expected == Describe(CdsiEngine.Default.Evaluate(patient, reversed, assessed))
                && expected == Describe(CdsiEngine.Default.Evaluate(patient, rotated, assessed));
        });

    [Property(MaxTest = 60)]
    public Property Evaluate_UnknownCvxMixedIn_ExactlyTheUnknownDosesUpToTheAssessmentAreListed() =>
        Prop.ForAll(Histories(), Gen.ArrayOf(Gen.Choose(0, 3300).Select(d => new AdministeredDose(new LocalDate(2010, 3, 1).PlusDays(d), "999"))).ToArbitrary(), (known, unknown) =>
        {
            var assessed = new LocalDate(2019, 1, 1);
            var assessment = CdsiEngine.Default.Evaluate(new CdsiPatient(new LocalDate(2010, 1, 1), Sex.Female), known.Concat(unknown), assessed);
            var expected = unknown.Where(d => d.DateAdministered <= assessed).OrderBy(d => d.DateAdministered).ToArray();
            return assessment.UnrecognizedDoses.SequenceEqual(expected)
                && assessment.Evaluations.All(e => e.Dose.Cvx != "999");
        });

    [Property(MaxTest = 60)]
    public Property Evaluate_AnyHistory_ForecastDatesAreOrdered() =>
        Prop.ForAll(Histories(), doses =>
        {
            var assessment = CdsiEngine.Default.Evaluate(new CdsiPatient(new LocalDate(2010, 1, 1), Sex.Male), doses, new LocalDate(2019, 1, 1));
            return assessment.Forecasts.All(f =>
                (f.Status == SeriesStatus.NotComplete) == (f.Earliest is not null)
                && (f.Recommended is null || f.Recommended >= f.Earliest)
                && (f.PastDue is null || f.PastDue >= f.Earliest));
        });
}
