using FsCheck;
using FsCheck.Fluent;
using Immunization.Benchmarks.Matching;
using Immunization.Core.Records;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed partial class RegisterIndexTests
{
    private static IdentityRecord Trang(string id, string dob, string commune) =>
        Record(id, null, "Đoàn Thị Huyền Trang", dob, "F", null, commune);

    private static RegisterIndex LookalikeIndex(int lookalikes, RegisterMatchOptions options)
    {
        var people = new List<IdentityRecord>(s_blockingBase.Value)
        {
            Record("P-TRANG", "001179012345", "Đoàn Thị Huyền Trang", "1979-04-22", "F", "0987000111", "19774"),
        };
        for (var i = 0; i < lookalikes; i++)
        {
            // Same folded name, birth year and sex; another date, commune and no contact.
            people.Add(Trang($"P-LOOK-{i:000}", $"1979-{1 + (i % 12):00}-{1 + (i % 27):00}", "00004"));
        }

        return RegisterIndex.Build(people, options);
    }

    private static bool Linked(RecordLink link) => link.Outcome is VerificationOutcome.Verified or VerificationOutcome.Differs;

    [Fact]
    public void Link_OnlyNameBirthYearAndSexAgree_IsAmbiguousForLookalikes()
    {
        // The match weight lowered so that the review band does not decide first: only the lookalike prior stands between
        // "someone named Đoàn Thị Huyền Trang, born in 1979" and a link.
        var index = LookalikeIndex(0, new RegisterMatchOptions { MatchWeight = 12 });

        var link = index.Link(Trang("R-TRANG", "1979", "00007"));

        Assert.Equal(VerificationOutcome.Ambiguous, link.Outcome);
        Assert.Equal(AmbiguityReason.Lookalikes, link.AmbiguityReason);
        Assert.Equal("P-TRANG", link.PersonId);
        Assert.Equal("ambiguous:lookalikes", link.DifferencesText().Split(';')[0]);
    }

    [Fact]
    public void Link_OnlyNameBirthYearAndSexAgreeWithoutThePrior_IsLinked()
    {
        // The same record with the prior turned off (nobody outside the register could carry it): the prior alone decided.
        var index = LookalikeIndex(0, new RegisterMatchOptions { MatchWeight = 12, UnregisteredShare = 0 });

        var link = index.Link(Trang("R-TRANG", "1979", "00007"));

        Assert.True(Linked(link), $"{link.Outcome} {link.AmbiguityReason}");
        Assert.Equal("P-TRANG", link.PersonId);
    }

    [Fact]
    public void Link_LookalikesInTheRegisterButFullDateAndCommuneAgree_IsLinked()
    {
        var index = LookalikeIndex(20, new RegisterMatchOptions());

        var link = index.Link(Trang("R-TRANG", "1979-04-22", "19774"));

        Assert.True(Linked(link), $"{link.Outcome} {link.AmbiguityReason}");
        Assert.Equal("P-TRANG", link.PersonId);
    }

    [Fact]
    public void Link_MoreLookalikesInTheRegister_NeverTurnAnAmbiguousRecordIntoALink()
    {
        // Name, birth year, sex and commune agree: about 11 bits beyond the lookalike key. With one expected stranger per
        // register lookalike, the record is linked while the lookalikes are few and ambiguous once they are many.
        var options = new RegisterMatchOptions { MatchWeight = 12, UnregisteredShare = 1 };
        var record = Trang("R-TRANG", "1979", "19774");
        var outcomes = new[] { 0, 1, 3, 7, 15, 31, 63, 127 }
            .Select(k => (Lookalikes: k, Link: LookalikeIndex(k, options).Link(record)))
            .ToList();

        var summary = string.Join(", ", outcomes.Select(o => $"{o.Lookalikes}: {o.Link.Outcome} {o.Link.AmbiguityReason} {o.Link.Weight:0.0}"));
        Assert.True(Linked(outcomes[0].Link), summary);
        Assert.Equal(AmbiguityReason.Lookalikes, outcomes[^1].Link.AmbiguityReason);
        var firstUnlinked = outcomes.FindIndex(o => !Linked(o.Link));
        Assert.All(outcomes.Skip(firstUnlinked), o => Assert.False(Linked(o.Link), summary));
        Assert.All(outcomes.Where(o => Linked(o.Link)), o => Assert.Equal("P-TRANG", o.Link.PersonId));
    }

    [Fact]
    public void Link_RecordWithoutSex_CountsTheLookalikesOfBothSexes()
    {
        // A hundred men and the woman share the name and year: a record that states no sex could be any of them.
        var options = new RegisterMatchOptions { MatchWeight = 12, UnregisteredShare = 1 };
        var people = new List<IdentityRecord>(s_blockingBase.Value)
        {
            Record("P-AN", null, "Lê Minh An", "1990-01-02", "F", null, "19774"),
        };
        var women = RegisterIndex.Build(people, options);
        for (var i = 0; i < 100; i++)
        {
            people.Add(Record($"P-AN-M{i:00}", null, "Lê Minh An", $"1990-{1 + (i % 12):00}-{1 + (i % 27):00}", "M", null, "00004"));
        }

        var both = RegisterIndex.Build(people, options);
        var record = Record("R-AN", null, "Le Minh An", "1990", null, null, "19774");

        // Without the men the record is linked; with a hundred men of the same name and year it is not.
        Assert.True(Linked(women.Link(record)), women.Link(record).Outcome.ToString());
        Assert.Equal(AmbiguityReason.Lookalikes, both.Link(record).AmbiguityReason);
        // A record that says "female" is not one of the men.
        Assert.True(Linked(both.Link(Record("R-AN-F", null, "Le Minh An", "1990", "F", null, "19774"))));
    }

    [Fact]
    public void LookalikesOf_PeopleSharingFoldedNameYearAndSex_CountsThemWhateverTheToneMarks()
    {
        var people = new List<IdentityRecord>
        {
            Record("P-1", null, "Đoàn Thị Huyền Trang", "1979-04-22", "F"),
            Record("P-2", null, "Doan Thi Huyen Trang", "1979", "F"),
            Record("P-3", null, "Đoàn Thị Huyền Trang", "1979-12-01", "M"),
            Record("P-4", null, "Đoàn Thị Huyền Trang", "1980-04-22", "F"),
        };
        var index = RegisterIndex.Build(people);

        Assert.Equal([2, 2, 1, 1], Enumerable.Range(0, 4).Select(index.LookalikesOf).ToArray());
    }

    private static readonly Lazy<RegisterIndex> s_worldWideShare = new(() =>
    {
        var (_, _, _, people) = s_world.Value;
        return RegisterIndex.Build(people.Select(SyntheticIdentities.ToRecord), new RegisterMatchOptions { UnregisteredShare = 0.5 });
    });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Link_LargerUnregisteredShare_LinksOnlyWhatASmallerShareLinksToTheSamePerson() =>
        Prop.ForAll(Gen.Choose(0, 39_999).ToArbitrary(), i =>
        {
            var (index, records, _, _) = s_world.Value;
            var record = SyntheticIdentities.ToRecord(records[i % records.Count]);
            var strict = s_worldWideShare.Value.Link(record);
            var lenient = index.Link(record);
            return !Linked(strict) || (lenient.Outcome == strict.Outcome && lenient.PersonId == strict.PersonId);
        });
}
