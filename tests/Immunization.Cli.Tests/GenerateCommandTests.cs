using Immunization.Cli.StandardFiles;
using Immunization.Core.Records;
using Immunization.Core.Records.Files;

namespace Immunization.Cli.Tests;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "immunization-generate-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Generate_WritesThreeFilesThatParseBack()
    {
        var dir = Path.Combine(_root, "a");

        var (exit, output, error) = Run("generate", "--people", "3000", "--seed", "42", "--out", dir);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var register = StandardFilePaths.ReadFile(Path.Combine(dir, "register.csv"), StandardFileReader.ReadRegister).ToList();
        var records = StandardFilePaths.ReadFile(Path.Combine(dir, "records.csv"), StandardFileReader.ReadRecords).ToList();
        var truth = StandardFilePaths.ReadFile(Path.Combine(dir, "truth.csv"), StandardFileReader.ReadTruth).ToList();
        Assert.InRange(register.Count, 2_900, 3_000);
        Assert.InRange(records.Count, 5_000, 10_000);
        Assert.Equal(records.Select(r => r.RecordId), truth.Select(t => t.RecordId));
        Assert.Contains(register.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " people", output, StringComparison.Ordinal);
        Assert.Contains(records.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " records", output, StringComparison.Ordinal);
        Assert.Contains("CitizenIdMissing", output, StringComparison.Ordinal);
        Assert.Contains("AbsentForeigner", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_Truth_EveryPersonIdIsInTheRegister()
    {
        var dir = Path.Combine(_root, "t");
        Assert.Equal(0, Run("generate", "--people", "2000", "--seed", "3", "--out", dir).Exit);

        var people = StandardFilePaths.ReadFile(Path.Combine(dir, "register.csv"), StandardFileReader.ReadRegister)
            .Select(e => e.PersonId).ToHashSet(StringComparer.Ordinal);
        var records = StandardFilePaths.ReadFile(Path.Combine(dir, "records.csv"), StandardFileReader.ReadRecords).ToList();
        var truth = StandardFilePaths.ReadFile(Path.Combine(dir, "truth.csv"), StandardFileReader.ReadTruth).ToList();

        Assert.All(truth.Where(t => t.PersonId is not null), t => Assert.Contains(t.PersonId!, people));
        var absent = truth.Where(t => t.PersonId is null).Select(t => t.RecordId).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(absent);
        Assert.Contains(records, r => absent.Contains(r.RecordId) && r.Person.Nationality != "VN");
    }

    [Fact]
    public void Generate_SameSeed_IdenticalBytes()
    {
        var a = Path.Combine(_root, "same1");
        var b = Path.Combine(_root, "same2");

        Assert.Equal(0, Run("generate", "--people", "1500", "--seed", "77", "--out", a).Exit);
        Assert.Equal(0, Run("generate", "--people", "1500", "--seed", "77", "--out", b).Exit);

        foreach (var file in new[] { "register.csv", "records.csv", "truth.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        }
    }

    [Fact]
    public void Generate_PinnedRun_SameBytesOnEveryMachine()
    {
        // Pinned on the project's machine (2026-12-04, after households and cohort-clustered names were added to the generator). The generator uses its own
        // PRNG, table-driven text changes and invariant formatting, so any machine must write these exact bytes. If the
        // generator is changed on purpose, regenerate (generate --people 300 --seed 2026) and update the hash in the same commit.
        const string expected = "f3968930886ddde207c86bb4bd7b1eb80b40e4472a6502b0384fa4c259d804c4";
        var dir = Path.Combine(_root, "pinned");
        Assert.Equal(0, Run("generate", "--people", "300", "--seed", "2026", "--out", dir).Exit);

        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in new[] { "register.csv", "records.csv", "truth.csv" })
        {
            sha.AppendData(File.ReadAllBytes(Path.Combine(dir, file)));
        }

        Assert.Equal(expected, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    [Fact]
    public void Generate_DifferentSeeds_DifferentFiles()
    {
        var a = Path.Combine(_root, "s1");
        var b = Path.Combine(_root, "s2");

        Assert.Equal(0, Run("generate", "--people", "500", "--seed", "1", "--out", a).Exit);
        Assert.Equal(0, Run("generate", "--people", "500", "--seed", "2", "--out", b).Exit);

        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "register.csv")), File.ReadAllBytes(Path.Combine(b, "register.csv")));
    }

    [Fact]
    public void Generate_Files_Utf8WithoutBomCrlfAndExactHeaders()
    {
        var dir = Path.Combine(_root, "h");
        Assert.Equal(0, Run("generate", "--people", "200", "--seed", "5", "--out", dir).Exit);

        var register = File.ReadAllBytes(Path.Combine(dir, "register.csv"));
        Assert.NotEqual(0xEF, register[0]);
        var text = System.Text.Encoding.UTF8.GetString(register);
        Assert.StartsWith(
            "person_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality\r\n",
            text, StringComparison.Ordinal);
        Assert.StartsWith(
            "record_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality," +
            "vaccine_code,dose_date,dose_number,site_id,priority_group\r\n",
            File.ReadAllText(Path.Combine(dir, "records.csv")), StringComparison.Ordinal);
        Assert.StartsWith("record_id,person_id\r\n", File.ReadAllText(Path.Combine(dir, "truth.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ErrorsFile_RatesApplied()
    {
        var dir = Path.Combine(_root, "e");
        Directory.CreateDirectory(_root);
        var json = Path.Combine(_root, "none.json");
        File.WriteAllText(json, """
            {
              // everything clean except missing identity numbers
              "citizenIdMissing": 1, "citizenIdMistyped": 0, "citizenIdTransposed": 0, "toneMarksDropped": 0, "toneMarksPartlyDropped": 0,
              "dStrokeAsD": 0, "decomposedUnicode": 0, "caseAndSpacing": 0, "syllableMistyped": 0, "nameOrderSwapped": 0,
              "birthDateYearOnly": 0, "birthDateDayMonthSwapped": 0, "birthDateMistyped": 0, "sexWrong": 0, "phoneOldForm": 0,
              "phoneMistyped": 0, "communeOldScheme": 0, "communeWrong": 0, "duplicateAtSecondSite": 0,
              "absentMovedIn": 0, "absentBornAbroad": 0, "absentForeigner": 0,
            }
            """);

        var (exit, _, _) = Run("generate", "--people", "500", "--seed", "9", "--out", dir, "--errors", json);

        Assert.Equal(0, exit);
        var register = StandardFilePaths.ReadFile(Path.Combine(dir, "register.csv"), StandardFileReader.ReadRegister)
            .ToDictionary(e => e.PersonId, e => e.Person, StringComparer.Ordinal);
        var truth = StandardFilePaths.ReadFile(Path.Combine(dir, "truth.csv"), StandardFileReader.ReadTruth)
            .ToDictionary(t => t.RecordId, t => t.PersonId, StringComparer.Ordinal);
        var records = StandardFilePaths.ReadFile(Path.Combine(dir, "records.csv"), StandardFileReader.ReadRecords).ToList();
        Assert.Equal(500, register.Count);
        Assert.NotEmpty(records);
        Assert.All(records, r =>
        {
            var p = register[truth[r.RecordId]!];
            Assert.Equal(new PersonDetails(null, p.FullName, p.DateOfBirth, p.Sex, p.Phone, p.ProvinceCode, p.CommuneCode, p.AdminScheme, p.Address, p.Nationality), r.Person);
        });
    }

    [Fact]
    public void Generate_BadErrorsFile_FailsNamingTheFileAndTheProblem()
    {
        Directory.CreateDirectory(_root);
        var json = Path.Combine(_root, "bad.json");
        File.WriteAllText(json, """{ "citizenIdMissing": 0.1, "noSuchKind": 0.2 }""");

        var (exit, _, error) = Run("generate", "--people", "10", "--out", Path.Combine(_root, "x"), "--errors", json);

        Assert.Equal(2, exit);
        Assert.Contains("bad.json", error, StringComparison.Ordinal);
        Assert.Contains("noSuchKind", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_MissingErrorsFile_Fails()
    {
        var (exit, _, error) = Run("generate", "--people", "10", "--out", Path.Combine(_root, "x"), "--errors", Path.Combine(_root, "nope.json"));

        Assert.Equal(2, exit);
        Assert.Contains("nope.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_NegativePeople_Fails()
    {
        var (exit, _, error) = Run("generate", "--people", "-5", "--out", Path.Combine(_root, "x"));

        Assert.NotEqual(0, exit);
        Assert.Contains("--people", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("1e3")]
    [InlineData("12.5")]
    public void Generate_MalformedPeople_ParseErrorWithoutStackTrace(string value)
    {
        var (exit, output, error) = Run("generate", "--people", value, "--out", Path.Combine(_root, "x"));

        Assert.NotEqual(0, exit);
        Assert.Contains("--people", error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error + output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "x")));
    }

    [Fact]
    public void Generate_PeopleWithoutValue_ParseErrorWithoutStackTrace()
    {
        var (exit, output, error) = Run("generate", "--out", Path.Combine(_root, "x"), "--people");

        Assert.NotEqual(0, exit);
        Assert.Contains("--people", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error + output, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ErrorsPathIsAFolder_SaysItIsAFolder()
    {
        Directory.CreateDirectory(_root);

        var (exit, _, error) = Run("generate", "--people", "10", "--out", Path.Combine(_root, "x"), "--errors", _root);

        Assert.Equal(2, exit);
        Assert.Contains("is a folder", error, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "citizenIdMissing": null }""", "citizenIdMissing")]
    [InlineData("""{ "sexWrong": 0.1, "sexWrong": 0.2 }""", "sexWrong")]
    [InlineData("""{ "sexWrong": "high" }""", "sexWrong")]
    public void Generate_ErrorsFileWithBadValue_NamesTheKeyWithoutTypeNames(string json, string key)
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, "rates.json");
        File.WriteAllText(path, json);

        var (exit, _, error) = Run("generate", "--people", "10", "--out", Path.Combine(_root, "x"), "--errors", path);

        Assert.Equal(2, exit);
        Assert.Contains("rates.json", error, StringComparison.Ordinal);
        Assert.Contains(key, error, StringComparison.Ordinal);
        Assert.Contains("line 1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ErrorRatesDocument", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FileSink_ThirdFileFails_ClosesTheFirstTwo()
    {
        var opened = new List<TrackingStream>();

        Assert.Throws<IOException>(() => new GenerateCommand.FileSink("dir", (_, name) =>
        {
            if (name == "truth.csv")
            {
                throw new IOException("disk full");
            }

            var stream = new TrackingStream();
            opened.Add(stream);
            return stream;
        }));

        Assert.Equal(2, opened.Count);
        Assert.All(opened, s => Assert.True(s.Disposed));
    }

    [Fact]
    public void FileSink_SecondFileFails_ClosesTheFirst()
    {
        var opened = new List<TrackingStream>();

        Assert.Throws<UnauthorizedAccessException>(() => new GenerateCommand.FileSink("dir", (_, name) =>
        {
            if (name == "records.csv")
            {
                throw new UnauthorizedAccessException("read-only");
            }

            var stream = new TrackingStream();
            opened.Add(stream);
            return stream;
        }));

        Assert.True(Assert.Single(opened).Disposed);
    }

    [Fact]
    public void Generate_OutAlreadyHoldsItsFiles_ExitsTwoAndKeepsThem()
    {
        var dir = Path.Combine(_root, "twice");
        Assert.Equal(0, Run("generate", "--people", "50", "--seed", "1", "--out", dir).Exit);
        var before = File.ReadAllBytes(Path.Combine(dir, "register.csv"));

        var (exit, _, error) = Run("generate", "--people", "60", "--seed", "2", "--out", dir);

        Assert.Equal(2, exit);
        Assert.Contains("already holds register.csv, records.csv, truth.csv", error, StringComparison.Ordinal);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(dir, "register.csv")));
    }

    [Fact]
    public void Generate_OutAlreadyHoldsItsFilesWithForce_ReplacesThem()
    {
        var dir = Path.Combine(_root, "forced");
        Assert.Equal(0, Run("generate", "--people", "50", "--seed", "1", "--out", dir).Exit);
        var before = File.ReadAllBytes(Path.Combine(dir, "register.csv"));

        Assert.Equal(0, Run("generate", "--people", "60", "--seed", "2", "--out", dir, "--force").Exit);

        Assert.NotEqual(before, File.ReadAllBytes(Path.Combine(dir, "register.csv")));
    }

    [Fact]
    public void Generate_WithoutOut_Fails()
    {
        var (exit, _, error) = Run("generate", "--people", "5");

        Assert.NotEqual(0, exit);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private sealed class TrackingStream : MemoryStream
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
