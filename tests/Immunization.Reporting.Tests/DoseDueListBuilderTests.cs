using FsCheck.Xunit;
using Immunization.Core.Identity;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.DueLists;
using Immunization.Reporting.Export;
using Immunization.Reporting.Tests.Support;
using NodaTime;

namespace Immunization.Reporting.Tests;

public sealed class DoseDueListBuilderTests
{
    private static readonly LocalDate s_drawnUp = new(2022, 6, 30);

    private static List<RegisterPerson> Register()
    {
        var places = Sample.Places();
        return
        [
            new("P1", Sex.Male, new LocalDate(1950, 1, 1), places[0], []),
            new("P2", Sex.Female, new LocalDate(1985, 1, 1), places[1], ["1"]),
            new("P3", Sex.Female, new LocalDate(1960, 1, 1), places[1], []),
            new("P4", Sex.Male, new LocalDate(1970, 1, 1), places[0], []),
        ];
    }

    [Fact]
    public void Build_OverdueDoseTwoAndPriorityBoosters_PerCommuneWithDates()
    {
        var next = new List<NextDose>
        {
            new("P1", 2, new LocalDate(2022, 5, 1), new LocalDate(2022, 5, 10), new LocalDate(2022, 6, 10), []), // dose 2 past due by 20 days
            new("P2", 3, new LocalDate(2022, 6, 1), new LocalDate(2022, 6, 20), null, []),                       // priority (register), dose 3 due
            new("P3", 4, new LocalDate(2022, 6, 29), new LocalDate(2022, 7, 10), null, ["5"]),                   // priority (evaluation), dose 4 due
            new("P4", 3, new LocalDate(2022, 6, 1), new LocalDate(2022, 6, 20), null, []),                       // dose 3 due but no priority group
        };

        var lists = DoseDueListBuilder.Build(Register(), next, s_drawnUp);

        Assert.Equal(2, lists.Count);
        Assert.All(lists, l => Assert.Equal(s_drawnUp.PlusDays(2), l.Due));
        var items = lists.SelectMany(l => l.Items).ToDictionary(i => i.PersonId);
        Assert.Equal(["P1", "P2", "P3"], items.Keys.Order());
        Assert.Equal(DoseDueKind.OverdueDoseTwo, items["P1"].Kind);
        Assert.Equal(20, items["P1"].DaysOverdue);
        Assert.Equal(DoseDueKind.PriorityDoseThree, items["P2"].Kind);
        Assert.Equal(10, items["P2"].DaysOverdue);
        Assert.Equal(DoseDueKind.PriorityDoseFour, items["P3"].Kind);
        Assert.Equal(0, items["P3"].DaysOverdue);
        var placeOfP2 = lists.Single(l => l.Items.Any(i => i.PersonId == "P2"));
        Assert.Contains(placeOfP2.Items, i => i.PersonId == "P3");
        Assert.True(placeOfP2.IsOverdue(s_drawnUp.PlusDays(3)));
        Assert.False(placeOfP2.IsOverdue(s_drawnUp.PlusDays(2)));
    }

    [Fact]
    public void Build_DoseTwoNotYetPastDueOrBoosterNotYetDue_NotListed()
    {
        var next = new List<NextDose>
        {
            new("P1", 2, new LocalDate(2022, 6, 1), new LocalDate(2022, 6, 20), new LocalDate(2022, 6, 30), []), // past due only after the 30th
            new("P2", 3, new LocalDate(2022, 7, 1), new LocalDate(2022, 7, 20), null, []),                       // earliest after drawing up
        };

        Assert.Empty(DoseDueListBuilder.Build(Register(), next, s_drawnUp));
    }

    [Fact]
    public void Build_PersonNotInRegister_GoesToUnknown()
    {
        var next = new List<NextDose> { new("X9", 2, new LocalDate(2022, 1, 1), new LocalDate(2022, 1, 20), new LocalDate(2022, 2, 1), []) };

        var list = Assert.Single(DoseDueListBuilder.Build(Register(), next, s_drawnUp));

        Assert.Equal("unknown", list.CommuneCode);
    }

    [Property(MaxTest = 30)]
    public bool Build_EveryListedPersonOnceAndDueAsOfDrawingUp(int seed)
    {
        var input = Sample.Input(seed);
        var random = new Random(seed);
        var next = input.Register.Select(p => new NextDose(p.PersonId, random.Next(1, 5), s_drawnUp.PlusDays(random.Next(-60, 30)), s_drawnUp.PlusDays(random.Next(-40, 40)),
            random.Next(2) == 0 ? null : s_drawnUp.PlusDays(random.Next(-30, 30)), random.Next(3) == 0 ? ["1"] : [])).GroupBy(n => n.PersonId).Select(g => g.First()).ToList();

        var items = DoseDueListBuilder.Build(input.Register, next, s_drawnUp).SelectMany(l => l.Items).ToList();

        var expected = next.Where(n => DoseDueListBuilder.Kind(n, input.Register.First(p => p.PersonId == n.PersonId), s_drawnUp) is not null).Select(n => n.PersonId).Order(StringComparer.Ordinal);
        return items.Select(i => i.PersonId).Order(StringComparer.Ordinal).SequenceEqual(expected)
            && items.All(i => i.Kind == DoseDueKind.OverdueDoseTwo ? i.DoseNumber == 2 && s_drawnUp > (i.PastDue ?? i.Recommended) : i.Earliest <= s_drawnUp);
    }

    [Fact]
    public void Write_List_OneRowAPersonWithDates()
    {
        var next = new List<NextDose> { new("P1", 2, new LocalDate(2022, 5, 1), new LocalDate(2022, 5, 10), new LocalDate(2022, 6, 10), []) };
        var list = Assert.Single(DoseDueListBuilder.Build(Register(), next, s_drawnUp));
        var writer = new StringWriter();

        DoseDueCsvWriter.Write(list, writer);

        Assert.Equal(
            "list_id,commune_code,drawn_up,due,person_id,kind,dose_number,earliest,recommended,past_due,days_overdue\r\n"
            + list.Id + "," + list.CommuneCode + ",2022-06-30,2022-07-02,P1,overdue_dose2,2,2022-05-01,2022-05-10,2022-06-10,20\r\n",
            writer.ToString());
    }
}
