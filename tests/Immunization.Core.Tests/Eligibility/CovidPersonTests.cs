using Immunization.Core.Eligibility;
using Immunization.Core.Identity;

namespace Immunization.Core.Tests.Eligibility;

public sealed class CovidPersonTests
{
    [Fact]
    public void PriorityGroupsOn_FactFromADate_OnlyFromThatDate()
    {
        var person = CovidPerson.WithFacts(
            PartialDate.Parse("1992-03-01"), Sex.Female,
            [new PriorityGroupFact(PriorityGroup.HealthWorkers, From: CovidScenarioTests.Date("2022-09-01")), new PriorityGroupFact(PriorityGroup.Teachers, Through: CovidScenarioTests.Date("2021-06-30"))],
            []);

        Assert.Equal([PriorityGroup.Teachers], person.PriorityGroupsOn(CovidScenarioTests.Date("2021-06-30")));
        Assert.Empty(person.PriorityGroupsOn(CovidScenarioTests.Date("2022-08-31")));
        Assert.Equal([PriorityGroup.HealthWorkers], person.PriorityGroupsOn(CovidScenarioTests.Date("2022-09-01")));
        Assert.Equal([PriorityGroup.HealthWorkers, PriorityGroup.Teachers], person.PriorityGroups);
        Assert.True(person.IsDated);
    }

    [Fact]
    public void RiskConditionsOn_PregnantBetweenDates_BothDaysIncluded()
    {
        var person = CovidPerson.WithFacts(
            PartialDate.Parse("1995-01-01"), Sex.Female, [],
            [new RiskConditionFact(RiskConditions.Pregnant, CovidScenarioTests.Date("2021-05-01"), CovidScenarioTests.Date("2021-12-31"))]);

        Assert.Equal(RiskConditions.None, person.RiskConditionsOn(CovidScenarioTests.Date("2021-04-30")));
        Assert.Equal(RiskConditions.Pregnant, person.RiskConditionsOn(CovidScenarioTests.Date("2021-05-01")));
        Assert.Equal(RiskConditions.Pregnant, person.RiskConditionsOn(CovidScenarioTests.Date("2021-12-31")));
        Assert.Equal(RiskConditions.None, person.RiskConditionsOn(CovidScenarioTests.Date("2022-01-01")));
    }

    [Fact]
    public void Constructor_SimpleFacts_HoldOnEveryDate()
    {
        var person = new CovidPerson(PartialDate.Parse("1980"), Sex.Male, [PriorityGroup.Police, PriorityGroup.None], RiskConditions.Immunocompromised);

        Assert.False(person.IsDated);
        Assert.Equal([PriorityGroup.Police], person.PriorityGroupsOn(CovidScenarioTests.Date("1900-01-01")));
        Assert.Equal(RiskConditions.Immunocompromised, person.RiskConditionsOn(CovidScenarioTests.Date("2100-01-01")));
    }

    [Fact]
    public void WithFacts_FactEndsBeforeItStarts_Throws()
    {
        Assert.Throws<ArgumentException>(() => CovidPerson.WithFacts(
            PartialDate.Parse("1980"), Sex.Male, [new PriorityGroupFact(PriorityGroup.Police, CovidScenarioTests.Date("2022-01-02"), CovidScenarioTests.Date("2022-01-01"))], []));
    }
}
