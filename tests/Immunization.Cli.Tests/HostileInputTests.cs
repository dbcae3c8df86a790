using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Immunization.Cli;

namespace Immunization.Cli.Tests;

/// <summary>
/// A corpus of malformed and hostile input files, made in the test from a fixed seed (nothing large is committed), run
/// against every command that reads files. Each run ends in success with every row accounted for, or in exit code 2 with
/// a message naming the file and the row or column; never a stack trace, and never one of the fake personal values
/// planted in the files (the canaries).
/// </summary>
public sealed partial class HostileInputTests : IDisposable
{
    // Fake personal values, planted in every file: no byte of them may come back on standard output or error.
    private const string CanaryName = "Zqxcanary Vuonghostile";
    private const string CanaryId = "098712345670";
    private const string CanaryPhone = "0987111222";
    private const string CanaryDob = "1961-02-03";
    private const int Seed = 15;

    private const string IdentityHeader = "citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality";
    private const string CdsiHeader =
        "CDC_Test_ID,Test_Case_Name,DOB,gender,Med_History_Text,Med_History_Code,Med_History_Code_Sys,Series_Status,"
        + "Date_Administered_1,Vaccine_Name_1,CVX_1,MVX_1,Evaluation_Status_1,Evaluation_Reason_1,"
        + "Forecast_#,Earliest_Date,Recommended_Date,Past_Due_Date,Vaccine_Group,Assessment_Date";

    private static readonly string[] s_families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
    private static readonly string[] s_given = ["Minh Anh", "Văn Khải", "Thị Lan", "Hoàng Nam", "Bích Tuyền", "Quốc Bảo"];

    private readonly string _dir = Directory.CreateTempSubdirectory("hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The kinds of damage done to a valid file.</summary>
    public static TheoryData<string> Mutations() =>
    [
        "none", "no-header", "duplicate-column", "header-twice", "short-row", "long-row", "blank-lines", "trailing-blank-line",
        "unclosed-quote", "stray-quote", "million-char-field", "nul-and-control", "utf16-bom", "utf16-no-bom", "dates-out-of-range",
        "other-scripts", "crlf", "empty",
    ];

    [Theory]
    [MemberData(nameof(Mutations))]
    public void LinkRegister_DamagedRegister_SucceedsCountingEveryRowOrExitsTwoNamingTheRow(string mutation)
    {
        var register = WriteMutated("register.csv", Register(), mutation);
        var records = WriteMutated("records.csv", Records(), "none");

        var run = Run("link", "--register", register.Path, "--records", records.Path, "--out", Path.Combine(_dir, "out"));

        AssertAccountedOrRefused(run, register, @"link: (\d+) people", register.DataRows);
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void LinkRegister_DamagedRecords_SucceedsCountingEveryRowOrExitsTwoNamingTheRow(string mutation)
    {
        var register = WriteMutated("register.csv", Register(), "none");
        var records = WriteMutated("records.csv", Records(), mutation);

        var run = Run("link", "--register", register.Path, "--records", records.Path, "--out", Path.Combine(_dir, "out"));

        AssertAccountedOrRefused(run, records, @"people, (\d+) records", records.DataRows);
        if (run.Code == 0)
        {
            Assert.Equal(records.DataRows, File.ReadAllLines(Path.Combine(_dir, "out", "links.csv")).Length - 1);
        }
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void LinkRegister_DamagedTruth_SucceedsOrExitsTwoNamingTheRow(string mutation)
    {
        var register = WriteMutated("register.csv", Register(), "none");
        var records = WriteMutated("records.csv", Records(), "none");
        var truth = WriteMutated("truth.csv", Truth(), mutation);

        var run = Run("link", "--register", register.Path, "--records", records.Path, "--out", Path.Combine(_dir, "out"), "--truth", truth.Path);

        AssertAccountedOrRefused(run, truth, null, 0);
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Dedupe_DamagedInput_SucceedsCountingEveryRowOrExitsTwoNamingTheRow(string mutation)
    {
        var input = WriteMutated("people.csv", Generic(), mutation);

        var run = Run("dedupe", "--config", Config(), "--input", input.Path, "--out", Path.Combine(_dir, "out"));

        AssertAccountedOrRefused(run, input, @"dedupe: (\d+) records", input.DataRows);
        if (run.Code == 0)
        {
            Assert.Equal(input.DataRows, File.ReadAllLines(Path.Combine(_dir, "out", "clusters.csv")).Length - 1);
        }
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void LinkConfig_DamagedLeftFile_SucceedsCountingEveryRowOrExitsTwoNamingTheRow(string mutation)
    {
        var left = WriteMutated("left.csv", Generic(), mutation);
        var right = WriteMutated("right.csv", Generic(), "none");

        var run = Run("link", "--config", Config(), "--left", left.Path, "--right", right.Path, "--out", Path.Combine(_dir, "out"));

        AssertAccountedOrRefused(run, left, @"link: (\d+) x", left.DataRows);
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Cdsi_DamagedCases_AnswersEveryCaseOrExitsTwoNamingTheRow(string mutation)
    {
        var cases = WriteMutated("cases.csv", Cases(), mutation);

        var run = Run("cdsi", "--cases", cases.Path);

        if (run.Code == 1)
        {
            // Some cases failed their expectations: a result, with every case counted.
            Assert.False(cases.MustFail, $"{mutation}: expected a refusal, got: {run.Output}");
            Assert.Matches(@"CDSi: \d+/" + cases.DataRows.ToString(CultureInfo.InvariantCulture) + " test cases passed", run.Output);
            AssertClean(run);
            return;
        }

        AssertAccountedOrRefused(run, cases, @"/(\d+) test cases passed", cases.DataRows);
    }

    [Theory]
    [InlineData("register")]
    [InlineData("records")]
    [InlineData("dedupe")]
    [InlineData("cdsi")]
    public void Commands_RowPastTheReadersBuffer_ExitTwoNamingTheRow(string target)
    {
        // 17 Mi characters in one quoted field: past Sep's 16 MiB row limit.
        var huge = "\"" + new string('x', 17 * 1024 * 1024) + "\"";
        var (header, rows) = target switch
        {
            "register" => Register(),
            "records" => Records(),
            "dedupe" => Generic(),
            _ => Cases(),
        };
        var fields = rows[1].Split(',');
        fields[2] = huge;
        rows[1] = string.Join(',', fields);
        var file = WriteMutated(target + ".csv", (header, rows), "none");
        var other = target == "records" ? WriteMutated("register.csv", Register(), "none") : WriteMutated("records.csv", Records(), "none");

        var run = target switch
        {
            "register" => Run("link", "--register", file.Path, "--records", other.Path, "--out", Path.Combine(_dir, "out")),
            "records" => Run("link", "--register", other.Path, "--records", file.Path, "--out", Path.Combine(_dir, "out")),
            "dedupe" => Run("dedupe", "--config", Config(), "--input", file.Path, "--out", Path.Combine(_dir, "out")),
            _ => Run("cdsi", "--cases", file.Path),
        };

        Assert.Equal(2, run.Code);
        Assert.Contains(Path.GetFileName(file.Path) + ", row 3", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Length < 1000, "the error repeats the long value");
        AssertClean(run);
    }

    [Theory]
    [InlineData("0001-01-01", "2025-11-10")]
    [InlineData("2026-01-01", "2025-11-10")]
    [InlineData("9999-12-31", "2025-11-10")]
    public void Cdsi_BirthAfterAssessmentOrOutOfRange_ExitsTwoWithoutShowingTheDate(string dob, string assessment)
    {
        var path = Path.Combine(_dir, "dob.csv");
        File.WriteAllLines(path,
        [
            CdsiHeader,
            $"T-1,x,{dob},F,,,,Not complete,,,,,,,1,2025-12-22,2026-01-10,2026-03-09,DTAP,{assessment}",
        ]);

        var run = Run("cdsi", "--cases", path);

        Assert.Equal(2, run.Code);
        Assert.Contains("dob.csv, row 2, column DOB", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(dob, run.Error + run.Output, StringComparison.Ordinal);
        AssertClean(run);
    }

    [Fact]
    public void Cdsi_LongBadValue_IsShownCutShort()
    {
        var path = Path.Combine(_dir, "long.csv");
        File.WriteAllLines(path,
        [
            CdsiHeader,
            $"T-1,x,2025-11-10,F,,,,{new string('Q', 1_000_000)},,,,,,,1,2025-12-22,2026-01-10,2026-03-09,DTAP,2025-11-10",
        ]);

        var run = Run("cdsi", "--cases", path);

        Assert.Equal(2, run.Code);
        Assert.Contains("long.csv, row 2, column Series_Status", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Length < 1000, "the error repeats the long value");
    }

    [Theory]
    [InlineData(65, false)]
    [InlineData(200_000, false)]
    [InlineData(7, true)]
    public void Cdsi_NestedSupportingData_RefusesPastTheDepthLimitQuickly(int depth, bool wellNested)
    {
        var data = Directory.CreateDirectory(Path.Combine(_dir, "data")).FullName;
        var nested = new StringBuilder("<antigenSupportingData>");
        for (var i = 1; i < depth; i++)
        {
            nested.Append("<a>");
        }

        for (var i = 1; i < depth; i++)
        {
            nested.Append("</a>");
        }

        nested.Append("</antigenSupportingData>");
        File.WriteAllText(Path.Combine(data, "ScheduleSupportingData.xml"), "<scheduleSupportingData/>");
        File.WriteAllText(Path.Combine(data, "AntigenSupportingData- X.xml"), nested.ToString());
        var cases = WriteMutated("cases.csv", Cases(), "none");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = Run("cdsi", "--cases", cases.Path, "--data", data);

        Assert.Equal(2, run.Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        if (wellNested)
        {
            // Shallow files get past the depth check to the content checks.
            Assert.DoesNotContain("nests elements deeper", run.Error, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("AntigenSupportingData- X.xml' nests elements deeper than 64 levels", run.Error, StringComparison.Ordinal);
        }

        AssertClean(run);
    }

    [Fact]
    public void Generate_ErrorsFileWithByteOrderMark_IsRead()
    {
        var path = Path.Combine(_dir, "rates.json");
        File.WriteAllText(path, """{ "citizenIdMissing": 0.1 }""", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);

        var run = Run("generate", "--people", "10", "--out", Path.Combine(_dir, "gen"), "--errors", path);

        Assert.Equal(0, run.Code);
        Assert.Matches(@"CitizenIdMissing\s+[\d,]+\s+[\d,]+\s+[\d.]+\s+0\.1000", run.Output);
    }

    [Theory]
    [InlineData("key")]
    [InlineData("value")]
    [InlineData("deep")]
    [InlineData("utf16")]
    public void Generate_HostileErrorsFile_ExitsTwoWithAShortMessage(string kind)
    {
        var path = Path.Combine(_dir, "rates.json");
        var longText = new string('k', 1_000_000);
        switch (kind)
        {
            case "key":
                File.WriteAllText(path, "{ \"" + longText + "\": 0.1 }");
                break;
            case "value":
                File.WriteAllText(path, "{ \"citizenIdMissing\": 1" + new string('0', 1_000_000) + " }");
                break;
            case "deep":
                File.WriteAllText(path, "{ \"citizenIdMissing\": " + new string('[', 100_000) + new string(']', 100_000) + " }");
                break;
            default:
                File.WriteAllText(path, """{ "citizenIdMissing": 0.1 }""", Encoding.Unicode);
                break;
        }

        var run = Run("generate", "--people", "10", "--out", Path.Combine(_dir, "gen"), "--errors", path);

        Assert.Equal(2, run.Code);
        Assert.Contains("rates.json", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Length < 2000, $"the error is {run.Error.Length} characters long");
        AssertClean(run);
    }

    [Fact]
    public void Units_LongInValue_ExitsTwoWithAShortMessage()
    {
        var run = Run("units", "Ba Đình", "--in", new string('x', 1_000_000) + "\0");

        Assert.Equal(2, run.Code);
        Assert.True(run.Error.Length < 1000, $"the error is {run.Error.Length} characters long");
        AssertClean(run);
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void EvaluateAndReport_DamagedRecords_NeverShowACanaryOrAStackTrace(string mutation)
    {
        // The canary check of the other commands, for evaluate and report (their row accounting is tested with them).
        var (register, records, links) = WriteReportInputs(mutation);

        var evaluate = Run("evaluate", "--records", records.Path, "--as-of", "2022-12-31", "--out", System.IO.Path.Combine(_dir, "eval"));
        var report = Run("report", "--register", register.Path, "--records", records.Path, "--links", links, "--as-of", "2022-06-30",
            "--out", System.IO.Path.Combine(_dir, "report"));

        foreach (var run in new[] { evaluate, report })
        {
            AssertClean(run);
            Assert.True(run.Code is 0 or 2, $"{mutation}: exit {run.Code}: {run.Error}");
        }
    }

    /// <summary>The kinds of hostile JSON given as a configuration.</summary>
    public static TheoryData<string> HostileJson() =>
    [
        "deep-nesting", "huge-string-key", "huge-string-value", "wrong-type", "null-fields", "duplicate-key", "trailing-garbage",
        "utf16-bom", "utf16-no-bom", "not-json", "empty", "json-null", "nul-byte",
    ];

    [Theory]
    [MemberData(nameof(HostileJson))]
    public void LinkAndDedupe_HostileConfig_ExitTwoNamingTheFile(string kind)
    {
        var config = WriteHostileJson(kind);
        var input = WriteMutated("people.csv", Generic(), "none");
        var right = System.IO.Path.Combine(_dir, "right.csv");
        File.Copy(input.Path, right);

        foreach (var run in new[]
        {
            Run("link", "--config", config, "--left", input.Path, "--right", right, "--out", System.IO.Path.Combine(_dir, "out")),
            Run("dedupe", "--config", config, "--input", input.Path, "--out", System.IO.Path.Combine(_dir, "out")),
        })
        {
            AssertClean(run);
            Assert.True(run.Code == 2, $"{kind}: exit {run.Code}: {run.Error}{run.Output}");
            Assert.Contains("hostile.json", run.Error, StringComparison.Ordinal);
            Assert.True(run.Error.Length < 1_000, $"{kind}: a message of {run.Error.Length} characters");
            if (kind is "deep-nesting" or "duplicate-key" or "trailing-garbage" or "wrong-type")
            {
                Assert.Matches(@"line \d+", run.Error);
            }
        }
    }

    [Theory]
    [InlineData("deep-nesting")]
    [InlineData("huge-string-key")]
    [InlineData("trailing-garbage")]
    [InlineData("utf16-bom")]
    [InlineData("utf16-no-bom")]
    [InlineData("not-json")]
    [InlineData("empty")]
    [InlineData("json-null")]
    [InlineData("nul-byte")]
    public void Report_HostileDhis2Mapping_ExitTwoNamingTheFile(string kind)
    {
        var mapping = WriteHostileJson(kind);
        var (register, records, links) = WriteReportInputs("none");

        var run = Run("report", "--register", register.Path, "--records", records.Path, "--links", links, "--as-of", "2022-06-30",
            "--out", System.IO.Path.Combine(_dir, "report"), "--dhis2-mapping", mapping);

        AssertClean(run);
        Assert.True(run.Code == 2, $"{kind}: exit {run.Code}: {run.Error}{run.Output}");
        Assert.Contains("hostile.json", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Length < 1_000, $"{kind}: a message of {run.Error.Length} characters");
    }

    [Theory]
    [InlineData("{ \"dataSet\": 5", "line 2, at $.dataSet: not valid JSON: the file ends inside an object or array (cut short?)")]
    [InlineData("{ \"dataSet\": 5 }", "not a DHIS2 mapping: at $.dataSet: a value of the wrong type")]
    public void Report_Dhis2MappingCutShortOrOfTheWrongType_SaysSoAtItsPath(string json, string expected)
    {
        var mapping = System.IO.Path.Combine(_dir, "mapping.json");
        File.WriteAllText(mapping, json + "\n");
        var (register, records, links) = WriteReportInputs("none");

        var run = Run("report", "--register", register.Path, "--records", records.Path, "--links", links, "--as-of", "2022-06-30",
            "--out", System.IO.Path.Combine(_dir, "report"), "--dhis2-mapping", mapping);

        Assert.Equal(2, run.Code);
        Assert.Contains("mapping.json: " + expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Immunization.", run.Error, StringComparison.Ordinal);
    }

    // A register, records damaged by a mutation, and a links file with no links: what evaluate and report read.
    private (MutatedFile Register, MutatedFile Records, string Links) WriteReportInputs(string mutation)
    {
        var register = WriteMutated("register.csv", Register(), "none");
        var records = WriteMutated("records.csv", Records(), mutation);
        var links = System.IO.Path.Combine(_dir, "links.csv");
        File.WriteAllText(links, "record_id,person_id,outcome,weight,differing_fields,cluster_id\r\n");
        return (register, records, links);
    }

    private string WriteHostileJson(string kind)
    {
        var valid = File.ReadAllText(Config());
        var text = kind switch
        {
            "deep-nesting" => "{\"fields\": " + new string('[', 100_000) + new string(']', 100_000) + "}",
            "huge-string-key" => "{\"" + new string('k', 2_000_000) + "\": 1}",
            "huge-string-value" => valid.Replace("\"idColumn\": \"id\"", "\"idColumn\": \"" + new string('v', 2_000_000) + "\"", StringComparison.Ordinal),
            "wrong-type" => valid.Replace("\"matchWeight\": 5", "\"matchWeight\": \"five\"", StringComparison.Ordinal),
            "null-fields" => "{ \"fields\": null, \"blocking\": null, \"decision\": null }",
            "duplicate-key" => valid.Replace("\"idColumn\": \"id\",", "\"idColumn\": \"id\",\n  \"idColumn\": \"name\",", StringComparison.Ordinal),
            "trailing-garbage" => valid + "\n{ \"more\": 1 } " + CanaryName,
            "not-json" => "id,name\n1," + CanaryName,
            "empty" => "",
            "json-null" => "null",
            "nul-byte" => valid.Insert(2, "\0"),
            _ => valid,
        };
        var encoding = kind switch
        {
            "utf16-bom" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf16-no-bom" => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
            _ => (Encoding)new UTF8Encoding(false),
        };
        var path = System.IO.Path.Combine(_dir, "hostile.json");
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        return path;
    }

    [Fact]
    public void Canaries_AreInEveryBaseFile()
    {
        // The canary test means something only if the canaries are really in the files read.
        foreach (var (header, rows) in new[] { Register(), Records(), Generic() })
        {
            var text = header + "\n" + string.Join('\n', rows);
            Assert.Contains(CanaryName, text, StringComparison.Ordinal);
            Assert.Contains(CanaryDob, text, StringComparison.Ordinal);
            Assert.Contains(CanaryPhone, text, StringComparison.Ordinal);
        }

        Assert.Contains(CanaryId, string.Join('\n', Register().Rows), StringComparison.Ordinal);
        Assert.Contains(CanaryDob, string.Join('\n', Cases().Rows), StringComparison.Ordinal);
    }

    private static void AssertAccountedOrRefused(RunResult run, MutatedFile file, string? countPattern, int expectedRows)
    {
        AssertClean(run);
        if (run.Code == 0)
        {
            if (countPattern is not null)
            {
                var match = Regex.Match(run.Output, countPattern);
                Assert.True(match.Success, run.Output);
                Assert.Equal(expectedRows, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }

            Assert.False(file.MustFail, $"{file.Mutation}: expected a refusal, got success: {run.Output}");
            return;
        }

        Assert.True(run.Code == 2, $"{file.Mutation}: exit {run.Code}: {run.Error}");
        Assert.False(file.MustSucceed, $"{file.Mutation}: expected success, got: {run.Error}");
        var name = System.IO.Path.GetFileName(file.Path);
        Assert.Contains(name, run.Error, StringComparison.Ordinal);
        Assert.Matches(@"row \d+|column|empty", run.Error);
        if (file.Mutation is "unclosed-quote" or "stray-quote")
        {
            // Reported as a quote problem at the row that holds it, not as a count of fields read past it.
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{name}, row {file.TargetRow}: a quote is not closed"), run.Error,
                StringComparison.Ordinal);
        }

        if (file.Mutation == "duplicate-column")
        {
            Assert.Matches(@", row 1, column \d+: the same name as column 1", run.Error);
        }
    }

    private static void AssertClean(RunResult run)
    {
        var all = run.Output + run.Error;
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
        foreach (var canary in new[] { CanaryName, "Zqxcanary", "Vuonghostile", CanaryId, CanaryPhone, CanaryDob, "03/02/1961" })
        {
            Assert.DoesNotContain(canary, all, StringComparison.Ordinal);
        }
    }

    private MutatedFile WriteMutated(string name, (string Header, string[] Rows) file, string mutation)
    {
        var random = new Random(Seed);
        var header = file.Header;
        var rows = file.Rows.ToList();
        var target = 1 + random.Next(rows.Count - 1);
        var newline = "\n";
        var mustFail = false;
        var mustSucceed = false;
        var encoding = (Encoding)new UTF8Encoding(false);
        string Field(int row, int column, Func<string, string> change)
        {
            var fields = rows[row].Split(',');
            column = Math.Min(column, fields.Length - 1);
            fields[column] = change(fields[column]);
            return string.Join(',', fields);
        }

        switch (mutation)
        {
            case "none":
                mustSucceed = true;
                break;
            case "no-header":
                header = rows[0];
                rows.RemoveAt(0);
                break;
            case "duplicate-column":
                var names = header.Split(',');
                names[^1] = names[0];
                header = string.Join(',', names);
                mustFail = true;
                break;
            case "header-twice":
                rows.Insert(target, header);
                break;
            case "short-row":
                rows[target] = rows[target][..rows[target].LastIndexOf(',')];
                mustFail = true;
                break;
            case "long-row":
                rows[target] += ",extra";
                mustFail = true;
                break;
            case "blank-lines":
                rows.Insert(target, "");
                rows.Insert(target, "   ");
                rows.Add("");
                mustSucceed = true;
                break;
            case "trailing-blank-line":
                rows.Add("");
                mustSucceed = true;
                break;
            case "unclosed-quote":
                rows[target] = Field(target, 2, v => "\"" + v);
                mustFail = true;
                break;
            case "stray-quote":
                mustFail = true;
                rows[target] = Field(target, 2, v => v.Length > 2 ? v[..2] + "\"" + v[2..] : "N\"g");
                break;
            case "million-char-field":
                rows[target] = Field(target, 2, _ => new string('A', 1_000_000));
                break;
            case "nul-and-control":
                rows[target] = Field(target, 1, v => v + "\0\u0001\u001b");
                rows[target] = Field(target, 2, v => "\0" + v);
                break;
            case "utf16-bom":
                encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
                break;
            case "utf16-no-bom":
                encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
                break;
            case "dates-out-of-range":
                for (var i = 0; i < rows.Count; i++)
                {
                    rows[i] = rows[i].Replace("2025-11-10", "0001-01-01", StringComparison.Ordinal)
                        .Replace("1990-05-03", "9999-12-31", StringComparison.Ordinal)
                        .Replace("1985-07-07", "2025-13-45", StringComparison.Ordinal);
                }

                break;
            case "other-scripts":
                rows[target] = Field(target, 2, _ => "ＮＧＵＹＥＮ Иван สมชาย");
                break;
            case "crlf":
                newline = "\r\n";
                mustSucceed = true;
                break;
            case "empty":
                header = "";
                rows.Clear();
                mustFail = true;
                break;
            default:
                throw new ArgumentException(mutation, nameof(mutation));
        }

        var text = rows.Count == 0 && header.Length == 0 ? "" : header + newline + string.Join(newline, rows) + newline;
        var path = System.IO.Path.Combine(_dir, name);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        File.WriteAllBytes(path, bytes);
        var dataRows = rows.Count(r => r.Trim().Length > 0);
        return new MutatedFile(path, mutation, dataRows, mustFail, mustSucceed, target + 2);
    }

    private static (string Header, string[] Rows) Register()
    {
        var random = new Random(Seed);
        var rows = new List<string> { $"P0,{CanaryId},{CanaryName},{CanaryDob},M,{CanaryPhone},,,new,,VN" };
        for (var i = 1; i < 30; i++)
        {
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"P{i},0011900{random.Next(10_000, 99_999)},{Name(random)},{1950 + random.Next(60)}-0{1 + random.Next(9)}-1{random.Next(10)},{(random.Next(2) == 0 ? "M" : "F")},09{random.Next(10_000_000, 99_999_999)},,,new,,VN"));
        }

        rows[3] = rows[3].Split(',') is var f ? string.Join(',', f[..3]) + ",1990-05-03," + string.Join(',', f[4..]) : rows[3];
        rows[4] = rows[4].Split(',') is var g ? string.Join(',', g[..3]) + ",1985-07-07," + string.Join(',', g[4..]) : rows[4];
        return ("person_id," + IdentityHeader, [.. rows]);
    }

    private static (string Header, string[] Rows) Records()
    {
        var (_, register) = Register();
        var rows = register.Select((r, i) => "R" + r[1..] + string.Create(CultureInfo.InvariantCulture, $",208,2021-09-0{1 + (i % 9)},1,S1,")).ToArray();
        return ("record_id," + IdentityHeader + ",vaccine_code,dose_date,dose_number,site_id,priority_group", rows);
    }

    private static (string Header, string[] Rows) Truth()
    {
        var (_, register) = Register();
        return ("record_id,person_id", [.. register.Select(r => "R" + r.Split(',')[0][1..] + "," + r.Split(',')[0])]);
    }

    private static (string Header, string[] Rows) Generic()
    {
        var (_, register) = Register();
        return ("id,name,dob,phone", [.. register.Select(r => r.Split(',')).Select(f => $"{f[0]},{f[2]},{f[3]},{f[5]}")]);
    }

    private static (string Header, string[] Rows) Cases() =>
        (CdsiHeader,
        [
            "T-1,newborn,2025-11-10,F,,,,Not complete,,,,,,,1,2025-12-22,2026-01-10,2026-03-09,DTAP,2025-11-10",
            $"T-2,canary,{CanaryDob},M,,,,Not complete,,,,,,,1,2025-12-22,2026-01-10,2026-03-09,DTAP,2025-11-10",
            "T-3,MMR too young,2024-11-10,M,,,,Not complete,2025-11-05,MMR,03,MSD,Not Valid,Age: Too Young,1,2020-01-01,2025-11-10,2026-03-09,MMR,2025-11-10",
        ]);

    private static string Name(Random random) => s_families[random.Next(s_families.Length)] + " " + s_given[random.Next(s_given.Length)];

    private string Config()
    {
        var path = System.IO.Path.Combine(_dir, "config.json");
        File.WriteAllText(path, """
            {
              "idColumn": "id",
              "fields": [
                { "name": "name", "levels": [ { "comparator": "exact", "m": 0.9 } ] },
                { "name": "dob", "levels": [ { "comparator": "exact", "m": 0.9 } ] },
                { "name": "phone", "levels": [ { "comparator": "exact", "m": 0.9 } ] }
              ],
              "blocking": [ { "on": [ "dob" ] }, { "on": [ "phone" ] } ],
              "decision": { "matchWeight": 5 }
            }
            """);
        return path;
    }

    private static RunResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return new RunResult(code, output.ToString(), error.ToString());
    }

    private sealed record RunResult(int Code, string Output, string Error);

    /// <param name="TargetRow">The 1-based row the mutation damaged (the header being row 1).</param>
    private sealed record MutatedFile(string Path, string Mutation, int DataRows, bool MustFail, bool MustSucceed, int TargetRow);
}
