using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Tests.Support;
using Immunization.Reporting.WorkLists;
using NodaTime;

namespace Immunization.Reporting.Tests;

public sealed class WorkListTests
{
    private static readonly LocalDate s_drawnUp = new(2021, 10, 15);

    private static (List<RegisterPerson> Register, List<DoseEntry> Doses, AdministrativeUnit[] Places) Small()
    {
        var places = Sample.Places();
        var register = new List<RegisterPerson>
        {
            new("P1", Sex.Male, new LocalDate(1980, 1, 1), places[0], []),
            new("P2", Sex.Female, new LocalDate(1985, 1, 1), places[1], []),
        };
        var doses = new List<DoseEntry>
        {
            new("R1", "P1", VerificationOutcome.Verified, s_drawnUp, "pfizer", true),
            new("R2", "P1", VerificationOutcome.Differs, s_drawnUp, "pfizer", true) { Differences = [new(IdentityField.Sex, DifferenceKind.Different), new(IdentityField.FullName, DifferenceKind.ToneMarks), new(IdentityField.FullName, DifferenceKind.MiddleName)], RecordCommune = places[1] },
            new("R3", null, VerificationOutcome.NotFound, s_drawnUp, "pfizer", true) { RecordCommune = places[1] },
            new("R4", null, VerificationOutcome.Ambiguous, s_drawnUp, "pfizer", true) { AmbiguityReason = AmbiguityReason.Tie, RecordCommune = places[1] },
            new("R5", null, VerificationOutcome.NotApplicable, s_drawnUp, "pfizer", true) { RecordCommune = places[1] },
        };
        return (register, doses, places);
    }

    [Fact]
    public void Build_Defaults_DueTwoDaysLater()
    {
        var (register, doses, _) = Small();

        var lists = WorkListBuilder.Build(register, doses, s_drawnUp);

        Assert.All(lists, l => Assert.Equal(new LocalDate(2021, 10, 17), l.Due));
    }

    [Fact]
    public void Build_DueAfterSet_UsesIt()
    {
        var (register, doses, _) = Small();

        var lists = WorkListBuilder.Build(register, doses, s_drawnUp, dueAfterDays: 5);

        Assert.All(lists, l => Assert.Equal(new LocalDate(2021, 10, 20), l.Due));
    }

    [Fact]
    public void IsOverdue_OnDueDate_False_DayAfter_True_Returned_False()
    {
        var list = new WorkList("00001", "x", s_drawnUp, s_drawnUp.PlusDays(2), []);

        Assert.False(list.IsOverdue(s_drawnUp.PlusDays(2)));
        Assert.True(list.IsOverdue(s_drawnUp.PlusDays(3)));
        Assert.False(list.IsOverdue(s_drawnUp.PlusDays(3), returned: true));
    }

    [Fact]
    public void Build_Outcomes_DiffersGoesToPersonsCommuneOthersToRecordsCommune()
    {
        var (register, doses, places) = Small();

        var lists = WorkListBuilder.Build(register, doses, s_drawnUp);

        var personCommune = Assert.Single(lists, l => l.CommuneCode == places[0].Code);
        var differs = Assert.Single(personCommune.Items);
        Assert.Equal("R2", differs.RecordId);
        Assert.Equal([IdentityField.FullName, IdentityField.Sex], differs.DifferingFields);
        var recordCommune = Assert.Single(lists, l => l.CommuneCode == places[1].Code);
        Assert.Equal(["R3", "R4"], recordCommune.Items.Select(i => i.RecordId));
        Assert.Equal("tie", recordCommune.Items[1].Reason);
        Assert.Equal(2, lists.Count); // verified and not-applicable records are on no list
    }

    [Fact]
    public void Build_DueBeforeDrawnUp_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WorkList("00001", "x", s_drawnUp, s_drawnUp.PlusDays(-1), []));
    }
}
