using FsCheck;
using FsCheck.Fluent;
using Immunization.Matching.Configuration;
using Immunization.Matching.Scoring;
using Immunization.Matching.Tables;

namespace Immunization.Matching.Tests.Comparators;

/// <summary>The Vietnamese comparators as comparator kinds of the general (JSON-configured) engine.</summary>
public sealed partial class VietnameseComparatorKindsTests
{
    private const string NameLevels = """
        [ { "comparator": "exact" }, { "comparator": "vietnameseName.exact" }, { "comparator": "vietnameseName.middleMissing" },
          { "comparator": "vietnameseName.anyOrder" }, { "comparator": "vietnameseName.similar", "threshold": 0.9 },
          { "comparator": "vietnameseName.givenOnly" } ]
        """;

    private const string DateLevels = """
        [ { "comparator": "exact" }, { "comparator": "partialDate.exact" }, { "comparator": "partialDate.compatible" },
          { "comparator": "partialDate.dayMonthSwapped" }, { "comparator": "partialDate.oneDigit" }, { "comparator": "partialDate.sameYear" } ]
        """;

    private const string CitizenIdLevels = """
        [ { "comparator": "citizenId.exact" }, { "comparator": "citizenId.transposition" }, { "comparator": "citizenId.substitution" } ]
        """;

    private const string PhoneLevels = """[ { "comparator": "phone.exact" }, { "comparator": "phone.oneDigit" } ]""";

    private static MatchPlan Plan(string levels) => MatchPlan.Compile(MatchConfiguration.FromJson(
        $$"""{ "fields": [ { "name": "v", "levels": {{levels}} } ], "blocking": [ { "on": [ "v" ] } ] }"""));

    /// <summary>The comparer over one left and one right table holding <paramref name="values"/> in the same order.</summary>
    private static (PairComparer Comparer, MatchPlan Plan) Comparer(string levels, IReadOnlyList<string> values)
    {
        var plan = Plan(levels);
        RecordTable Table()
        {
            var table = new RecordTable(["v"]);
            foreach (var value in values)
            {
                table.Set(table.AddRecord(), 0, value);
            }

            return table;
        }

        var fields = FieldData.Build(plan, [Table(), Table()]);
        return (new PairComparer(plan, fields, 0, 1), plan);
    }

    private static string Label(string levels, string a, string b)
    {
        var (comparer, plan) = Comparer(levels, [a, b]);
        var level = comparer.Level(0, comparer.Left[0][0], comparer.Right[0][1]);
        return level < 0 ? "missing" : plan.LevelLabels[plan.LevelOffset[0] + level];
    }

    [Theory]
    [InlineData("Nguyễn Văn An", "Nguyễn Văn An", "exact")]
    [InlineData("Nguyễn Văn An", "NGUYEN VAN AN", "vietnameseName.exact")]
    [InlineData("Nguyễn Văn An", "Nguyễn An", "vietnameseName.middleMissing")]
    [InlineData("Nguyễn Văn An", "An Nguyễn Văn", "vietnameseName.anyOrder")]
    [InlineData("Phạm Minh Quang", "Phạm Minh Quan", "vietnameseName.similar>=0.9")]
    [InlineData("Nguyễn Văn An", "Trần Thị An", "vietnameseName.givenOnly")]
    [InlineData("Nguyễn Văn An", "Lê Thị Bình", "different")]
    [InlineData("Nguyễn Văn An", "", "missing")]
    public void Level_VietnameseName_GivesTheExpectedLevel(string a, string b, string expected) =>
        Assert.Equal(expected, Label(NameLevels, a, b));

    [Theory]
    [InlineData("1990-05-12", "1990-05-12", "exact")]
    [InlineData("1990-05-12", "12/05/1990", "partialDate.exact")]
    [InlineData("1990-05-12", "1990", "partialDate.compatible")]
    [InlineData("1990-05-12", "1990-12-05", "partialDate.dayMonthSwapped")]
    [InlineData("1990-05-12", "1990-05-13", "partialDate.oneDigit")]
    [InlineData("1990-05-12", "1990-08-20", "partialDate.sameYear")]
    [InlineData("1990-05-12", "1985-01-01", "different")]
    [InlineData("1990-05-12", "not a date", "missing")]
    public void Level_PartialDate_GivesTheExpectedLevel(string a, string b, string expected) =>
        Assert.Equal(expected, Label(DateLevels, a, b));

    [Theory]
    [InlineData("001090012345", "001 090 012345", "citizenId.exact")]
    [InlineData("001090012345", "001090013245", "citizenId.transposition")]
    [InlineData("001090012345", "001090012346", "citizenId.substitution")]
    [InlineData("001090012345", "001090998877", "different")]
    [InlineData("001090012345", "123456789", "missing")]
    public void Level_CitizenId_GivesTheExpectedLevel(string a, string b, string expected) =>
        Assert.Equal(expected, Label(CitizenIdLevels, a, b));

    [Theory]
    [InlineData("0912345678", "+84 912 345 678", "phone.exact")]
    [InlineData("0362345678", "01662345678", "phone.exact")]
    [InlineData("0912345678", "0912345679", "phone.oneDigit")]
    [InlineData("0912345678", "0987654321", "different")]
    public void Level_Phone_GivesTheExpectedLevel(string a, string b, string expected) =>
        Assert.Equal(expected, Label(PhoneLevels, a, b));

    [Fact]
    public void Level_OnlyLooserLevelConfigured_AcceptsStricterPairs()
    {
        // A pair whose own level is stricter than any configured one takes the first configured level that is looser.
        var levels = """[ { "comparator": "partialDate.sameYear" } ]""";

        Assert.Equal("partialDate.sameYear", Label(levels, "1990-05-12", "1990-12-05"));
        Assert.Equal("different", Label(levels, "1990-05-12", "1991-05-12"));
    }

    private static readonly (string Levels, string[] Values)[] s_pools =
    [
        (NameLevels, ["Nguyễn Văn An", "NGUYEN VAN AN", "Nguyễn An", "An Nguyễn Văn", "Trần Thị An", "Phạm Minh Quang", "Phạm Minh Quan",
            "Lê Thị Bình", "Lê Bình", "Nguyễn Thị Hương", "", "x"]),
        (DateLevels, ["1990-05-12", "12/05/1990", "1990", "1990-05", "1990-12-05", "1990-05-13", "1990-08-20", "1985-01-01", "", "?"]),
        (CitizenIdLevels, ["001090012345", "001090013245", "001090012346", "001090998877", "079190123456", "123456789", "", "abc"]),
        (PhoneLevels, ["0912345678", "+84 912 345 678", "0912345679", "0362345678", "01662345678", "0987654321", "", "12"]),
    ];

    private static readonly (PairComparer Comparer, MatchPlan Plan)[] s_comparers =
        Array.ConvertAll(s_pools, p => Comparer(p.Levels, p.Values));

    private static Arbitrary<(int Kind, int A, int B)> Pairs() =>
        (from kind in Gen.Choose(0, s_pools.Length - 1)
         from a in Gen.Choose(0, s_pools[kind].Values.Length - 1)
         from b in Gen.Choose(0, s_pools[kind].Values.Length - 1)
         select (kind, a, b)).ToArbitrary();

    private static int LevelOf(int kind, int a, int b)
    {
        var comparer = s_comparers[kind].Comparer;
        return comparer.Level(0, comparer.Left[0][a], comparer.Right[0][b]);
    }

    [FsCheck.Xunit.Property]
    public Property Level_AnyPair_IsSymmetric() =>
        Prop.ForAll(Pairs(), p => LevelOf(p.Kind, p.A, p.B) == LevelOf(p.Kind, p.B, p.A));

    [FsCheck.Xunit.Property]
    public Property Level_AnyPair_IsMissingOrAConfiguredLevelOrDifferent() =>
        Prop.ForAll(Pairs(), p =>
        {
            var level = LevelOf(p.Kind, p.A, p.B);
            return level >= -1 && level < s_comparers[p.Kind].Plan.LevelCount[0];
        });

    [FsCheck.Xunit.Property]
    public Property Level_ReadableValueWithItself_IsTheFirstLevel() =>
        Prop.ForAll(Pairs(), p =>
        {
            var level = LevelOf(p.Kind, p.A, p.A);
            return level == 0 || level == -1;
        });

    [Fact]
    public void Level_ReadableValuesWithThemselves_AreNeverMissing()
    {
        for (var kind = 0; kind < s_pools.Length; kind++)
        {
            // The first value of each pool is well formed.
            Assert.Equal(0, LevelOf(kind, 0, 0));
        }
    }
}
