using FsCheck;
using FsCheck.Fluent;
using Immunization.Benchmarks.Matching;
using Immunization.Core.Records;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Deduplication;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed partial class RegisterIndexTests
{
    private static IdentityRecord Record(string id, string? cid, string? name, string? dob, string? sex, string? phone = null,
        string? commune = null, string? scheme = "new", string? nationality = "VN") =>
        IdentityRecord.FromText(id, cid, name, dob, sex, phone, null, commune, scheme, nationality);

    // The generator's register of 5,000 people (a few of whom are absent from it).
    private static readonly Lazy<List<string?[]>> s_smallPeople = new(() => new SyntheticIdentities(seed: 11).People(5_000));

    private static readonly Lazy<RegisterIndex> s_small = new(() =>
    {
        var people = s_smallPeople.Value.Select(SyntheticIdentities.ToRecord).ToList();
        people.Add(Record("P-A", "001190012345", "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678"));
        people.Add(Record("P-TWIN1", null, "Trần Văn Khải", "1985-07-07", "M"));
        people.Add(Record("P-TWIN2", null, "Trần Văn Khải", "1985-07-07", "M"));
        return RegisterIndex.Build(people);
    });

    [Fact]
    public void Link_SameIdentityNameAndDate_IsVerified()
    {
        var link = s_small.Value.Link(Record("R1", "001190012345", "NGUYỄN  THỊ MINH ANH", "03/05/1990", "Nữ", "+84 912 345 678"));

        Assert.Equal(VerificationOutcome.Verified, link.Outcome);
        Assert.Equal("P-A", link.PersonId);
        Assert.Empty(link.Differences);
    }

    [Fact]
    public void Link_ToneMarksDroppedAndDayMonthSwapped_DiffersListingBoth()
    {
        var link = s_small.Value.Link(Record("R2", "001190012345", "Nguyen Thi Minh Anh", "1990-03-05", "F"));

        Assert.Equal(VerificationOutcome.Differs, link.Outcome);
        Assert.Equal("P-A", link.PersonId);
        Assert.Equal("full_name:tone_marks;date_of_birth:day_month_swapped", link.DifferencesText());
    }

    [Fact]
    public void Link_IdentityNumberTransposedAndMissingMiddleName_DiffersAndExplainsTheNumber()
    {
        var link = s_small.Value.Link(Record("R3", "001190012354", "Nguyễn Anh", "1990", "F", "0912345678"));

        Assert.Equal(VerificationOutcome.Differs, link.Outcome);
        Assert.Equal("P-A", link.PersonId);
        Assert.Contains(new IdentityDifference(IdentityField.CitizenId, DifferenceKind.Transposition), link.Differences);
        Assert.Contains(new IdentityDifference(IdentityField.FullName, DifferenceKind.MiddleName), link.Differences);
        Assert.Contains(new IdentityDifference(IdentityField.DateOfBirth, DifferenceKind.Compatible), link.Differences);
    }

    [Fact]
    public void Link_FamilyAndGivenNameSwapped_StillFindsThePerson()
    {
        var link = s_small.Value.Link(Record("R4", null, "Anh Thị Minh Nguyễn", "1990-05-03", "F", "0912345678"));

        Assert.Equal("P-A", link.PersonId);
        Assert.Contains(new IdentityDifference(IdentityField.FullName, DifferenceKind.Reordered), link.Differences);
        Assert.Contains(new IdentityDifference(IdentityField.CitizenId, DifferenceKind.Missing), link.Differences);
    }

    [Fact]
    public void Link_OldElevenDigitPhone_EqualsTheNewForm()
    {
        var link = s_small.Value.Link(Record("R5", null, "Nguyễn Thị Minh Anh", "1990-05-03", "F", "01662345678"));
        var withNew = s_small.Value.Link(Record("R6", null, "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0362345678"));

        Assert.Equal(withNew.Explanation[4], link.Explanation[4]);
    }

    [Fact]
    public void Link_DifferentValidIdentityNumber_IsNeverLinkedOnlyAmbiguous()
    {
        var link = s_small.Value.Link(Record("R7", "079190999999", "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678"));

        Assert.Equal(VerificationOutcome.Ambiguous, link.Outcome);
        Assert.Contains(new IdentityDifference(IdentityField.CitizenId, DifferenceKind.Different), link.Differences);
    }

    [Fact]
    public void Link_TwoIdenticalRegisterEntries_IsAmbiguous()
    {
        var link = s_small.Value.Link(Record("R8", null, "Trần Văn Khải", "1985-07-07", "M"));

        Assert.Equal(VerificationOutcome.Ambiguous, link.Outcome);
        Assert.Equal(link.Weight, link.RunnerUpWeight);
    }

    [Fact]
    public void Link_ReadmeExample_DiffersWithTranspositionAndToneMarks()
    {
        var link = s_small.Value.Link(IdentityRecord.FromText("R1", "001190012354", "Nguyen Thi Minh Anh", "03/05/1990", "Nữ",
            "01662345678", provinceCode: null, communeCode: null, scheme: null, nationality: null));

        Assert.Equal(VerificationOutcome.Differs, link.Outcome);
        Assert.Equal("P-A", link.PersonId);
        Assert.Equal("citizen_id:transposition;full_name:tone_marks", link.DifferencesText());
    }

    [Fact]
    public void Link_ReadmeExampleAgainstAOnePersonRegister_DiffersWithTranspositionAndToneMarks()
    {
        var register = RegisterIndex.Build(new[]
        {
            IdentityRecord.FromText("P1", "001190012345", "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678",
                provinceCode: null, communeCode: null, scheme: "new", nationality: "VN"),
        });

        var link = register.Link(IdentityRecord.FromText("R1", "001190012354", "Nguyen Thi Minh Anh", "03/05/1990", "Nữ",
            "01662345678", provinceCode: null, communeCode: null, scheme: null, nationality: null));

        Assert.Equal(VerificationOutcome.Differs, link.Outcome);
        Assert.Equal("P1", link.PersonId);
        Assert.Equal("citizen_id:transposition;full_name:tone_marks", link.DifferencesText());
    }

    [Fact]
    public void Link_CccdContradictingTheRegistersSexAndYear_SaysSo()
    {
        // The register person has no identity number; the record's CCCD encodes a man born in 1985.
        var link = s_small.Value.Link(Record("R12", "001085012345", "Trần Văn Khải", "1985-07-07", "M"));
        var woman = s_small.Value.Link(Record("R13", "001185012345", "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678"));

        Assert.DoesNotContain(link.Differences, d => d.Kind is DifferenceKind.InconsistentSex or DifferenceKind.InconsistentBirthYear);
        Assert.Contains(new IdentityDifference(IdentityField.CitizenId, DifferenceKind.InconsistentBirthYear), woman.Differences);
        Assert.DoesNotContain(new IdentityDifference(IdentityField.CitizenId, DifferenceKind.InconsistentSex), woman.Differences);
    }

    [Fact]
    public void Cluster_SameNameAndDateWithTwoValidNumbers_NeverJoinsThemEvenThroughARecordWithoutNumber()
    {
        var records = new[]
        {
            Record("A", "001190012345", "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678"),
            Record("B", null, "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678"),
            Record("C", "079190054321", "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678"),
            Record("D", null, "Lê Văn Tám", "1950", "M"),
        };

        var clusters = Immunization.Matching.Deduplication.IdentityClusters.Cluster(records);

        Assert.NotEqual(clusters[0], clusters[2]);
        Assert.True(clusters[1] == clusters[0] || clusters[1] == clusters[2]);
        Assert.Equal("D", clusters[3]);
    }

    [Fact]
    public void Cluster_SameNumberOtherNameAndDate_NotOnePerson()
    {
        // As the decision's citizen_id_only: a number alone does not make two records one person, whatever it weighs.
        var records = new[]
        {
            Record("A", "001190012345", "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678"),
            Record("B", "001190012345", "Phan Văn Kỳ", "1961-12-03", "F", "0912345678"),
            Record("C", "001190012345", "Nguyen Thi Minh Anh", "1990-05-03", "F"),
        };

        var clusters = Immunization.Matching.Deduplication.IdentityClusters.Cluster(records);

        Assert.Equal(["A", "B", "A"], clusters);
    }

    [Fact]
    public void Link_PassportNumberInTheIdentityField_IsReportedInvalidNotMissing()
    {
        var link = s_small.Value.Link(Record("R14", "N6830243", "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678"));

        Assert.Equal("P-A", link.PersonId);
        Assert.Contains(new IdentityDifference(IdentityField.CitizenId, DifferenceKind.Invalid), link.Differences);
        Assert.DoesNotContain(new IdentityDifference(IdentityField.CitizenId, DifferenceKind.Missing), link.Differences);
    }

    [Fact]
    public void Link_ForeignNational_IsNotApplicable()
    {
        var link = s_small.Value.Link(Record("R9", "E1234567", "Kim Min Jun", "1990-05-03", "M", nationality: "KR"));

        Assert.Equal(VerificationOutcome.NotApplicable, link.Outcome);
        Assert.Null(link.PersonId);
    }

    [Fact]
    public void Link_UnknownPerson_IsNotFound()
    {
        var link = s_small.Value.Link(Record("R10", null, "Quách Thị Bích Tuyền", "1931-01-01", "F"));

        Assert.Equal(VerificationOutcome.NotFound, link.Outcome);
        Assert.Null(link.PersonId);
    }

    [Fact]
    public void Link_AnyResult_ExplanationAddsUpToTheWeight()
    {
        var link = s_small.Value.Link(Record("R11", "001190012345", "Nguyen Thi Minh Anh", "1990", "F", "0912345679"));

        Assert.Equal(link.Weight, link.Explanation.Sum(c => c.Weight), 9);
    }

    [FsCheck.Xunit.Property(MaxTest = 50)]
    public Property Link_EveryRegisterPersonAgainstItself_IsVerifiedToItself() =>
        Prop.ForAll(Gen.Choose(0, s_smallPeople.Value.Count - 1).ToArbitrary(), i =>
        {
            var people = s_smallPeople.Value;
            var link = s_small.Value.Link(SyntheticIdentities.ToRecord(people[i]));
            return link.PersonId == people[i][0] && link.Outcome == VerificationOutcome.Verified;
        });

    [Fact]
    public void Link_RecordsInAnyOrderOrBatch_GiveTheSameOutcomes()
    {
        var (index, records, _, _) = s_world.Value;
        var sample = records.Take(2_000).ToList();
        var forward = sample.Select(r => index.Link(SyntheticIdentities.ToRecord(r))).ToList();
        var backward = Enumerable.Reverse(sample).AsParallel().AsOrdered().Select(r => index.Link(SyntheticIdentities.ToRecord(r))).Reverse().ToList();

        Assert.Equal(forward.Select(l => (l.Outcome, l.PersonId, l.Weight)), backward.Select(l => (l.Outcome, l.PersonId, l.Weight)));
    }

    [Fact]
    public void Build_RegisterInAnyOrder_GivesTheSameOutcomesPersonsAndWeights()
    {
        var generator = new SyntheticIdentities(seed: 21);
        var people = generator.People(4_000);
        var (records, _) = generator.Records(people);
        var shuffled = people.OrderBy(p => new Random(p[0]!.GetHashCode(StringComparison.Ordinal)).Next()).ToList();
        var reversed = Enumerable.Reverse(people).ToList();

        var indexes = new[] { people, shuffled, reversed }.Select(list => RegisterIndex.Build(list.Select(SyntheticIdentities.ToRecord))).ToList();
        var outcomes = indexes
            .Select(index => records.Select(r => index.Link(SyntheticIdentities.ToRecord(r)))
                .Select(l => (l.Outcome, l.PersonId, Math.Round(l.Weight, 9), l.DifferencesText())).ToList())
            .ToList();

        Assert.Equal(outcomes[0], outcomes[1]);
        Assert.Equal(outcomes[0], outcomes[2]);
    }

    [Fact]
    public void Link_SyntheticRecords_NeverLinkAPersonWithAnotherValidIdentityNumberUnlessExplainedAsATypo()
    {
        var (index, records, _, people) = s_world.Value;
        var byId = people.ToDictionary(p => p[0]!, p => p[1]);
        foreach (var row in records)
        {
            var record = SyntheticIdentities.ToRecord(row);
            var link = index.Link(record);
            if (link.Outcome is not (VerificationOutcome.Verified or VerificationOutcome.Differs) || record.CitizenId.Kind == Core.Identity.CitizenIdKind.None)
            {
                continue;
            }

            Assert.True(Core.Identity.CitizenId.TryParse(byId[link.PersonId!], out var registered));
            if (registered.Kind == record.CitizenId.Kind && registered != record.CitizenId)
            {
                Assert.Contains(link.Differences, d => d.Field == IdentityField.CitizenId && d.Kind is DifferenceKind.Transposition or DifferenceKind.Substitution);
            }
        }
    }

    [Fact]
    public void Link_TwoIdenticalRegisterPeople_AmbiguousTieNamingTheRunnerUp()
    {
        var link = s_small.Value.Link(Record("R-TWIN", null, "Trần Văn Khải", "1985-07-07", "M"));

        Assert.Equal(VerificationOutcome.Ambiguous, link.Outcome);
        Assert.Equal(AmbiguityReason.Tie, link.AmbiguityReason);
        Assert.Equal("P-TWIN1", link.PersonId);
        Assert.Equal("P-TWIN2", link.RunnerUpPersonId);
        Assert.StartsWith("ambiguous:tie", link.DifferencesText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Link_DifferentValidIdentityNumber_AmbiguousSayingWhy()
    {
        var link = s_small.Value.Link(Record("R-OTHER", "079190099999", "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678"));

        Assert.Equal(VerificationOutcome.Ambiguous, link.Outcome);
        Assert.Equal(AmbiguityReason.DifferentValidCitizenId, link.AmbiguityReason);
    }

    [Fact]
    public void Link_OnlyTheIdentityNumberAgrees_AmbiguousNotLinked()
    {
        // P-A's number, phone and sex, but another name and another birth date: someone else's record carrying her number.
        var link = s_small.Value.Link(Record("R-NUMBER", "001190012345", "Phan Văn Kỳ", "1961-12-03", "F", "0912345678"));

        Assert.Equal(VerificationOutcome.Ambiguous, link.Outcome);
        Assert.Equal(AmbiguityReason.CitizenIdOnly, link.AmbiguityReason);
        Assert.Equal("P-A", link.PersonId);
        Assert.StartsWith("ambiguous:citizen_id_only;full_name:different;date_of_birth:different", link.DifferencesText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Link_IdentityNumberAndBirthDateAgreeNameDiffers_Linked()
    {
        // One of the two others agreeing is enough: the number and the birth date confirm the person, the name is for the police.
        var link = s_small.Value.Link(Record("R-RENAMED", "001190012345", "Phan Thị Kỳ", "1990-05-03", "F"));

        Assert.Equal(VerificationOutcome.Differs, link.Outcome);
        Assert.Equal("P-A", link.PersonId);
        Assert.Null(link.AmbiguityReason);
    }

    [Fact]
    public void Link_OldNineDigitNumberAgainstTheRegistersCccd_DiffersNeverVerified()
    {
        // Everything else equal, but a CMND cannot be compared with P-A's CCCD: the number confirms nothing.
        var link = s_small.Value.Link(Record("R-CMND", "134364837", "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678"));

        Assert.Equal(VerificationOutcome.Differs, link.Outcome);
        Assert.Equal("P-A", link.PersonId);
        Assert.Equal("citizen_id:compatible", link.DifferencesText());
    }

    [Fact]
    public void Link_VerifiedRecord_HasNoAmbiguityReason()
    {
        var link = s_small.Value.Link(Record("R1", "001190012345", "Nguyễn Thị Minh Anh", "1990-05-03", "F"));

        Assert.Equal(VerificationOutcome.Verified, link.Outcome);
        Assert.Null(link.AmbiguityReason);
        Assert.Null(link.RunnerUpPersonId);
    }

    [Fact]
    public void Link_UnreadableDateAndSex_DifferencesSayInvalidNotMissing()
    {
        var link = s_small.Value.Link(Record("R-BAD", "001190012345", "Nguyễn Thị Minh Anh", "1990-13-45", "X", "0912345678"));

        Assert.Contains(new IdentityDifference(IdentityField.DateOfBirth, DifferenceKind.Invalid), link.Differences);
        Assert.Contains(new IdentityDifference(IdentityField.Sex, DifferenceKind.Invalid), link.Differences);
        Assert.DoesNotContain(new IdentityDifference(IdentityField.DateOfBirth, DifferenceKind.Missing), link.Differences);
    }

    [Theory]
    [InlineData("VN")]
    [InlineData("vnm")]
    [InlineData("Việt Nam")]
    [InlineData("Viet Nam")]
    [InlineData("VIETNAM")]
    [InlineData(null)]
    public void FromText_VietnamWrittenAnyWay_IsVietnameseCitizen(string? nationality)
    {
        Assert.True(Record("R", null, "An", null, null, nationality: nationality).IsVietnameseCitizen);
    }

    [Fact]
    public void FromText_OtherNationality_IsNotVietnameseCitizen()
    {
        Assert.False(Record("R", null, "An", null, null, nationality: "KR").IsVietnameseCitizen);
    }

    [Fact]
    public void FromText_UnparsableValues_AreMarkedUnreadable()
    {
        var record = Record("R", "abc", "Nguyễn An", "1990-13-45", "X", "abc", "99999");

        Assert.True(record.IsUnreadable(IdentityField.DateOfBirth));
        Assert.True(record.IsUnreadable(IdentityField.Sex));
        Assert.True(record.IsUnreadable(IdentityField.Phone));
        Assert.True(record.IsUnreadable(IdentityField.Residence));
        Assert.True(record.IsUnreadable(IdentityField.CitizenId));
        Assert.False(record.IsUnreadable(IdentityField.FullName));
        Assert.False(Record("R", null, "An", null, null).IsUnreadable(IdentityField.DateOfBirth));
    }

    [Fact]
    public void Link_BlockLargerThanMaxBlockSize_CountsTheSkippedKeys()
    {
        var people = Enumerable.Range(0, 5).Select(i => Record("P" + i, null, "Nguyễn Văn An", "1990-05-0" + (i + 1), "M")).ToList();
        var small = RegisterIndex.Build(people, new RegisterMatchOptions { MaxBlockSize = 2, RandomPairs = 1000 });
        var large = RegisterIndex.Build(people, new RegisterMatchOptions { RandomPairs = 1000 });
        var record = Record("R", null, "Nguyễn Văn An", "1990-05-01", "M");

        Assert.True(small.Link(record).SkippedBlocks > 0);
        Assert.Equal(0, large.Link(record).SkippedBlocks);
    }

    [Theory]
    [InlineData("00008")]
    [InlineData("00025")]
    public void Link_OldCommuneSplitInTwo_MatchesAPersonInEitherPart(string newCommune)
    {
        // Old commune 00007 (Phường Cống Vị, Hà Nội) went partly into new communes 00008 and 00025.
        var register = RegisterIndex.Build(
        [
            Record("P1", "001190012345", "Nguyễn Thị Minh Anh", "1990-05-03", "F", commune: newCommune),
            Record("P2", "001085001122", "Trần Văn Khải", "1985-07-07", "M", commune: "00004"),
        ], new RegisterMatchOptions { RandomPairs = 1000 });

        var link = register.Link(Record("R1", "001190012345", "Nguyễn Thị Minh Anh", "1990-05-03", "F", commune: "00007", scheme: "old"));

        Assert.Equal("P1", link.PersonId);
        Assert.Equal("same_commune", link.Explanation[(int)IdentityField.Residence].Level);
    }
}
