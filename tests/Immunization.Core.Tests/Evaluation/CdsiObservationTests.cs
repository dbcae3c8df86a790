using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using Immunization.Testing.Arbitraries;
using NodaTime;

namespace Immunization.Core.Tests.Evaluation;

/// <summary>
/// Patient observations on a small schedule written for the test (antigen "Testitis", vaccines 900 and 901): a risk
/// series whose indication starts and ends with age, an antigen contraindication from an age, vaccine contraindications,
/// evidence of immunity, an interval measured from an observation and a conditional skip in the risk series; then
/// properties on CDC's data.
/// </summary>
public sealed class CdsiObservationTests
{
    private const string Schedule = """
        <scheduleSupportingData>
          <vaccineGroups><vaccineGroup><name>Testvax</name><administerFullVaccineGroup>No</administerFullVaccineGroup></vaccineGroup></vaccineGroups>
          <vaccineGroupToAntigenMap><vaccineGroupMap><name>Testvax</name><antigen>Testitis</antigen></vaccineGroupMap></vaccineGroupToAntigenMap>
          <cvxToAntigenMap>
            <cvxMap><cvx>900</cvx><shortDescription>Testitis A</shortDescription><association><antigen>Testitis</antigen></association></cvxMap>
            <cvxMap><cvx>901</cvx><shortDescription>Testitis B</shortDescription><association><antigen>Testitis</antigen></association></cvxMap>
          </cvxToAntigenMap>
          <observations>
            <observation><observationCode>201</observationCode><observationTitle>Risk of testitis</observationTitle></observation>
            <observation><observationCode>202</observationCode><observationTitle>Antigen contraindication</observationTitle></observation>
            <observation><observationCode>203</observationCode><observationTitle>Allergy to vaccine 901</observationTitle></observation>
            <observation><observationCode>204</observationCode><observationTitle>Immune to testitis</observationTitle></observation>
            <observation><observationCode>205</observationCode><observationTitle>Allergy to vaccines 900 and 901</observationTitle></observation>
            <observation><observationCode>206</observationCode><observationTitle>Start of therapy</observationTitle></observation>
            <observation><observationCode>299</observationCode><observationTitle>Used by nothing</observationTitle></observation>
          </observations>
        </scheduleSupportingData>
        """;

    private const string Antigen = """
        <antigenSupportingData>
          <immunity><clinicalHistory><guidelineCode>204</guidelineCode></clinicalHistory></immunity>
          <contraindications>
            <vaccineGroup>
              <contraindication><observationCode>202</observationCode><contraindicationText>Not from 1 year</contraindicationText><beginAge>1 year</beginAge></contraindication>
            </vaccineGroup>
            <vaccine>
              <contraindication><observationCode>203</observationCode><contraindicationText>Not 901</contraindicationText><contraindicatedVaccine><cvx>901</cvx></contraindicatedVaccine></contraindication>
              <contraindication><observationCode>205</observationCode><contraindicationText>Neither</contraindicationText><contraindicatedVaccine><cvx>900</cvx></contraindicatedVaccine><contraindicatedVaccine><cvx>901</cvx></contraindicatedVaccine></contraindication>
            </vaccine>
          </contraindications>
          <series>
            <seriesName>Testitis standard</seriesName><targetDisease>Testitis</targetDisease><vaccineGroup>Testvax</vaccineGroup><seriesType>Standard</seriesType>
            <selectSeries><defaultSeries>Yes</defaultSeries><seriesGroup>1</seriesGroup><seriesPriority>A</seriesPriority><seriesPreference>1</seriesPreference></selectSeries>
            <seriesDose><doseNumber>Dose 1</doseNumber>
              <age><absMinAge>2 months - 4 days</absMinAge><minAge>2 months</minAge><earliestRecAge>2 months</earliestRecAge></age>
              <preferableVaccine><cvx>900</cvx><forecastVaccineType>Y</forecastVaccineType></preferableVaccine>
              <preferableVaccine><cvx>901</cvx><forecastVaccineType>Y</forecastVaccineType></preferableVaccine>
            </seriesDose>
          </series>
          <series>
            <seriesName>Testitis risk</seriesName><targetDisease>Testitis</targetDisease><vaccineGroup>Testvax</vaccineGroup><seriesType>Risk</seriesType>
            <selectSeries><defaultSeries>No</defaultSeries><seriesGroup>2</seriesGroup><seriesPriority>A</seriesPriority><seriesPreference>1</seriesPreference></selectSeries>
            <indication><observationCode><code>201</code></observationCode><description>From 5 to 10 years</description><beginAge>5 years</beginAge><endAge>10 years</endAge></indication>
            <seriesDose><doseNumber>Dose 1</doseNumber>
              <age><absMinAge>5 years - 4 days</absMinAge><minAge>5 years</minAge><earliestRecAge>5 years</earliestRecAge></age>
              <preferableVaccine><cvx>900</cvx><forecastVaccineType>Y</forecastVaccineType></preferableVaccine>
            </seriesDose>
            <seriesDose><doseNumber>Dose 2</doseNumber>
              <interval><fromPrevious>N</fromPrevious><fromRelevantObs><code>206</code></fromRelevantObs><absMinInt>4 weeks</absMinInt><minInt>4 weeks</minInt><earliestRecInt>4 weeks</earliestRecInt></interval>
              <preferableVaccine><cvx>900</cvx><forecastVaccineType>Y</forecastVaccineType></preferableVaccine>
              <conditionalSkip><context>Both</context><setLogic>n/a</setLogic>
                <set><setID>1</setID><setDescription>Not needed from 8 years</setDescription><conditionLogic/>
                  <condition><conditionID>1</conditionID><conditionType>Age</conditionType><beginAge>8 years</beginAge></condition>
                </set>
              </conditionalSkip>
            </seriesDose>
          </series>
        </antigenSupportingData>
        """;

    private static readonly Lazy<CdsiEngine> s_engine = new(() =>
    {
        using var schedule = new MemoryStream(Encoding.UTF8.GetBytes(Schedule));
        using var antigen = new MemoryStream(Encoding.UTF8.GetBytes(Antigen));
        return new CdsiEngine(CdsiSupportingData.Load(("ScheduleSupportingData.xml", schedule), [("AntigenSupportingData- Testitis.xml", antigen)]));
    });

    private static readonly LocalDate s_birth = new(2010, 1, 1);
    private static readonly AdministeredDose s_infantDose = new(new LocalDate(2010, 4, 1), "900");

    private static VaccineGroupForecast Forecast(LocalDate assessed, IEnumerable<AdministeredDose> doses, params PatientObservation[] observations) =>
        s_engine.Value.Evaluate(new CdsiPatient(s_birth, Sex.Female, observations), doses, assessed).ForecastFor("Testvax")!;

    [Fact]
    public void ObservationCodesInUse_TestSchedule_ListsEveryCodeTheAntigenActsOn() =>
        Assert.Equal(["201", "202", "203", "204", "205", "206"], s_engine.Value.SupportingData.ObservationCodesInUse);

    [Theory]
    [InlineData(2014, 6, 1, SeriesStatus.Complete, "Testitis standard")]   // 4 years: the indication has not begun
    [InlineData(2016, 1, 1, SeriesStatus.NotComplete, "Testitis risk")]    // 6 years: the risk series is relevant
    [InlineData(2020, 6, 1, SeriesStatus.Complete, "Testitis standard")]   // 10 years: the indication has ended
    public void Evaluate_IndicationWithBeginAndEndAge_RiskSeriesOnlyBetweenThem(int year, int month, int day, SeriesStatus status, string series)
    {
        var forecast = Forecast(new LocalDate(year, month, day), [s_infantDose], new PatientObservation("201"));

        Assert.Equal(status, forecast.Status);
        Assert.Equal(series, forecast.Antigens.Single().SeriesName);
    }

    [Fact]
    public void Evaluate_IndicationAtSixYears_ForecastsRiskDoseFromFiveYears()
    {
        var forecast = Forecast(new LocalDate(2016, 1, 1), [s_infantDose], new PatientObservation("201"));

        Assert.Equal(new LocalDate(2015, 1, 1), forecast.Earliest);
        Assert.Equal(["900"], forecast.RecommendedCvx);
        Assert.Equal(SeriesStatus.Complete, Forecast(new LocalDate(2016, 1, 1), [s_infantDose]).Status);
    }

    [Fact]
    public void Evaluate_AntigenContraindicationWithBeginAge_AppliesOnlyFromThatAge()
    {
        var before = Forecast(new LocalDate(2010, 6, 1), [], new PatientObservation("202"));
        var after = Forecast(new LocalDate(2011, 6, 1), [], new PatientObservation("202"));

        Assert.Equal(SeriesStatus.NotComplete, before.Status);
        Assert.Equal(new LocalDate(2010, 3, 1), before.Earliest);
        Assert.Equal(SeriesStatus.Contraindicated, after.Status);
        Assert.Null(after.Earliest);
        Assert.Empty(after.RecommendedCvx);
    }

    [Fact]
    public void Evaluate_VaccineContraindication_ThatVaccineIsNotRecommended()
    {
        var allowed = Forecast(new LocalDate(2010, 6, 1), []);
        var allergic = Forecast(new LocalDate(2010, 6, 1), [], new PatientObservation("203"));

        Assert.Equal(["900", "901"], allowed.RecommendedCvx);
        Assert.Equal(SeriesStatus.NotComplete, allergic.Status);
        Assert.Equal(["900"], allergic.RecommendedCvx);
        Assert.Equal(allowed.Earliest, allergic.Earliest);
    }

    [Fact]
    public void Evaluate_EveryPreferableVaccineContraindicated_SeriesContraindicated()
    {
        var forecast = Forecast(new LocalDate(2010, 6, 1), [], new PatientObservation("205"));

        Assert.Equal(SeriesStatus.Contraindicated, forecast.Status);
        Assert.Empty(forecast.RecommendedCvx);
    }

    [Fact]
    public void Evaluate_DoseGivenDespiteContraindication_IsStillEvaluated()
    {
        var assessment = s_engine.Value.Evaluate(new CdsiPatient(s_birth, Sex.Female, [new PatientObservation("205")]), [s_infantDose], new LocalDate(2010, 6, 1));

        Assert.Equal(DoseStatus.Valid, assessment.Evaluations.Single().Status);
        Assert.Equal(SeriesStatus.Complete, assessment.ForecastFor("Testvax")!.Status);
    }

    [Fact]
    public void Evaluate_ImmunityByObservation_Immune()
    {
        var forecast = Forecast(new LocalDate(2010, 6, 1), [], new PatientObservation("204"));

        Assert.Equal(SeriesStatus.Immune, forecast.Status);
        Assert.Null(forecast.Earliest);
    }

    [Fact]
    public void Evaluate_IntervalFromObservation_MeasuredFromItsDate()
    {
        var riskDose = new AdministeredDose(new LocalDate(2015, 2, 1), "900");

        var measured = Forecast(new LocalDate(2015, 7, 1), [s_infantDose, riskDose], new PatientObservation("201"), new PatientObservation("206", new LocalDate(2015, 6, 1)));
        var undated = Forecast(new LocalDate(2015, 7, 1), [s_infantDose, riskDose], new PatientObservation("201"), new PatientObservation("206"));

        Assert.Equal(2, measured.ForecastDoseNumber);
        Assert.Equal(new LocalDate(2015, 6, 29), measured.Earliest);      // 4 weeks after the observation
        Assert.Equal(new LocalDate(2015, 2, 1), undated.Earliest);        // no date: no interval to measure
    }

    [Fact]
    public void Evaluate_SkipInRiskSeriesTheObservationSelects_SkippedFromItsAge()
    {
        var riskDose = new AdministeredDose(new LocalDate(2015, 2, 1), "900");

        var atSeven = Forecast(new LocalDate(2017, 6, 1), [s_infantDose, riskDose], new PatientObservation("201"));
        var atNine = Forecast(new LocalDate(2019, 6, 1), [s_infantDose, riskDose], new PatientObservation("201"));

        Assert.Equal(SeriesStatus.NotComplete, atSeven.Status);
        Assert.Equal("Testitis risk", atSeven.Antigens.Single().SeriesName);
        Assert.Equal(SeriesStatus.Complete, atNine.Status);             // dose 2 skipped: both series complete
    }

    private static readonly string[] s_cvx = ["03", "21", "94", "20", "110", "10", "133", "116", "08", "17", "83", "62", "115", "141", "208", "136", "33", "48", "49"];

    private static Arbitrary<AdministeredDose[]> Histories() =>
        EvaluationArbitraries.DoseHistories(new LocalDate(2010, 3, 1), new LocalDate(2010, 3, 1).PlusDays(3000), s_cvx).ToArbitrary();

    private static string Describe(ImmunizationAssessment a) =>
        string.Join('\n', a.Evaluations.Select(e => $"{e.Dose} {e.Antigen} {e.Status} {string.Join(',', e.Reasons)} {e.TargetDoseNumber} {e.SeriesName}"))
        + "\n" + string.Join('\n', a.Forecasts.Select(f => $"{f.VaccineGroup} {f.Status} {f.ForecastDoseNumber} {f.Earliest} {f.Recommended} {f.PastDue} {f.Latest} {string.Join(',', f.RecommendedCvx)} "
            + string.Join('|', f.Antigens.Select(x => $"{x.Antigen}:{x.SeriesName}:{x.Status}"))));

    // Observation codes that CDC's schedule lists but no antigen acts on (e.g. 177, 235 in v4.64).
    private static readonly string[] s_unused = [.. CdsiSupportingData.Embedded.Observations.Select(o => o.Code).Except(CdsiSupportingData.Embedded.ObservationCodesInUse)];

    // Codes that do act: pregnancy, travel, asplenia, health care personnel, HIV with MMR before ART, ART start, immunity to measles.
    private static readonly PatientObservation[] s_used =
    [
        new("007"), new("048"), new("160"), new("055"), new("026"), new("120", new LocalDate(2014, 6, 1)), new("020"), new("170", new LocalDate(2016, 1, 1)),
    ];

    [Fact]
    public void ObservationCodesInUse_Embedded_SomeListedObservationsAreUnused()
    {
        Assert.NotEmpty(s_unused);
        Assert.Contains("160", CdsiSupportingData.Embedded.ObservationCodesInUse);
        Assert.Contains("120", CdsiSupportingData.Embedded.ObservationCodesInUse); // an interval is measured from it
    }

    [Property(MaxTest = 40)]
    public Property Evaluate_ObservationNoAntigenActsOn_ChangesNothing() =>
        Prop.ForAll(Histories(), Gen.Elements(s_unused).ToArbitrary(), Gen.SubListOf(s_used).ToArbitrary(), (doses, unused, others) =>
        {
            var assessed = new LocalDate(2019, 1, 1);
            var without = new CdsiPatient(new LocalDate(2010, 1, 1), Sex.Female, others);
            var with = new CdsiPatient(new LocalDate(2010, 1, 1), Sex.Female, [.. others, new PatientObservation(unused, new LocalDate(2015, 1, 1))]);
            return Describe(CdsiEngine.Default.Evaluate(without, doses, assessed)) == Describe(CdsiEngine.Default.Evaluate(with, doses, assessed));
        });

    [Property(MaxTest = 40)]
    public Property Evaluate_ObservationsInAnyOrder_SameResult() =>
        Prop.ForAll(Histories(), Gen.Shuffle(s_used).ToArbitrary(), (doses, shuffled) =>
        {
            var assessed = new LocalDate(2019, 1, 1);
            var inOrder = new CdsiPatient(new LocalDate(2010, 1, 1), Sex.Female, s_used);
            var reordered = new CdsiPatient(new LocalDate(2010, 1, 1), Sex.Female, shuffled);
            return Describe(CdsiEngine.Default.Evaluate(inOrder, doses, assessed)) == Describe(CdsiEngine.Default.Evaluate(reordered, doses, assessed));
        });
}
