using Immunization.Matching.Configuration;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Tests.Configuration;

/// <summary>Compiling and validating fields that read several columns, and the adminUnit comparator.</summary>
public sealed partial class MatchPlanTests
{
    [Theory]
    [InlineData("""{ "name": "a", "column": "x", "columns": [ "p", "c" ], "levels": [ { "comparator": "exact" } ] }""",
        "field 'a' has both 'column' and 'columns'; give one of them.")]
    [InlineData("""{ "name": "a", "columns": [], "levels": [ { "comparator": "exact" } ] }""",
        "field 'a': 'columns' is empty")]
    [InlineData("""{ "name": "a", "columns": [ "p", " " ], "levels": [ { "comparator": "exact" } ] }""",
        "field 'a': columns[1] is empty.")]
    [InlineData("""{ "name": "a", "columns": [ "p", "p" ], "levels": [ { "comparator": "exact" } ] }""",
        "field 'a': column 'p' is listed twice in 'columns'.")]
    [InlineData("""{ "name": "a", "levels": [ { "comparator": "adminUnit.sameCommune" } ] }""",
        "field 'a': adminUnit reads the province code, the commune code and optionally the scheme")]
    [InlineData("""{ "name": "a", "columns": [ "p", "c", "s", "t" ], "levels": [ { "comparator": "adminUnit.sameCommune" } ] }""",
        "field 'a': adminUnit reads the province code, the commune code and optionally the scheme")]
    [InlineData("""{ "name": "a", "columns": [ "p", "c" ], "levels": [ { "comparator": "jaroWinkler", "threshold": 0.9 } ] }""",
        "field 'a' reads several columns: only adminUnit and citizenId levels and 'exact' compare such a value.")]
    [InlineData("""{ "name": "a", "columns": [ "p", "c" ], "levels": [ { "comparator": "phone.exact" } ] }""",
        "field 'a' reads several columns: only adminUnit and citizenId levels and 'exact' compare such a value.")]
    [InlineData("""{ "name": "a", "columns": [ "p", "c" ], "levels": [ { "comparator": "adminUnit.sameDistrict" } ] }""",
        "'adminUnit' has no level 'sameDistrict'; its levels are sameCommune, sameProvince")]
    [InlineData("""{ "name": "a", "columns": [ "p", "c" ], "levels": [ { "comparator": "adminUnit.sameProvince" }, { "comparator": "adminUnit.sameCommune" } ] }""",
        "field 'a', level 1: can never be reached")]
    [InlineData("""{ "name": "a", "columns": [ "p", "c" ], "levels": [ { "comparator": "adminUnit.sameCommune", "threshold": 1 } ] }""",
        "field 'a', level 0 ('adminUnit.sameCommune'): takes no 'threshold'")]
    public void Compile_InvalidColumnsOrAdminUnit_ThrowsNamingFieldAndReason(string field, string expected)
    {
        var e = Assert.Throws<MatchConfigurationException>(() => CompileField(field));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_AdminUnitOnColumns_FlattensLevelsWithTheResidenceLevelCodes()
    {
        var plan = CompileField("""
            { "name": "a", "columns": [ "province_code", "commune_code", "admin_scheme" ],
              "levels": [ { "comparator": "exact" }, { "comparator": "adminUnit.sameCommune" }, { "comparator": "adminUnit.sameProvince" } ] }
            """);

        Assert.Equal(LevelKind.AdminUnit, plan.Families[0]);
        Assert.Equal(["province_code", "commune_code", "admin_scheme"], plan.ColumnSets[0]);
        Assert.Equal([0, IdentityLevels.ResidenceSameCommune, IdentityLevels.ResidenceSameProvince, 0], plan.Codes);
    }

    [Fact]
    public void Compile_SingleColumn_ReadsItOrTheName()
    {
        Assert.Equal(["x"], CompileField("""{ "name": "a", "column": "x", "levels": [ { "comparator": "exact" } ] }""").ColumnSets[0]);
        Assert.Equal(["a"], CompileField("""{ "name": "a", "levels": [ { "comparator": "exact" } ] }""").ColumnSets[0]);
    }

    [Fact]
    public void Configuration_Columns_SurviveAJsonRoundTripAndTheCopy()
    {
        var plan = CompileField("""{ "name": "a", "columns": [ "p", "c" ], "levels": [ { "comparator": "exact" } ] }""");

        var copy = MatchConfiguration.FromJson(plan.Configuration.ToJson());

        Assert.Equal(["p", "c"], copy.Fields[0].Columns);
    }
}
