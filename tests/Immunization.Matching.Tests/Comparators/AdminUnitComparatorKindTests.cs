using FsCheck;
using FsCheck.Fluent;
using Immunization.Matching.Configuration;
using Immunization.Matching.Scoring;
using Immunization.Matching.Tables;

namespace Immunization.Matching.Tests.Comparators;

/// <summary>The <c>adminUnit</c> comparator kind, on a field that reads several columns (province, commune, scheme).</summary>
public sealed class AdminUnitComparatorKindTests
{
    private const string Levels = """[ { "comparator": "adminUnit.sameCommune" }, { "comparator": "adminUnit.sameProvince" } ]""";

    private static MatchPlan Plan(string levels) => MatchPlan.Compile(MatchConfiguration.FromJson(
        $$"""
        { "fields": [ { "name": "residence", "columns": [ "p", "c", "s" ], "levels": {{levels}} } ],
          "blocking": [ { "on": [ "residence" ] } ] }
        """));

    /// <summary>The comparer over one left and one right table holding <paramref name="values"/> in the same order.</summary>
    private static (PairComparer Comparer, MatchPlan Plan) Comparer(string levels, IReadOnlyList<(string P, string C, string S)> values)
    {
        var plan = Plan(levels);
        RecordTable Table()
        {
            var table = new RecordTable(["p", "c", "s"]);
            foreach (var (p, c, s) in values)
            {
                var r = table.AddRecord();
                table.Set(r, 0, p);
                table.Set(r, 1, c);
                table.Set(r, 2, s);
            }

            return table;
        }

        var fields = FieldData.Build(plan, [Table(), Table()]);
        return (new PairComparer(plan, fields, 0, 1), plan);
    }

    private static string Label((string, string, string) a, (string, string, string) b)
    {
        var (comparer, plan) = Comparer(Levels, [a, b]);
        var level = comparer.Level(0, comparer.Left[0][0], comparer.Right[0][1]);
        return level < 0 ? "missing" : plan.LevelLabels[plan.LevelOffset[0] + level];
    }

    [Theory]
    // Old 00001 (Phường Phúc Xá) went wholly into new 00097 (Phường Hồng Hà), Hà Nội (01).
    [InlineData("01", "00001", "old", "01", "00097", "new", "adminUnit.sameCommune")]
    [InlineData("01", "00097", "", "01", "00097", "new", "adminUnit.sameCommune")]
    // Old 00007 (Phường Cống Vị) was split between new 00008 and 00025: either part is the same commune.
    [InlineData("01", "00007", "old", "01", "00008", "new", "adminUnit.sameCommune")]
    [InlineData("01", "00007", "old", "01", "00025", "new", "adminUnit.sameCommune")]
    [InlineData("01", "00007", "OLD", "01", "00025", "", "adminUnit.sameCommune")]
    // Same new province (Hà Nội), another commune (00004, Phường Ba Đình).
    [InlineData("01", "00001", "old", "01", "00004", "new", "adminUnit.sameProvince")]
    [InlineData("01", "", "", "01", "00004", "", "adminUnit.sameProvince")]
    // Old province 02 (Hà Giang) is part of new 08 (Tuyên Quang).
    [InlineData("02", "", "old", "08", "00691", "new", "adminUnit.sameProvince")]
    [InlineData("01", "00001", "old", "08", "00691", "new", "different")]
    [InlineData("01", "00001", "old", "99", "99999", "new", "missing")]
    [InlineData("01", "00001", "old", "", "", "", "missing")]
    public void Level_AdminUnit_GivesTheExpectedLevel(string pa, string ca, string sa, string pb, string cb, string sb, string expected) =>
        Assert.Equal(expected, Label((pa, ca, sa), (pb, cb, sb)));

    [Fact]
    public void Level_SameProvinceOnlyValueWithItself_IsSameProvinceNotSameCommune()
    {
        // Both records hold the same value, but it names no commune: they only agree on the province.
        var (comparer, plan) = Comparer(Levels, [("01", "", "")]);

        var level = comparer.Level(0, comparer.Left[0][0], comparer.Right[0][0]);

        Assert.Equal("adminUnit.sameProvince", plan.LevelLabels[plan.LevelOffset[0] + level]);
    }

    private static readonly (string, string, string)[] s_pool =
    [
        ("01", "00001", "old"), ("01", "00097", "new"), ("01", "00007", "old"), ("01", "00008", ""), ("01", "00025", "new"),
        ("01", "00004", "new"), ("01", "", ""), ("02", "", "old"), ("08", "00691", "new"), ("99", "99999", ""), ("", "", ""),
        ("01", "12345", "new"),
    ];

    private static readonly (PairComparer Comparer, MatchPlan Plan) s_comparer = Comparer(Levels, s_pool);

    private static Arbitrary<(int A, int B)> Pairs() =>
        (from a in Gen.Choose(0, s_pool.Length - 1)
         from b in Gen.Choose(0, s_pool.Length - 1)
         select (a, b)).ToArbitrary();

    private static int LevelOf(int a, int b) => s_comparer.Comparer.Level(0, s_comparer.Comparer.Left[0][a], s_comparer.Comparer.Right[0][b]);

    [FsCheck.Xunit.Property]
    public Property Level_AnyPair_IsSymmetric() => Prop.ForAll(Pairs(), p => LevelOf(p.A, p.B) == LevelOf(p.B, p.A));

    [FsCheck.Xunit.Property]
    public Property Level_AnyPair_IsMissingOrAConfiguredLevelOrDifferent() =>
        Prop.ForAll(Pairs(), p => LevelOf(p.A, p.B) >= -1 && LevelOf(p.A, p.B) < s_comparer.Plan.LevelCount[0]);

    [FsCheck.Xunit.Property]
    public Property Level_AnyValueWithItself_IsNeverDifferent() =>
        Prop.ForAll(Pairs(), p => LevelOf(p.A, p.A) is 0 or 1 or -1);

    [Fact]
    public void Level_KnownCommuneWithItself_IsSameCommune()
    {
        Assert.Equal(0, LevelOf(0, 0));
        Assert.Equal(0, LevelOf(2, 2));
        Assert.Equal(-1, LevelOf(9, 9));
    }

    [Fact]
    public void Build_FieldWithColumnsMissingFromAnInput_ThrowsNamingFieldAndColumn()
    {
        var plan = Plan(Levels);
        var left = new RecordTable(["p", "c", "s"]);
        var right = new RecordTable(["p", "commune", "s"]);

        var e = Assert.Throws<ArgumentException>(() => FieldData.Build(plan, [left, right]));

        Assert.Contains("'residence'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'c'", e.Message, StringComparison.Ordinal);
        Assert.Contains("input 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralColumns_InternsEachDistinctCombinationOnce()
    {
        var plan = MatchPlan.Compile(MatchConfiguration.FromJson(
            """{ "fields": [ { "name": "pc", "columns": [ "p", "c" ], "levels": [ { "comparator": "exact" } ] } ], "blocking": [ { "on": [ "pc" ] } ] }"""));
        var table = new RecordTable(["p", "c"]);
        foreach (var (p, c) in new[] { ("01", "a"), ("01", "b"), ("01", "a"), ("02", "a"), ("", ""), ("", "a") })
        {
            var r = table.AddRecord();
            table.Set(r, 0, p);
            table.Set(r, 1, c);
        }

        var field = FieldData.Build(plan, [table])[0];

        var ids = field.Ids[0];
        Assert.Equal(4, field.Values.Length);
        Assert.Equal(ids[0], ids[2]);
        Assert.Equal(4, new[] { ids[0], ids[1], ids[3], ids[5] }.Distinct().Count());
        Assert.Equal(-1, ids[4]);
        Assert.Equal(2, field.Counts[ids[0]]);
        Assert.Equal(5, field.Present[0]);
    }

    [FsCheck.Xunit.Property]
    public Property Build_SeveralColumns_SameIdExactlyWhenAllColumnsAgree()
    {
        var plan = MatchPlan.Compile(MatchConfiguration.FromJson(
            """{ "fields": [ { "name": "v", "columns": [ "x", "y", "z" ], "normalization": "lowerCase", "levels": [ { "comparator": "exact" } ] } ], "blocking": [ { "on": [ "v" ] } ] }"""));
        var cell = Gen.Elements("", "a", "A", " b", "b");
        var row = from x in cell from y in cell from z in cell select new[] { x, y, z };
        return Prop.ForAll(Gen.ArrayOf(row).ToArbitrary(), rows =>
        {
            var table = new RecordTable(["x", "y", "z"]);
            foreach (var cells in rows)
            {
                var r = table.AddRecord();
                for (var c = 0; c < 3; c++)
                {
                    table.Set(r, c, cells[c]);
                }
            }

            var ids = FieldData.Build(plan, [table])[0].Ids[0];
            string Key(string[] cells) => string.Join("|", cells.Select(c => c.Trim().ToLowerInvariant()));
            for (var i = 0; i < rows.Length; i++)
            {
                if ((ids[i] < 0) != rows[i].All(c => c.Trim().Length == 0))
                {
                    return false;
                }

                for (var j = 0; j < rows.Length; j++)
                {
                    if (ids[i] >= 0 && (ids[i] == ids[j]) != (Key(rows[i]) == Key(rows[j])))
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }
}
