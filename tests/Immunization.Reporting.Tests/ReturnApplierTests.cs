using FsCheck.Xunit;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Tests.Support;
using Immunization.Reporting.WorkLists;
using NodaTime;

namespace Immunization.Reporting.Tests;

public sealed class ReturnApplierTests
{
    private static readonly LocalDate s_drawnUp = new(2021, 10, 15);

    private static DoseEntry Relink(DoseEntry record, IReadOnlyDictionary<IdentityField, string> corrections) =>
        record with { Outcome = VerificationOutcome.Verified, PersonId = "P-relinked", Differences = [] };

    private static DoseEntry MustNotRelink(DoseEntry record, IReadOnlyDictionary<IdentityField, string> corrections) =>
        throw new InvalidOperationException("relink called");

    [Property(MaxTest = 30)]
    public bool Apply_EveryRowConfirmed_ChangesNothing(int seed)
    {
        var input = Sample.Input(seed);
        var lists = WorkListBuilder.Build(input.Register, input.Doses, s_drawnUp);
        var returned = lists.Select(l => new ReturnedList(l.Id + ".csv", l.Id, [.. l.Items.Select((item, i) => new ReturnedRow(i + 1, item.RecordId, ReturnAction.Confirmed, new Dictionary<IdentityField, string>()))])).ToList();

        var result = ReturnApplier.Apply(input.Doses, lists, returned, [], MustNotRelink);

        return result.Changes.Count == 0 && result.Problems.Count == 0
            && result.Records.SequenceEqual(input.Doses)
            && result.Confirmed.Count == lists.Sum(l => l.Items.Count);
    }

    [Fact]
    public void Apply_Correction_RelinksAndSaysWhatChanged()
    {
        var input = Sample.Input(5);
        var lists = WorkListBuilder.Build(input.Register, input.Doses, s_drawnUp);
        var list = lists[0];
        var item = list.Items[0];
        var row = new ReturnedRow(1, item.RecordId, ReturnAction.Corrected, new Dictionary<IdentityField, string> { [IdentityField.Sex] = "Nữ" });

        var result = ReturnApplier.Apply(input.Doses, lists, [new ReturnedList("a.csv", list.Id, [row])], [], Relink);

        var change = Assert.Single(result.Changes);
        Assert.Equal(item.RecordId, change.RecordId);
        Assert.Equal(item.Outcome, change.Before);
        Assert.Equal(VerificationOutcome.Verified, change.After);
        Assert.Equal("P-relinked", result.Records.Single(r => r.RecordId == item.RecordId).PersonId);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Apply_UnknownRecordSecondReturnBadCorrection_ReportedRestApplied()
    {
        var input = Sample.Input(8);
        var lists = WorkListBuilder.Build(input.Register, input.Doses, s_drawnUp);
        var list = lists.First(l => l.Items.Count >= 2);
        var rows = new List<ReturnedRow>
        {
            new(1, "no-such-record", ReturnAction.Confirmed, new Dictionary<IdentityField, string>()),
            new(2, list.Items[0].RecordId, ReturnAction.Corrected, new Dictionary<IdentityField, string> { [IdentityField.CitizenId] = "12ab" }),
            new(3, list.Items[1].RecordId, ReturnAction.CouldNotVerify, new Dictionary<IdentityField, string>()),
        };
        var second = lists.First(l => l.Id != list.Id);

        var result = ReturnApplier.Apply(
            input.Doses,
            lists,
            [new ReturnedList("a.csv", list.Id, rows), new ReturnedList("b.csv", second.Id, [])],
            [second.Id],
            MustNotRelink);

        Assert.Equal(
            [new ReturnProblem("a.csv", 1, "record_id", "record is not on this list"), new ReturnProblem("a.csv", 2, "citizen_id", "correction does not parse; record left as it was")],
            result.Problems.Take(2));
        Assert.Equal(new ReturnProblem("b.csv", 0, "list_id", $"list '{second.Id}' was already returned; this second return is not applied"), result.Problems[2]);
        Assert.Equal([list.Items[1].RecordId], result.CouldNotVerify);
        Assert.Equal(input.Doses, result.Records);
        Assert.Contains(list.Id, result.ReturnedListIds);
    }

    [Fact]
    public void Apply_CommuneCodeCorrectionNotANewCommune_SaysSoAndLeavesTheRecord()
    {
        // Five digits, but no commune of the new scheme has the code.
        var input = Sample.Input(8);
        var lists = WorkListBuilder.Build(input.Register, input.Doses, s_drawnUp);
        var list = lists.First();
        var row = new ReturnedRow(1, list.Items[0].RecordId, ReturnAction.Corrected, new Dictionary<IdentityField, string> { [IdentityField.Residence] = "99999" });

        var result = ReturnApplier.Apply(input.Doses, lists, [new ReturnedList("a.csv", list.Id, [row])], [], MustNotRelink);

        Assert.Equal([new ReturnProblem("a.csv", 1, "commune_code_corrected", "correction is not a commune code of the new scheme; record left as it was")], result.Problems);
        Assert.Equal(input.Doses, result.Records);
    }

    [Fact]
    public void Apply_ListGivenTwice_ArgumentExceptionNamingIt()
    {
        var input = Sample.Input(8);
        var lists = WorkListBuilder.Build(input.Register, input.Doses, s_drawnUp);

        var error = Assert.Throws<ArgumentException>(() => ReturnApplier.Apply(input.Doses, [.. lists, lists[0]], [], [], MustNotRelink));

        Assert.Contains($"'{lists[0].Id}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RowWithoutCorrections_ArgumentException()
    {
        var input = Sample.Input(8);
        var lists = WorkListBuilder.Build(input.Register, input.Doses, s_drawnUp);
        var row = new ReturnedRow(1, lists[0].Items[0].RecordId, ReturnAction.Confirmed, null!);

        var error = Assert.Throws<ArgumentException>(() => ReturnApplier.Apply(input.Doses, lists, [new ReturnedList("a.csv", lists[0].Id, [row])], [], MustNotRelink));

        Assert.Contains("a.csv", error.Message, StringComparison.Ordinal);
    }
}
