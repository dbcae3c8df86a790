using Immunization.Cli.Cdsi;
using Immunization.Tests.Shared;

namespace Immunization.Cli.Tests;

public sealed class CdsiCommandTests : IDisposable
{
    private const string HealthyHeader =
        "CDC_Test_ID,Test_Case_Name,DOB,gender,Med_History_Text,Med_History_Code,Med_History_Code_Sys,Series_Status,"
        + "Date_Administered_1,Vaccine_Name_1,CVX_1,MVX_1,Evaluation_Status_1,Evaluation_Reason_1,"
        + "Date_Administered_2,Vaccine_Name_2,CVX_2,MVX_2,Evaluation_Status_2,Evaluation_Reason_2,"
        + "Forecast_#,Earliest_Date,Recommended_Date,Past_Due_Date,Vaccine_Group,Assessment_Date";

    private readonly string _folder = Directory.CreateTempSubdirectory("cdsi-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CliApp.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Cdsi_SmallFile_CountsPassesPerGroupAndTotal()
    {
        // Newborn: DTaP dose 1 at 6 weeks, recommended at 2 months, past due at 3 months + 4 weeks - 1 day.
        // MMR at 12 months - 5 days is too young; the second row expects a wrong earliest date on purpose.
        var path = Write(
            "cases.csv",
            HealthyHeader,
            "T-1,newborn,2025-11-10,F,,,,Not complete,,,,,,,,,,,,,1,2025-12-22,2026-01-10,2026-03-09,DTAP,2025-11-10",
            "T-2,MMR too young,2024-11-10,M,,,,Not complete,2025-11-05,MMR,03,MSD,Not Valid,Age: Too Young,,,,,,,1,2020-01-01,2025-11-10,2026-03-09,MMR,2025-11-10");

        var (exitCode, output, _) = Run("cdsi", "--cases", path, "--failures");

        Assert.Equal(1, exitCode);
        Assert.Contains("DTAP", output, StringComparison.Ordinal);
        Assert.Matches(@"DTAP\s+1/1", output);
        Assert.Matches(@"MMR\s+0/1", output);
        Assert.Contains("FAIL T-2 (row 3, MMR): earliest: expected 2020-01-01", output, StringComparison.Ordinal);
        Assert.EndsWith("CDSi: 1/2 test cases passed", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_HealthyFile_PassesAllButKnownCdcDefect()
    {
        var (exitCode, output, _) = Run("cdsi", "--cases", SharedDatasets.Path("cdsi/test-cases/cdsi-healthy-childhood-and-adult-test-cases-v4.45.csv"));

        Assert.Equal(0, exitCode);
        Assert.Matches(@"COVID-19\s+94/94", output);
        Assert.Matches(@"Reasons: \d+/249 expected reasons matched\r?\nCDSi: 1013/1013 test cases passed\s*$", output);
    }

    [Fact]
    public void Cdsi_BadDate_SaysFileRowColumnAndWhy()
    {
        var path = Write("bad.csv", HealthyHeader, "T-1,x,2025-13-45,F,,,,Not complete,,,,,,,,,,,,,1,,,,DTAP,2025-11-10");

        var (exitCode, _, error) = Run("cdsi", "--cases", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("bad.csv, row 2, column DOB: the value is not a date", error, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-13-45", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_BadCvx_SaysFileRowColumnAndWhy()
    {
        var path = Write("cvx.csv", HealthyHeader, "T-1,x,2025-01-01,F,,,,Not complete,2025-03-01,DTaP,DTAP,,Valid,,,,,,,,1,,,,DTAP,2025-11-10");

        var (exitCode, _, error) = Run("cdsi", "--cases", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("cvx.csv, row 2, column CVX_1: 'DTAP' is not a CVX code", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_NotATestCaseFile_NamesMissingColumn()
    {
        var path = Write("other.csv", "a,b,c", "1,2,3");

        var (exitCode, _, error) = Run("cdsi", "--cases", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("other.csv: column 'CDC_Test_ID' is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_DataFolder_UsesThatSupportingData()
    {
        var path = Write("cases.csv", HealthyHeader, "T-1,newborn,2025-11-10,F,,,,Not complete,,,,,,,,,,,,,1,2025-12-22,2026-01-10,2026-03-09,DTAP,2025-11-10");

        var (exitCode, output, _) = Run("cdsi", "--cases", path, "--data", SharedDatasets.Path("cdsi/supporting-data-4.64/XML"));

        Assert.Equal(0, exitCode);
        Assert.EndsWith("CDSi: 1/1 test cases passed", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_DataFolderWithoutSchedule_FailsClearly()
    {
        var path = Write("cases.csv", HealthyHeader);

        var (exitCode, _, error) = Run("cdsi", "--cases", path, "--data", _folder);

        Assert.Equal(2, exitCode);
        Assert.Contains("ScheduleSupportingData.xml is missing", error, StringComparison.Ordinal);
    }

    private const string Mmr = "2024-11-10,M,,,,Not complete,2025-11-05,MMR,03,MSD,Not Valid,Age: Too Young,,,,,,,1,2025-12-03,2025-12-03,2026-04-06,MMR,2025-11-10"; // the next dose waits 4 weeks after the invalid live dose

    [Fact]
    public void Cdsi_EveryCaseFails_ExitsOne()
    {
        var path = Write("fail.csv", HealthyHeader, "T-1,x," + Mmr.Replace("Not complete", "Complete", StringComparison.Ordinal));

        var (exitCode, output, _) = Run("cdsi", "--cases", path);

        Assert.Equal(1, exitCode);
        Assert.EndsWith("CDSi: 0/1 test cases passed", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_LongVaccineGroupName_TableStaysAligned()
    {
        // Issue 15 defect 9: a long vaccine-group name pushed its counts out of line. Names are cut at 40 characters
        // and the column is as wide as the longest name shown.
        var longName = "A vaccine group with a very long name indeed and longer than forty";
        var path = Write(
            "long.csv",
            HealthyHeader,
            "T-1,newborn,2025-11-10,F,,,,Not complete,,,,,,,,,,,,,1,2025-12-22,2026-01-10,2026-03-09,DTAP,2025-11-10",
            $"T-2,long,2025-11-10,F,,,,Not complete,,,,,,,,,,,,,1,2025-12-22,2026-01-10,2026-03-09,{longName},2025-11-10");

        var (_, output, _) = Run("cdsi", "--cases", path);

        var table = output.Split('\n').Where(l => l.Contains('/', StringComparison.Ordinal) && !l.StartsWith("CDSi", StringComparison.Ordinal) && !l.StartsWith("Reasons", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, table.Length);
        Assert.DoesNotContain(longName, output, StringComparison.Ordinal);
        Assert.Equal(table[0].IndexOf('/', StringComparison.Ordinal), table[1].IndexOf('/', StringComparison.Ordinal));
    }

    [Fact]
    public void Cdsi_AllPass_ExitsZero()
    {
        var path = Write("pass.csv", HealthyHeader, "T-1,x," + Mmr);

        var (exitCode, output, _) = Run("cdsi", "--cases", path);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"Reasons: 1/1 expected reasons matched\r?\nCDSi: 1/1 test cases passed\s*$", output);
    }

    [Fact]
    public void Cdsi_WrongExpectedReason_PassesButReasonIsCountedApart()
    {
        var path = Write("reason.csv", HealthyHeader, "T-1,x," + Mmr.Replace("Age: Too Young", "Interval: too Soon", StringComparison.Ordinal));

        var (exitCode, output, _) = Run("cdsi", "--cases", path, "--failures");

        Assert.Equal(0, exitCode);
        Assert.Contains("REASON T-1 (row 2, MMR): dose 1 reason: expected Interval: too Soon, got Age: Too Young", output, StringComparison.Ordinal);
        Assert.Contains("Reasons: 0/1 expected reasons matched", output, StringComparison.Ordinal);
        Assert.EndsWith("CDSi: 1/1 test cases passed", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_KnownFailuresListed_ExitsZeroAndSaysSo()
    {
        var path = Write("fail.csv", HealthyHeader, "T-1,x," + Mmr.Replace("Not complete", "Complete", StringComparison.Ordinal), "T-2,y," + Mmr);
        var known = Write("known.csv", "case_id,cause", "T-1,expected series status is wrong on purpose");

        var (exitCode, output, _) = Run("cdsi", "--cases", path, "--known-failures", known);

        Assert.Equal(0, exitCode);
        Assert.Contains("Known failures: 1/1 listed cases failed, 0 unlisted failed", output, StringComparison.Ordinal);
        Assert.EndsWith("CDSi: 1/2 test cases passed", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_KnownFailuresDoNotCoverAll_ExitsOne()
    {
        var path = Write("fail.csv", HealthyHeader, "T-1,x," + Mmr.Replace("Not complete", "Complete", StringComparison.Ordinal));
        var known = Write("known.csv", "case_id,cause", "T-9,another case that fails for a documented reason");

        var (exitCode, output, _) = Run("cdsi", "--cases", path, "--known-failures", known);

        Assert.Equal(1, exitCode);
        Assert.Contains("Known failures: 0/1 listed cases failed, 1 unlisted failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_HeaderOnly_NoTestCasesError()
    {
        var path = Write("empty-cases.csv", HealthyHeader);

        var (exitCode, output, error) = Run("cdsi", "--cases", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("no test cases in empty-cases.csv", error, StringComparison.Ordinal);
        Assert.DoesNotContain("CDSi:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_EmptyFile_SaysFileIsEmpty()
    {
        var path = Write("nothing.csv");

        var (exitCode, _, error) = Run("cdsi", "--cases", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("nothing.csv: the file is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_CasesIsAFolder_SaysSo()
    {
        var (exitCode, _, error) = Run("cdsi", "--cases", _folder);

        Assert.Equal(2, exitCode);
        Assert.Contains("is a folder, not a file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_DataFolderWithOnlySchedule_SaysAntigenFilesAreMissing()
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data"));
        File.Copy(SharedDatasets.Path("cdsi/supporting-data-4.64/XML/ScheduleSupportingData.xml"), Path.Combine(data.FullName, "ScheduleSupportingData.xml"));
        var path = Write("cases.csv", HealthyHeader, "T-1,x," + Mmr);

        var (exitCode, output, error) = Run("cdsi", "--cases", path, "--data", data.FullName);

        Assert.Equal(2, exitCode);
        Assert.Contains("no AntigenSupportingData*.xml files", error, StringComparison.Ordinal);
        Assert.DoesNotContain("CDSi:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_DataFolderMissingSomeAntigens_NamesThem()
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data"));
        foreach (var name in new[] { "ScheduleSupportingData.xml", "AntigenSupportingData- Measles-508.xml" })
        {
            File.Copy(SharedDatasets.Path("cdsi/supporting-data-4.64/XML/" + name), Path.Combine(data.FullName, name));
        }

        var path = Write("cases.csv", HealthyHeader, "T-1,x," + Mmr);

        var (exitCode, _, error) = Run("cdsi", "--cases", path, "--data", data.FullName);

        Assert.Equal(2, exitCode);
        Assert.Contains("ScheduleSupportingData.xml: the vaccine groups name", error, StringComparison.Ordinal);
        Assert.Contains("Mumps", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_DataFolderWithBadAntigenFile_NamesTheFile()
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data"));
        File.Copy(SharedDatasets.Path("cdsi/supporting-data-4.64/XML/ScheduleSupportingData.xml"), Path.Combine(data.FullName, "ScheduleSupportingData.xml"));
        File.WriteAllText(Path.Combine(data.FullName, "AntigenSupportingData- Broken.xml"), "<antigenSupportingData><series>");
        var path = Write("cases.csv", HealthyHeader, "T-1,x," + Mmr);

        var (exitCode, _, error) = Run("cdsi", "--cases", path, "--data", data.FullName);

        Assert.Equal(2, exitCode);
        Assert.Contains("AntigenSupportingData- Broken.xml", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_CvxWithoutDate_SaysDateIsRequired()
    {
        var path = Write("nodate.csv", HealthyHeader, "T-1,x,2024-11-10,M,,,,Not complete,,MMR,03,MSD,Valid,,,,,,,,1,,,,MMR,2025-11-10");

        var (exitCode, _, error) = Run("cdsi", "--cases", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("nodate.csv, row 2, column Date_Administered_1: a date is required when CVX_1 is given", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Series_Status", "Not complete", "Done")]
    [InlineData("Evaluation_Status_1", "Not Valid,Age", "Invalid,Age")]
    [InlineData("Forecast_#", ",1,2025", ",one,2025")]
    public void Cdsi_ValueOutsideCdcVocabulary_SaysRowAndColumn(string column, string good, string bad)
    {
        var path = Write("vocab.csv", HealthyHeader, "T-1,x," + Mmr.Replace(good, bad, StringComparison.Ordinal));

        var (exitCode, _, error) = Run("cdsi", "--cases", path);

        Assert.Equal(2, exitCode);
        Assert.Contains($"vocab.csv, row 2, column {column}: '", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdsi_MissingFile_FailsClearly()
    {
        var (exitCode, _, error) = Run("cdsi", "--cases", Path.Combine(_folder, "nope.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains("nope.csv: file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnderlyingConditionsLayout_ReadsObservations()
    {
        const string header = "CDC_Test_ID,Test_Case_Name,DOB,Gender,Observation_Code_1,Observation_Text_1,Observation_Date_1,"
            + "Observation_Code_2,Observation_Text_2,Observation_Date_2,Series_Status,Date_Administered_1,Vaccine_Name_1,CVX_1,MVX_1,"
            + "Evaluation_Status_1,Series_Type_1,Evaluation_Reason_1,Forecast_#,Earliest_Date,Recommended_Date,Past_Due_Date,"
            + "Administrative_Guidance,Vaccine_Group,Assessment Date";
        var csv = header + "\nUC-1,x,01/15/2020,M,48,Travelling,03/01/2021,7,Pregnant,,Not complete,,,,,,,,1,,,,,MMR,06/01/2021\n";

        var cases = CdsiTestCaseReader.Read(new StringReader(csv), "uc.csv");

        var testCase = Assert.Single(cases);
        Assert.Equal(2, testCase.Observations.Count);
        Assert.Equal("048", testCase.Observations[0].Code);
        Assert.Equal(new NodaTime.LocalDate(2021, 3, 1), testCase.Observations[0].Date);
        Assert.Null(testCase.Observations[1].Date);
        Assert.Equal(new NodaTime.LocalDate(2021, 6, 1), testCase.AssessmentDate);
    }

    [Fact]
    public void Run_UnderlyingConditionsCase_UsesRiskSeriesForTravel()
    {
        // A 7-month-old travelling abroad: the measles risk series (6-12 months) makes MMR due from 6 months,
        // past due the day before 12 months.
        const string header = "CDC_Test_ID,DOB,Gender,Observation_Code_1,Observation_Date_1,Series_Status,Forecast_#,Earliest_Date,Recommended_Date,Past_Due_Date,Vaccine_Group,Assessment_Date";
        var cases = CdsiTestCaseReader.Read(new StringReader(header + "\nUC-2,2025-01-10,F,048,2025-08-01,Not complete,1,2025-07-10,2025-07-10,2026-01-09,MMR,2025-08-10\n"), "uc.csv");
        var runner = new CdsiTestCaseRunner(Immunization.Core.Evaluation.CdsiEngine.Default);

        var outcome = runner.Run(cases[0]);

        Assert.True(outcome.Passed, string.Join("; ", outcome.Differences));
        Assert.Single(cases[0].Observations);
    }
}
