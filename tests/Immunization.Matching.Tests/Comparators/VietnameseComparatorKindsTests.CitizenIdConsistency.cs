using FsCheck;
using FsCheck.Fluent;
using Immunization.Core.Identity;
using Immunization.Matching.Configuration;
using Immunization.Matching.Scoring;
using Immunization.Matching.Tables;

namespace Immunization.Matching.Tests.Comparators;

/// <summary>
/// The <c>citizenId.consistent</c> level: a field that reads the identity number, the sex and the date of birth, where an old
/// 9-digit CMND and a 12-digit CCCD agree when the CCCD encodes the sex and birth year the CMND's record states.
/// </summary>
public sealed partial class VietnameseComparatorKindsTests
{
    private const string ConsistentLevels = """
        [ { "comparator": "citizenId.exact" }, { "comparator": "citizenId.transposition" }, { "comparator": "citizenId.substitution" },
          { "comparator": "citizenId.consistent" } ]
        """;

    /// <summary>A valid CMND (9 digits, no placeholder).</summary>
    private const string Cmnd = "025678912";

    /// <summary>Another valid CMND.</summary>
    private const string OtherCmnd = "031245786";

    private static string Cccd(int province, Sex sex, int birthYear, int serial) =>
        CitizenId.CreateCccd(province, sex, birthYear, serial).ToString();

    /// <summary>A man born in 1990, with a CCCD of Hà Nội (001).</summary>
    private static readonly (string Number, string Sex, string Birth) s_man1990 = (Cccd(1, Sex.Male, 1990, 12345), "M", "1990-05-12");

    /// <summary>The comparer over one left and one right three-column table holding <paramref name="values"/> in the same order.</summary>
    private static (PairComparer Comparer, MatchPlan Plan) ConsistencyComparer(string levels,
        IReadOnlyList<(string Number, string Sex, string Birth)> values)
    {
        var plan = MatchPlan.Compile(MatchConfiguration.FromJson(
            $$"""
            { "fields": [ { "name": "v", "columns": [ "citizen_id", "sex", "date_of_birth" ], "levels": {{levels}} } ],
              "blocking": [ { "on": [ "v" ] } ] }
            """));
        RecordTable Table()
        {
            var table = new RecordTable(["citizen_id", "sex", "date_of_birth"]);
            foreach (var (number, sex, birth) in values)
            {
                var r = table.AddRecord();
                table.Set(r, 0, number);
                table.Set(r, 1, sex);
                table.Set(r, 2, birth);
            }

            return table;
        }

        var fields = FieldData.Build(plan, [Table(), Table()]);
        return (new PairComparer(plan, fields, 0, 1), plan);
    }

    private static string ConsistencyLabel(string levels, (string, string, string) a, (string, string, string) b)
    {
        var (comparer, plan) = ConsistencyComparer(levels, [a, b]);
        var level = comparer.Level(0, comparer.Left[0][0], comparer.Right[0][1]);
        return level < 0 ? "missing" : plan.LevelLabels[plan.LevelOffset[0] + level];
    }

    private static string ConsistencyLabel((string, string, string) a, (string, string, string) b) => ConsistencyLabel(ConsistentLevels, a, b);

    [Fact]
    public void Level_CmndAgainstCccdEncodingTheCmndRecordsSexAndYear_IsConsistent()
    {
        // The record carries the person's old CMND, the register their new CCCD.
        Assert.Equal("citizenId.consistent", ConsistencyLabel((Cmnd, "M", "1990-05-12"), s_man1990));
        Assert.Equal("citizenId.consistent", ConsistencyLabel(s_man1990, (Cmnd, "M", "1990-05-12")));
    }

    [Fact]
    public void Level_CmndAgainstCccdWhoseRecordStatesNothing_IsConsistent()
    {
        // A CMND encodes nothing: only the CCCD is checked, against what the CMND's record states.
        Assert.Equal("citizenId.consistent", ConsistencyLabel((Cmnd, "M", "1990"), (s_man1990.Number, "", "")));
    }

    [Fact]
    public void Level_DifferentCccdsEvenEncodingTheOtherRecordsSexAndYear_AreDifferent()
    {
        // Two valid numbers of one scheme more than one edit apart are two people, whatever they encode.
        var other = (Cccd(79, Sex.Male, 1990, 654321), "M", "1990-11-30");

        Assert.Equal("different", ConsistencyLabel(s_man1990, other));
    }

    [Theory]
    [InlineData("Nam", "12/05/1990")]
    [InlineData("male", "1990")]
    [InlineData(" m ", "1990-05")]
    public void Level_SexAndDateInAnyReadableWriting_AreChecked(string sex, string birth) =>
        Assert.Equal("citizenId.consistent", ConsistencyLabel((Cmnd, sex, birth), s_man1990));

    [Fact]
    public void Level_CccdEncodingAnotherSex_IsNotConsistent()
    {
        var woman = (Cccd(79, Sex.Female, 1990, 654321), "F", "1990-05-12");

        Assert.Equal("different", ConsistencyLabel(s_man1990, woman));
        Assert.Equal("different", ConsistencyLabel(s_man1990, (Cccd(79, Sex.Male, 1990, 654321), "F", "1990-05-12")));
        // Against a CMND an inconsistent CCCD weighs nothing, as a CMND against a CCCD always did.
        Assert.Equal("missing", ConsistencyLabel((Cmnd, "F", "1990-05-12"), s_man1990));
    }

    [Fact]
    public void Level_CccdEncodingAnotherBirthYear_IsNotConsistent()
    {
        Assert.Equal("different", ConsistencyLabel(s_man1990, (Cccd(79, Sex.Male, 1991, 654321), "M", "1991-05-12")));
        Assert.Equal("different", ConsistencyLabel(s_man1990, (Cccd(79, Sex.Male, 1990, 654321), "M", "1991-05-12")));
        Assert.Equal("missing", ConsistencyLabel((Cmnd, "M", "1991-05-12"), s_man1990));
    }

    [Fact]
    public void Level_CccdEncodingAnotherCentury_IsNotConsistent()
    {
        // Digit 4 of 2090's number says 2000s: the same two year digits in another century.
        var born2090 = Cccd(1, Sex.Male, 2090, 777777);

        Assert.Equal("missing", ConsistencyLabel((Cmnd, "M", "1990-05-12"), (born2090, "M", "2090-05-12")));
        Assert.Equal("different", ConsistencyLabel(s_man1990, (born2090, "M", "2090-05-12")));
        Assert.Equal("different", ConsistencyLabel((Cccd(79, Sex.Male, 1990, 654321), "M", "1990-05-12"), (born2090, "M", "1990-05-12")));
    }

    [Theory]
    [InlineData("", "1990-05-12")]
    [InlineData("M", "")]
    [InlineData("X", "1990-05-12")]
    [InlineData("M", "not a date")]
    public void Level_OtherRecordWithoutSexOrBirthYear_IsNotConsistent(string sex, string birth)
    {
        var reissued = Cccd(79, Sex.Male, 1990, 654321);

        // The check cannot be made: two different numbers are 'different', a CMND against a CCCD weighs nothing.
        Assert.Equal("different", ConsistencyLabel(s_man1990, (reissued, sex, birth)));
        Assert.Equal("missing", ConsistencyLabel((Cmnd, sex, birth), s_man1990));
    }

    [Fact]
    public void Level_TwoDifferentCmnds_AreNeverConsistent() =>
        Assert.Equal("different", ConsistencyLabel((Cmnd, "M", "1990-05-12"), (OtherCmnd, "M", "1990-05-12")));

    [Fact]
    public void Level_SameNumberWithDifferentSexOrDate_IsExact()
    {
        Assert.Equal("citizenId.exact", ConsistencyLabel(s_man1990, (s_man1990.Number, "F", "1985")));
        Assert.Equal("citizenId.exact", ConsistencyLabel(s_man1990, (s_man1990.Number, "", "")));
    }

    [Fact]
    public void Level_NoNumber_IsMissing() =>
        Assert.Equal("missing", ConsistencyLabel(s_man1990, ("", "M", "1990-05-12")));

    [Fact]
    public void Level_OneDigitOffWithoutSubstitutionLevel_IsConsistentOnlyWhenTheCheckHolds()
    {
        var levels = """[ { "comparator": "citizenId.exact" }, { "comparator": "citizenId.consistent" } ]""";
        var serialTypo = (Cccd(1, Sex.Male, 1990, 12346), "M", "1990-05-12");
        var yearTypo = (Cccd(1, Sex.Male, 1991, 12345), "M", "1990-05-12");

        Assert.Equal("citizenId.consistent", ConsistencyLabel(levels, s_man1990, serialTypo));
        // A typo in the year digits makes a number that no longer encodes the person's birth year.
        Assert.Equal("different", ConsistencyLabel(levels, s_man1990, yearTypo));
        Assert.Equal("citizenId.substitution", ConsistencyLabel(s_man1990, yearTypo));
    }

    [Fact]
    public void Level_ThreeColumnsWithoutConsistentLevel_WeighsACmndAgainstACccdAsBefore()
    {
        var levels = """[ { "comparator": "citizenId.exact" }, { "comparator": "citizenId.substitution" } ]""";

        Assert.Equal("missing", ConsistencyLabel(levels, (Cmnd, "M", "1990-05-12"), s_man1990));
        Assert.Equal("different", ConsistencyLabel(levels, s_man1990, (Cccd(79, Sex.Male, 1990, 654321), "M", "1990-05-12")));
    }

    private static readonly (string Number, string Sex, string Birth)[] s_consistencyPool =
    [
        s_man1990,
        (s_man1990.Number, "", ""),
        (s_man1990.Number, "F", "1990"),
        (Cccd(1, Sex.Male, 1990, 12346), "M", "1990-05-12"),
        (Cccd(1, Sex.Male, 1991, 12345), "M", "1990-05-12"),
        (Cccd(79, Sex.Male, 1990, 654321), "M", "1990-11-30"),
        (Cccd(79, Sex.Female, 1990, 654321), "F", "1990-11-30"),
        (Cccd(1, Sex.Male, 2090, 12345), "M", "2090"),
        (Cmnd, "M", "1990-05-12"),
        (Cmnd, "F", "1990"),
        (Cmnd, "", ""),
        (OtherCmnd, "M", "1990"),
        ("123456789", "M", "1990"),
        ("abc", "M", "1990"),
        ("", "M", "1990"),
        ("", "", ""),
    ];

    private static readonly (PairComparer Comparer, MatchPlan Plan) s_consistency = ConsistencyComparer(ConsistentLevels, s_consistencyPool);

    /// <summary>The same pool on a one-column field: the identity number alone.</summary>
    private static readonly (PairComparer Comparer, MatchPlan Plan) s_numberOnly =
        Comparer(CitizenIdLevels, Array.ConvertAll(s_consistencyPool, v => v.Number));

    private static Arbitrary<(int A, int B)> ConsistencyPairs() =>
        (from a in Gen.Choose(0, s_consistencyPool.Length - 1)
         from b in Gen.Choose(0, s_consistencyPool.Length - 1)
         select (a, b)).ToArbitrary();

    private static int ConsistencyLevelOf(int a, int b) =>
        s_consistency.Comparer.Level(0, s_consistency.Comparer.Left[0][a], s_consistency.Comparer.Right[0][b]);

    [FsCheck.Xunit.Property]
    public Property Level_ConsistencyAnyPair_IsSymmetric() =>
        Prop.ForAll(ConsistencyPairs(), p => ConsistencyLevelOf(p.A, p.B) == ConsistencyLevelOf(p.B, p.A));

    [FsCheck.Xunit.Property]
    public Property Level_ConsistencyAnyPair_IsMissingOrAConfiguredLevelOrDifferent() =>
        Prop.ForAll(ConsistencyPairs(), p =>
            ConsistencyLevelOf(p.A, p.B) >= -1 && ConsistencyLevelOf(p.A, p.B) < s_consistency.Plan.LevelCount[0]);

    [FsCheck.Xunit.Property]
    public Property Level_ConsistencyValueWithItself_IsExactUnlessNoNumberIsRead() =>
        Prop.ForAll(ConsistencyPairs(), p =>
            ConsistencyLevelOf(p.A, p.A) == (s_consistencyPool[p.A].Number is "" or "abc" ? -1 : 0));

    [FsCheck.Xunit.Property]
    public Property Level_ConsistencyAnyPair_DiffersFromTheNumberAloneOnlyWhereCmndMeetsCccd()
    {
        var consistent = s_consistency.Plan.LevelCount[0] - 2;
        return Prop.ForAll(ConsistencyPairs(), p =>
        {
            var alone = s_numberOnly.Comparer.Level(0, s_numberOnly.Comparer.Left[0][p.A], s_numberOnly.Comparer.Right[0][p.B]);
            var level = ConsistencyLevelOf(p.A, p.B);
            var different = s_numberOnly.Plan.LevelCount[0] - 1;
            return level == consistent
                ? alone == -1
                : level == (alone == different ? consistent + 1 : alone);
        });
    }
}
