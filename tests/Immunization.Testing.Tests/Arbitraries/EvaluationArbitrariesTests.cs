using FsCheck.Fluent;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using Immunization.Testing.Arbitraries;
using NodaTime;

namespace Immunization.Testing.Tests.Arbitraries;

public sealed class EvaluationArbitrariesTests
{
    [Fact]
    public void Patients_BornInRange_BothSexes()
    {
        var patients = EvaluationArbitraries.Patients().Sample(500, 50);

        Assert.All(patients, p => Assert.InRange(p.DateOfBirth, new LocalDate(1940, 1, 1), new LocalDate(2024, 12, 31)));
        Assert.Contains(patients, p => p.Sex == Sex.Female);
        Assert.Contains(patients, p => p.Sex == Sex.Male);
    }

    [Fact]
    public void DoseHistories_DefaultCodes_AllKnownToTheEngineAndWithinThePeriod()
    {
        var first = new LocalDate(2015, 1, 1);
        var last = new LocalDate(2020, 12, 31);
        var histories = EvaluationArbitraries.DoseHistories(first, last, maxDoses: 5).Sample(300, 50);

        Assert.All(histories, h => Assert.InRange(h.Length, 0, 5));
        Assert.Contains(histories, h => h.Length > 0);
        foreach (var doses in histories)
        {
            Assert.All(doses, d => Assert.InRange(d.DateAdministered, first, last));
            var assessment = CdsiEngine.Default.Evaluate(new CdsiPatient(new LocalDate(2014, 6, 1), Sex.Female), doses, new LocalDate(2021, 1, 1));
            Assert.Empty(assessment.UnrecognizedDoses);
        }
    }

    [Fact]
    public void DoseHistories_GivenCodes_DrawOnlyThose()
    {
        var histories = EvaluationArbitraries.DoseHistories(new LocalDate(2015, 1, 1), new LocalDate(2016, 1, 1), ["03", "21"]).Sample(200, 50);

        Assert.All(histories.SelectMany(h => h), d => Assert.Contains(d.Cvx, new[] { "03", "21" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationArbitraries.DoseHistories(new LocalDate(2016, 1, 1), new LocalDate(2015, 1, 1)));
    }
}
