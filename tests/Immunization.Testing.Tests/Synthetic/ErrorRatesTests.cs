using System.Text;
using Immunization.Testing.Synthetic;

namespace Immunization.Testing.Tests.Synthetic;

public sealed class ErrorRatesTests
{
    [Fact]
    public void FromJson_PartialObject_OthersKeepDefaults()
    {
        var rates = Read("""{ "citizenIdMissing": 0.25, "absentForeigner": 0 }""");

        Assert.Equal(0.25, rates.CitizenIdMissing);
        Assert.Equal(0, rates.AbsentForeigner);
        Assert.Equal(ErrorRates.Default.ToneMarksDropped, rates.ToneMarksDropped);
        Assert.Equal(ErrorRates.Default with { CitizenIdMissing = 0.25, AbsentForeigner = 0 }, rates);
    }

    [Fact]
    public void FromJson_CommentsAndTrailingCommas_Accepted()
    {
        var rates = Read("""
            {
              // a comment
              "sexWrong": 0.5,
            }
            """);

        Assert.Equal(0.5, rates.SexWrong);
    }

    [Fact]
    public void FromJson_UnknownKind_FormatExceptionNamingIt()
    {
        var e = Assert.Throws<FormatException>(() => Read("""{ "toneMarksDroped": 0.1 }"""));

        Assert.Contains("toneMarksDroped", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "sexWrong": 1.5 }""", "sexWrong")]
    [InlineData("""{ "sexWrong": -0.1 }""", "sexWrong")]
    [InlineData("""{ "communeOldScheme": 0.9, "communeWrong": 0.2 }""", "commune")]
    [InlineData("""{ "absentMovedIn": 0.5, "absentBornAbroad": 0.4, "absentForeigner": 0.2 }""", "absence")]
    public void FromJson_UnusableRates_FormatExceptionSaysWhy(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Read(json));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("""{ "sexWrong": "high" }""")]
    [InlineData("{")]
    public void FromJson_NotAnObjectOfNumbers_FormatException(string json)
    {
        Assert.Throws<FormatException>(() => Read(json));
    }

    [Fact]
    public void FromJson_NullRate_RejectedNamingTheKey()
    {
        var e = Assert.Throws<FormatException>(() => Read("""{ "sexWrong": 0.1, "citizenIdMissing": null }"""));

        Assert.Contains("citizenIdMissing", e.Message, StringComparison.Ordinal);
        Assert.Contains("null is not a rate", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 1, position 40", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_RepeatedKey_Rejected()
    {
        var e = Assert.Throws<FormatException>(() => Read("{\n  \"sexWrong\": 0.1,\n  \"sexWrong\": 0.2\n}"));

        Assert.Contains("\"sexWrong\" is given twice", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 3, position 3", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "sexWrong": "high" }""", "sexWrong")]
    [InlineData("""{ "sexWrong": [0.1] }""", "sexWrong")]
    [InlineData("""{ "sexWrong": 2 }""", "sexWrong")]
    [InlineData("""{ "noSuchKind": 0.1 }""", "noSuchKind")]
    [InlineData("[1, 2]", "object")]
    [InlineData("null", "object")]
    [InlineData("{", "line 1")]
    [InlineData("{ \"sexWrong\": 0.1 } 7", "line 1")]
    public void FromJson_BadInput_MessageSaysWhereAndWhyWithoutTypeNames(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Read(json));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("line ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ErrorRates", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteJson_ThenFromJson_RoundTrips()
    {
        var rates = ErrorRates.Default with { PhoneOldForm = 0.33, DuplicateAtSecondSite = 0.07 };
        using var stream = new MemoryStream();

        rates.WriteJson(stream);
        stream.Position = 0;

        Assert.Equal(rates, ErrorRates.FromJson(stream));
    }

    [Fact]
    public void WriteJson_NamesEveryKindInCamelCase()
    {
        using var stream = new MemoryStream();
        ErrorRates.Default.WriteJson(stream);
        var json = Encoding.UTF8.GetString(stream.ToArray());

        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            var name = char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];
            Assert.Contains("\"" + name + "\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SampleFile_HoldsTheDefaults()
    {
        using var stream = File.OpenRead(FindSample());

        Assert.Equal(ErrorRates.Default, ErrorRates.FromJson(stream));
    }

    [Fact]
    public void Rate_EveryKind_MatchesItsProperty()
    {
        // Distinct values per kind, so a switch arm wired to the wrong property shows.
        var json = new StringBuilder("{");
        var kinds = Enum.GetValues<ErrorKind>();
        for (var i = 0; i < kinds.Length; i++)
        {
            var name = char.ToLowerInvariant(kinds[i].ToString()[0]) + kinds[i].ToString()[1..];
            json.Append(i == 0 ? "" : ",").Append('"').Append(name).Append("\":").Append((i + 1) / 1000.0);
        }

        var rates = Read(json.Append('}').ToString());

        for (var i = 0; i < kinds.Length; i++)
        {
            Assert.Equal((i + 1) / 1000.0, rates.Rate(kinds[i]));
        }
    }

    [Fact]
    public void None_AllZeroAndValid()
    {
        Assert.Null(ErrorRates.None.Validate());
        Assert.All(Enum.GetValues<ErrorKind>(), k => Assert.Equal(0, ErrorRates.None.Rate(k)));
        Assert.Null(ErrorRates.Default.Validate());
    }

    private static ErrorRates Read(string json) => ErrorRates.FromJson(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string FindSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "errors.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/errors.json was not found above the test's folder.");
    }
}
