using Immunization.Matching.Configuration;
using Immunization.Matching.Comparators;

namespace Immunization.Matching.Tests.Configuration;

public sealed partial class MatchPlanTests
{
    private const string Minimal = """
        {
          "fields": [ { "name": "surname", "levels": [ { "comparator": "exact" }, { "comparator": "jaroWinkler", "threshold": 0.9 } ] } ],
          "blocking": [ { "on": [ "surname:3" ] } ]
        }
        """;

    [Fact]
    public void Compile_MinimalConfiguration_FlattensLevelsWithImplicitDifferentLevel()
    {
        var plan = MatchPlan.Compile(MatchConfiguration.FromJson(Minimal));

        Assert.Equal(["surname"], plan.FieldNames);
        Assert.Equal(3, plan.LevelCount[0]);
        Assert.Equal([LevelKind.Exact, LevelKind.JaroWinkler, LevelKind.Exact], plan.Kinds);
        Assert.Equal("different", plan.LevelLabels[2]);
        Assert.Equal([3], plan.Rules[0].PrefixLengths);
    }

    [Fact]
    public void FromJson_OmittedEstimation_KeepsDefaults()
    {
        var configuration = MatchConfiguration.FromJson("""{ "estimation": { "randomPairs": 5000 } }""");

        Assert.Equal(5000, configuration.Estimation.RandomPairs);
        Assert.Equal(100, configuration.Estimation.MaxIterations);
    }

    [Theory]
    [InlineData("""{ "fields": [], "blocking": [] }""", "'fields' is empty")]
    [InlineData("""{ "fields": [ { "name": "a", "levels": [] } ], "blocking": [ { "on": ["a"] } ] }""", "field 'a' has no 'levels'")]
    [InlineData("""{ "fields": [ { "name": "a", "levels": [ { "comparator": "soundex" } ] } ], "blocking": [ { "on": ["a"] } ] }""",
        "field 'a', level 0 ('soundex'): unknown comparator")]
    [InlineData("""{ "fields": [ { "name": "a", "levels": [ { "comparator": "jaroWinkler" } ] } ], "blocking": [ { "on": ["a"] } ] }""",
        "field 'a', level 0 ('jaroWinkler'): needs a 'threshold' between 0 and 1")]
    [InlineData("""{ "fields": [ { "name": "a", "levels": [ { "comparator": "dayMonthSwapped" } ] } ], "blocking": [ { "on": ["a"] } ] }""",
        "needs \"format\": \"date\"")]
    [InlineData("""{ "fields": [ { "name": "a", "levels": [ { "comparator": "exact" } ] } ], "blocking": [ { "on": ["b"] } ] }""",
        "blocking[0]: key 'b' does not name a field")]
    [InlineData("""{ "fields": [ { "name": "a", "levels": [ { "comparator": "exact" } ] } ], "blocking": [ { "on": ["a:0"] } ] }""",
        "prefix length of at least 1")]
    [InlineData("""{ "fields": [ { "name": "a", "levels": [ { "comparator": "exact" } ] } ], "blocking": [] }""", "'blocking' is empty")]
    [InlineData("""{ "fields": [ { "name": "a", "levels": [ { "comparator": "exact" } ] }, { "name": "a", "levels": [ { "comparator": "exact" } ] } ], "blocking": [ { "on": ["a"] } ] }""",
        "field 'a' is defined twice")]
    [InlineData("""{ "fields": [ { "name": "a", "termFrequency": true, "levels": [ { "comparator": "jaroWinkler", "threshold": 0.9 } ] } ], "blocking": [ { "on": ["a"] } ] }""",
        "termFrequency needs 'exact' as the first level")]
    [InlineData("""{ "fields": [ { "name": "a", "levels": [ { "comparator": "exact", "m": 1.5 } ] } ], "blocking": [ { "on": ["a"] } ] }""",
        "'m' must be a probability")]
    [InlineData("""{ "fields": [ { "name": "a", "levels": [ { "comparator": "exact" } ] } ], "blocking": [ { "on": ["a"] } ], "exclusiveField": "z" }""",
        "exclusiveField 'z' is not one of the fields")]
    [InlineData("""{ "fields": [ { "name": "a", "levels": [ { "comparator": "exact" } ] } ], "blocking": [ { "on": ["a"] } ], "decision": { "matchWeight": 1, "reviewWeight": 2 } }""",
        "reviewWeight must be")]
    [InlineData("""{ "fields": [ { "name": "a", "levels": [ { "comparator": "exact" } ] } ], "blocking": [ { "on": ["a"] } ], "truth": { "column": "id", "pattern": "(" } }""",
        "truth.pattern is not a valid regular expression")]
    public void Compile_InvalidConfiguration_ThrowsNamingTheProblem(string json, string expected)
    {
        var e = Assert.Throws<MatchConfigurationException>(() => MatchPlan.Compile(MatchConfiguration.FromJson(json)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ConfigurationChangedAfterwards_DoesNotChangeThePlan()
    {
        var configuration = MatchConfiguration.FromJson(Minimal);
        var plan = MatchPlan.Compile(configuration);

        configuration.Decision.MatchWeight = 99;
        plan.Configuration.Decision.MatchWeight = 42;

        Assert.Equal(0, plan.Source.Decision.MatchWeight);
        Assert.Equal(0, plan.Configuration.Decision.MatchWeight);
    }

    [Fact]
    public void FromJson_UnknownProperty_ThrowsWithItsName()
    {
        var e = Assert.Throws<MatchConfigurationException>(() => MatchConfiguration.FromJson("""{ "feilds": [] }"""));

        Assert.Contains("feilds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_RoundTrip_CompilesToTheSamePlan()
    {
        var configuration = MatchConfiguration.FromJson(Minimal);

        var again = MatchPlan.Compile(MatchConfiguration.FromJson(configuration.ToJson()));

        Assert.Equal(MatchPlan.Compile(configuration).Kinds, again.Kinds);
        Assert.Equal(MatchPlan.Compile(configuration).Parameters, again.Parameters);
    }

    [Theory]
    [InlineData("""[ { "comparator": "exact" }, { "comparator": "exact" } ]""", "level 1: can never be reached")]
    [InlineData("""[ { "comparator": "jaroWinkler", "threshold": 0.8 }, { "comparator": "jaroWinkler", "threshold": 0.95 } ]""",
        "level 1: can never be reached, because level 0")]
    [InlineData("""[ { "comparator": "damerauLevenshtein", "threshold": 2 }, { "comparator": "damerauLevenshtein", "threshold": 1 } ]""",
        "level 1: can never be reached")]
    [InlineData("""[ { "comparator": "jaroWinkler", "threshold": 0.9 }, { "comparator": "exact" } ]""", "level 1: can never be reached")]
    [InlineData("""[ { "comparator": "exact", "threshold": 0.9 } ]""", "level 0 ('exact'): takes no 'threshold'")]
    public void Compile_SilentMistakeInLevels_ThrowsSayingWhich(string levels, string expected)
    {
        var json = "{ \"fields\": [ { \"name\": \"a\", \"levels\": " + levels + " } ], \"blocking\": [ { \"on\": [\"a\"] } ] }";

        var e = Assert.Throws<MatchConfigurationException>(() => MatchPlan.Compile(MatchConfiguration.FromJson(json)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_StrictToLooseLevels_Accepted()
    {
        var json = """
            { "fields": [ { "name": "a", "levels": [ { "comparator": "exact" }, { "comparator": "jaroWinkler", "threshold": 0.95 },
              { "comparator": "jaroWinkler", "threshold": 0.8 }, { "comparator": "damerauLevenshtein", "threshold": 1 },
              { "comparator": "damerauLevenshtein", "threshold": 2 } ] } ], "blocking": [ { "on": ["a"] } ] }
            """;

        Assert.Equal(6, MatchPlan.Compile(MatchConfiguration.FromJson(json)).LevelCount[0]);
    }

    [Fact]
    public void Compile_TruthPatternWithoutCaptureGroup_Throws()
    {
        var json = """
            { "fields": [ { "name": "a", "levels": [ { "comparator": "exact" } ] } ], "blocking": [ { "on": ["a"] } ],
              "truth": { "column": "id", "pattern": "rec-\\d+-" } }
            """;

        var e = Assert.Throws<MatchConfigurationException>(() => MatchPlan.Compile(MatchConfiguration.FromJson(json)));

        Assert.Contains("truth.pattern has no capture group", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_UnknownKey_NamesKeyAndOneBasedLineWithoutTypeNames()
    {
        var json = "{\n  \"fields\": [\n    { \"name\": \"a\", \"colum\": \"b\" }\n  ]\n}";

        var e = Assert.Throws<MatchConfigurationException>(() => MatchConfiguration.FromJson(json));

        Assert.StartsWith("line 3, at $.fields[0].colum: unknown key 'colum'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Immunization.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_WrongType_SaysSoWithoutTypeNames()
    {
        var json = "{\n  \"estimation\": { \"randomPairs\": \"many\" }\n}";

        var e = Assert.Throws<MatchConfigurationException>(() => MatchConfiguration.FromJson(json));

        Assert.StartsWith("line 2, at $.estimation.randomPairs: the value has the wrong type", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", e.Message, StringComparison.Ordinal);
    }
}
