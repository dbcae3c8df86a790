using Immunization.Matching.Configuration;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Tests.Configuration;

/// <summary>Compiling and validating the Vietnamese comparator kinds.</summary>
public sealed partial class MatchPlanTests
{
    private static MatchPlan CompileField(string field) =>
        MatchPlan.Compile(MatchConfiguration.FromJson($$"""{ "fields": [ {{field}} ], "blocking": [ { "on": [ "a" ] } ] }"""));

    [Theory]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "vietnameseName.nickname" } ] }""",
        "field 'a', level 0 ('vietnameseName.nickname'): 'vietnameseName' has no level 'nickname'; its levels are exact, middleMissing, anyOrder, similar, givenOnly")]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "vietnameseName.similar" } ] }""",
        "field 'a', level 0 ('vietnameseName.similar'): needs a 'threshold' between 0 and 1")]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "vietnameseName.exact", "threshold": 0.9 } ] }""",
        "field 'a', level 0 ('vietnameseName.exact'): takes no 'threshold'")]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "vietnameseName.similar", "threshold": 0.8 }, { "comparator": "vietnameseName.similar", "threshold": 0.9 } ] }""",
        "field 'a', level 1: can never be reached")]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "partialDate.when" } ] }""",
        "'partialDate' has no level 'when'; its levels are exact, compatible, dayMonthSwapped, oneDigit, sameYear")]
    [InlineData("""{ "name": "a", "format": "date", "levels": [ { "comparator": "partialDate.exact" } ] }""",
        "field 'a', level 0 ('partialDate.exact'): this comparator reads the text itself")]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "partialDate.sameYear" }, { "comparator": "partialDate.oneDigit" } ] }""",
        "field 'a', level 1: can never be reached, because level 0 before it")]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "citizenId.swap" } ] }""",
        "'citizenId' has no level 'swap'; its levels are exact, transposition, substitution, consistent")]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "citizenId.exact" }, { "comparator": "citizenId.consistent" } ] }""",
        "field 'a', level 1 ('citizenId.consistent'): checks the number against the other record's sex and birth year, so the field must read them too: give \"columns\": [\"citizen_id\", \"sex\", \"date_of_birth\"].")]
    [InlineData("""{ "name": "a", "columns": [ "n", "s" ], "levels": [ { "comparator": "citizenId.consistent" } ] }""",
        "field 'a': citizenId reads the identity number alone, or with the record's sex and date of birth (for 'citizenId.consistent')")]
    [InlineData("""{ "name": "a", "columns": [ "n", "s", "d", "e" ], "levels": [ { "comparator": "citizenId.exact" } ] }""",
        "field 'a': citizenId reads the identity number alone, or with the record's sex and date of birth (for 'citizenId.consistent')")]
    [InlineData("""{ "name": "a", "columns": [ "n", "s", "d" ], "levels": [ { "comparator": "citizenId.consistent" }, { "comparator": "citizenId.substitution" } ] }""",
        "field 'a', level 1: can never be reached, because level 0 before it")]
    [InlineData("""{ "name": "a", "columns": [ "n", "s", "d" ], "levels": [ { "comparator": "exact" }, { "comparator": "citizenId.consistent" } ] }""",
        "field 'a' reads the identity number with the sex and date of birth: a plain 'exact' level")]
    [InlineData("""{ "name": "a", "columns": [ "n", "s", "d" ], "normalization": "alphanumeric", "levels": [ { "comparator": "citizenId.consistent" } ] }""",
        "field 'a': normalization 'alphanumeric' would also strip the date of birth")]
    [InlineData("""{ "name": "a", "columns": [ "n", "s", "d" ], "levels": [ { "comparator": "citizenId.consistent", "threshold": 1 } ] }""",
        "field 'a', level 0 ('citizenId.consistent'): takes no 'threshold'")]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "citizenId.exact" }, { "comparator": "phone.oneDigit" } ] }""",
        "field 'a', level 1 ('phone.oneDigit'): a field uses at most one Vietnamese comparator, and an earlier level uses 'citizenId'")]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "phone.twoDigits" } ] }""",
        "'phone' has no level 'twoDigits'; its levels are exact, oneDigit")]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "phone.oneDigit" }, { "comparator": "exact" } ] }""",
        "field 'a', level 1: can never be reached")]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "soundex.exact" } ] }""",
        "field 'a', level 0 ('soundex.exact'): unknown comparator 'soundex'")]
    public void Compile_InvalidVietnameseLevel_ThrowsNamingFieldLevelAndReason(string field, string expected)
    {
        var e = Assert.Throws<MatchConfigurationException>(() => CompileField(field));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_VietnameseName_FlattensLevelsWithTheirOwnLevelCodes()
    {
        var plan = CompileField("""
            { "name": "a", "termFrequency": true, "levels": [ { "comparator": "exact" }, { "comparator": "vietnameseName.anyOrder" },
              { "comparator": "vietnameseName.similar", "threshold": 0.85 }, { "comparator": "vietnameseName.givenOnly" } ] }
            """);

        Assert.Equal(LevelKind.VietnameseName, plan.Families[0]);
        Assert.Equal([LevelKind.Exact, LevelKind.VietnameseName, LevelKind.VietnameseName, LevelKind.VietnameseName, LevelKind.Exact], plan.Kinds);
        Assert.Equal([0, IdentityLevels.NameSwapped, IdentityLevels.NameSimilar, IdentityLevels.NameGivenOnly, 0], plan.Codes);
        Assert.Equal(0.85, plan.Parameters[2]);
        Assert.Equal("vietnameseName.similar>=0.85", plan.LevelLabels[2]);
    }

    [Theory]
    [InlineData("partialDate", 5)]
    [InlineData("citizenId", 3)]
    [InlineData("phone", 2)]
    public void Compile_EveryLevelOfAKind_IsAccepted(string kind, int levels)
    {
        var names = new Dictionary<string, string[]>
        {
            ["partialDate"] = ["exact", "compatible", "dayMonthSwapped", "oneDigit", "sameYear"],
            ["citizenId"] = ["exact", "transposition", "substitution"],
            ["phone"] = ["exact", "oneDigit"],
        }[kind];
        var json = string.Join(", ", names.Select(n => $$"""{ "comparator": "{{kind}}.{{n}}" }"""));

        var plan = CompileField($$"""{ "name": "a", "levels": [ {{json}} ] }""");

        Assert.Equal(levels + 1, plan.LevelCount[0]);
        Assert.Equal(Enumerable.Range(0, levels).Append(0), plan.Codes);
    }

    [Fact]
    public void Compile_CitizenIdOnThreeColumns_FlattensLevelsWithConsistentBeforeDifferent()
    {
        var plan = CompileField("""
            { "name": "a", "columns": [ "citizen_id", "sex", "date_of_birth" ],
              "levels": [ { "comparator": "citizenId.exact" }, { "comparator": "citizenId.substitution" }, { "comparator": "citizenId.consistent" } ] }
            """);

        Assert.Equal(LevelKind.CitizenId, plan.Families[0]);
        Assert.Equal(["citizen_id", "sex", "date_of_birth"], plan.ColumnSets[0]);
        Assert.Equal([IdentityLevels.CitizenIdExact, IdentityLevels.CitizenIdSubstitution, IdentityLevels.CitizenIdConsistent, 0], plan.Codes);
        Assert.Equal(["citizenId.exact", "citizenId.substitution", "citizenId.consistent", "different"], plan.LevelLabels);
    }

    [Fact]
    public void Compile_CitizenIdOnThreeColumnsWithoutConsistent_IsAccepted()
    {
        var plan = CompileField("""{ "name": "a", "columns": [ "n", "s", "d" ], "levels": [ { "comparator": "citizenId.exact" }, { "comparator": "citizenId.substitution" } ] }""");

        Assert.Equal(3, plan.LevelCount[0]);
        Assert.True(plan.KeyedOnFirstColumn(0));
    }
}
