using FsCheck;
using FsCheck.Fluent;
using Immunization.Matching.Blocking;
using Immunization.Matching.Configuration;
using Immunization.Matching.Scoring;
using Immunization.Matching.Tables;

namespace Immunization.Matching.Tests.Blocking;

public sealed class BlockerTests
{
    private static readonly MatchPlan s_plan = MatchPlan.Compile(MatchConfiguration.FromJson("""
        {
          "fields": [
            { "name": "a", "levels": [ { "comparator": "exact" } ] },
            { "name": "b", "levels": [ { "comparator": "exact" } ] }
          ],
          "blocking": [ { "on": [ "a" ] }, { "on": [ "b:1" ] }, { "on": [ "a", "b" ] } ]
        }
        """));

    private static readonly Gen<string[]> s_row =
        Gen.ArrayOf(Gen.Elements("", "x", "xy", "xz", "y", "yy"), 2);

    [FsCheck.Xunit.Property]
    public Property DedupePairs_AnyTable_AreTheUnionOfTheRulesWithoutRepeats() =>
        Prop.ForAll(Gen.ListOf(s_row).ToArbitrary(), rows =>
        {
            var table = Table(rows);
            var fields = FieldData.Build(s_plan, [table]);
            var keys = Blocker.Keys(s_plan, fields, 1);
            var pairs = Blocker.DedupePairs(keys, long.MaxValue);
            var produced = Enumerable.Range(0, pairs.Count).Select(p => (pairs.LeftIndexes[p], pairs.RightIndexes[p])).ToList();
            var expected = new HashSet<(int, int)>();
            for (var i = 0; i < rows.Count; i++)
            {
                for (var j = i + 1; j < rows.Count; j++)
                {
                    if (SharesKey(rows[i], rows[j]))
                    {
                        expected.Add((i, j));
                    }
                }
            }

            return produced.Count == produced.Distinct().Count() && produced.ToHashSet().SetEquals(expected);
        });

    [FsCheck.Xunit.Property]
    public Property LinkPairs_AnyTables_AreTheUnionOfTheRulesWithoutRepeats() =>
        Prop.ForAll(Gen.ListOf(s_row).ToArbitrary(), Gen.ListOf(s_row).ToArbitrary(), (leftRows, rightRows) =>
        {
            var fields = FieldData.Build(s_plan, [Table(leftRows), Table(rightRows)]);
            var keys = Blocker.Keys(s_plan, fields, 2);
            var pairs = Blocker.LinkPairs(keys, leftRows.Count, rightRows.Count, long.MaxValue);
            var produced = Enumerable.Range(0, pairs.Count).Select(p => (pairs.LeftIndexes[p], pairs.RightIndexes[p])).ToList();
            var expected = new HashSet<(int, int)>();
            for (var i = 0; i < leftRows.Count; i++)
            {
                for (var j = 0; j < rightRows.Count; j++)
                {
                    if (SharesKey(leftRows[i], rightRows[j]))
                    {
                        expected.Add((i, j));
                    }
                }
            }

            return produced.Count == produced.Distinct().Count() && produced.ToHashSet().SetEquals(expected);
        });

    private static readonly MatchPlan s_threeFieldPlan = MatchPlan.Compile(MatchConfiguration.FromJson("""
        {
          "fields": [
            { "name": "a", "levels": [ { "comparator": "exact" } ] },
            { "name": "b", "levels": [ { "comparator": "exact" } ] },
            { "name": "c", "levels": [ { "comparator": "exact" } ] }
          ],
          "blocking": [ { "on": [ "a", "b", "c" ] } ]
        }
        """));

    // Few values per column, so that the ids of the rule's two steps (a with b, then that with c) take the same small numbers.
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Keys_ThreeFieldRule_SameKeyExactlyWhenAllThreeValuesAgree() =>
        Prop.ForAll(Gen.ListOf(Gen.ArrayOf(Gen.Elements("", "0", "1", "2", "3"), 3)).ToArbitrary(), rows =>
        {
            var table = new RecordTable(["a", "b", "c"]);
            foreach (var row in rows)
            {
                var r = table.AddRecord();
                for (var c = 0; c < 3; c++)
                {
                    table.Set(r, c, row[c]);
                }
            }

            var keys = Blocker.Keys(s_threeFieldPlan, FieldData.Build(s_threeFieldPlan, [table]), 1)[0][0];
            for (var i = 0; i < rows.Count; i++)
            {
                var complete = Array.TrueForAll(rows[i], v => v.Length > 0);
                if (complete != keys[i] >= 0)
                {
                    return false;
                }

                for (var j = 0; j < rows.Count; j++)
                {
                    if (complete && (keys[i] == keys[j]) != rows[i].AsSpan().SequenceEqual(rows[j]))
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [Fact]
    public void Keys_CitizenIdFieldWithSexAndBirthDate_BlocksOnTheNumberAlone()
    {
        var plan = MatchPlan.Compile(MatchConfiguration.FromJson("""
            {
              "fields": [ { "name": "id", "columns": [ "n", "s", "d" ],
                            "levels": [ { "comparator": "citizenId.exact" }, { "comparator": "citizenId.consistent" } ] } ],
              "blocking": [ { "on": [ "id" ] } ]
            }
            """));
        var table = new RecordTable(["n", "s", "d"]);
        foreach (var (n, sex, d) in new[] { ("001090012345", "M", "1990-05-12"), ("001090012345", "F", "12/05/1990"), ("", "M", "1990-05-12"),
            ("", "M", "1990-05-12"), ("025678912", "M", "1990") })
        {
            var r = table.AddRecord();
            table.Set(r, 0, n);
            table.Set(r, 1, sex);
            table.Set(r, 2, d);
        }

        var fields = FieldData.Build(plan, [table]);
        var keys = Blocker.Keys(plan, fields, 1)[0][0];

        // Same number, other sex and date writing: one block. No number: no value and no block, whatever sex and date say.
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal([-1, -1], fields[0].Ids[0][2..4]);
        Assert.Equal([-1, -1], keys[2..4]);
        Assert.NotEqual(keys[0], keys[4]);
    }

    [Fact]
    public void DedupePairs_MoreThanTheLimit_ThrowsSayingWhatToDo()
    {
        var rows = Enumerable.Range(0, 50).Select(_ => new[] { "x", "y" }).ToList();
        var fields = FieldData.Build(s_plan, [Table(rows)]);
        var keys = Blocker.Keys(s_plan, fields, 1);

        var e = Assert.Throws<InvalidOperationException>(() => Blocker.DedupePairs(keys, 100));

        Assert.Contains("maxCandidatePairs", e.Message, StringComparison.Ordinal);
    }

    private static bool SharesKey(string[] x, string[] y) =>
        (x[0].Length > 0 && x[0] == y[0])
        || (x[1].Length > 0 && y[1].Length > 0 && x[1][0] == y[1][0])
        || (x[0].Length > 0 && x[1].Length > 0 && x[0] == y[0] && x[1] == y[1]);

    private static RecordTable Table(IEnumerable<string[]> rows)
    {
        var table = new RecordTable(["a", "b"]);
        foreach (var row in rows)
        {
            var r = table.AddRecord();
            table.Set(r, 0, row[0]);
            table.Set(r, 1, row[1]);
        }

        return table;
    }
}
