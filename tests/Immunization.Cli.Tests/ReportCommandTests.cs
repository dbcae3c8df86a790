using Immunization.Cli;

namespace Immunization.Cli.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private const string Register = """
        person_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality
        P1,001190012345,Nguyễn Thị Minh Anh,1990-05-03,F,,01,00004,new,,VN
        P2,079085001122,Trần Văn Khải,1985-07-07,M,,79,26734,old,,VN
        P3,,Lê Hoàng Nam,2012-11-20,M,,,,new,,VN
        """;

    private const string Records = """
        record_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality,vaccine_code,dose_date,dose_number,site_id,priority_group
        R1,001190012345,Nguyễn Thị Minh Anh,1990-05-03,F,,01,00004,new,,VN,208,2021-09-01,1,S1,
        R2,079085001212,Tran Van Khai,1985-07-07,M,,01,00004,new,,VN,208,2021-09-01,1,S1,
        R3,12ab,Kim Min Jun,1990-01-01,M,,01,00004,new,,VN,208,2021-09-01,1,S1,
        R4,,Lê Hoàng Nam,2012-11-20,M,,01,00004,new,,VN,208,2021-09-20,1,S2,
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "report-tests-" + Guid.NewGuid().ToString("N"));

    public ReportCommandTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "register.csv"), Register + "\n");
        File.WriteAllText(Path.Combine(_dir, "records.csv"), Records + "\n");
        WriteLinks("R1,P1,verified,80,,P1", "R2,P2,differs,40,citizen_id:different;full_name:tone_marks,P2", "R3,,not_found,,,R3", "R4,P3,verified,70,,P3");
        File.WriteAllText(Path.Combine(_dir, "people.csv"), "person_key,status,first_dose_date,second_dose_date,first_product\nP1,partially_vaccinated,2021-09-01,,208\nP2,partially_vaccinated,2021-09-01,,208\nP3,not_vaccinated,,,\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // links.csv as link writes it (without register rows), one data row per string.
    private void WriteLinks(params string[] rows) =>
        File.WriteAllText(Path.Combine(_dir, "links.csv"), "record_id,person_id,outcome,weight,differing_fields,cluster_id\n" + string.Join("", rows.Select(r => r + "\n")));

    private (int Code, string Output, string Error) Run(params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args = ["report", "--register", Path.Combine(_dir, "register.csv"), "--records", Path.Combine(_dir, "records.csv"),
            "--links", Path.Combine(_dir, "links.csv"), "--as-of", "2021-10-15", "--out", Path.Combine(_dir, "out"), .. extra];
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_WithPeople_WritesIndicatorsAndWorkLists()
    {
        var (code, output, error) = Run("--people", Path.Combine(_dir, "people.csv"));

        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(Path.Combine(_dir, "out", "indicators.csv"));
        Assert.Contains("people_1plus,none,VN,Việt Nam,20211015,all,2,3,66.6667,", lines);
        Assert.Contains("doses_entered,none,VN,Việt Nam,20211015,all,4,,4,", lines);
        var lists = Directory.GetFiles(Path.Combine(_dir, "out", "worklists")).Order(StringComparer.Ordinal).ToList();
        var items = lists.SelectMany(f => File.ReadAllLines(f).Skip(1)).ToList();
        Assert.Equal(2, items.Count); // R2 (differs, in P2's commune) and R3 (not_found, in the record's commune)
        Assert.Contains(File.ReadAllLines(Path.Combine(_dir, "out", "worklists", "00004-20211015.csv")), l => l.Contains(",R3,not_found,", StringComparison.Ordinal));
        Assert.Contains(items, l => l.Contains(",R2,differs,P2,citizen_id;full_name,", StringComparison.Ordinal));
        Assert.Contains("work lists:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "1", "2")] // the rows of P1, P2, P3
    [InlineData("2", "0", "7")] // another person's row, a row past the register's end
    [InlineData("", "1", "")]
    public void Run_LinksWithRegisterRows_SameFilesAsWithout(string row1, string row2, string row4)
    {
        var (code, _, error) = Run("--people", Path.Combine(_dir, "people.csv"));
        Assert.True(code == 0, error);
        var without = OutputFiles();
        File.WriteAllText(Path.Combine(_dir, "links.csv"),
            $"record_id,person_id,outcome,weight,differing_fields,cluster_id,register_row\nR1,P1,verified,80,,P1,{row1}\nR2,P2,differs,40,citizen_id:different;full_name:tone_marks,P2,{row2}\nR3,,not_found,,,R3,1\nR4,P3,verified,70,,P3,{row4}\n");
        Directory.Delete(Path.Combine(_dir, "out"), recursive: true);

        (code, _, error) = Run("--people", Path.Combine(_dir, "people.csv"));

        Assert.True(code == 0, error);
        var with = OutputFiles();
        Assert.Equal(without.Keys, with.Keys);
        Assert.All(without, file => Assert.Equal(file.Value, with[file.Key]));
        Assert.Contains("doses_entered,none,VN,Việt Nam,20211015,all,4,,4,", File.ReadAllLines(Path.Combine(_dir, "out", "indicators.csv")));

        // report.html's charts number their clip paths from a counter that runs on within a process: left out.
        SortedDictionary<string, string> OutputFiles() => new(
            Directory.GetFiles(Path.Combine(_dir, "out"), "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".html", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetRelativePath(Path.Combine(_dir, "out"), f), File.ReadAllText),
            StringComparer.Ordinal);
    }

    [Fact]
    public void Run_RegisterRowNotANumber_FailsNamingRowAndColumn()
    {
        File.WriteAllText(Path.Combine(_dir, "links.csv"), "record_id,person_id,outcome,weight,differing_fields,cluster_id,register_row\nR1,P1,verified,80,,P1,0\nR2,P2,differs,40,citizen_id:different,P2,-1\nR3,,not_found,,,R3,\nR4,P3,verified,70,,P3,2\n");

        var (code, _, error) = Run();

        Assert.NotEqual(0, code);
        Assert.Contains("links.csv, row 3, column register_row", error, StringComparison.Ordinal); // the header is row 1
    }

    [Fact]
    public void Run_AmbiguousLink_WorkListGivesTheMatchersReason()
    {
        WriteLinks("R1,P1,verified,80,,P1", "R2,,ambiguous,18.5,ambiguous:review_band;citizen_id:different,R2", "R3,,not_found,,,R3", "R4,P3,verified,70,,P3");

        var (code, _, error) = Run();

        Assert.True(code == 0, error);
        var items = Directory.GetFiles(Path.Combine(_dir, "out", "worklists")).SelectMany(f => File.ReadAllLines(f).Skip(1)).ToList();
        Assert.Contains(items, l => l.Contains(",R2,ambiguous,,,review_band,", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_DifferingFieldsNotWrittenByLink_FailsNamingRowAndColumn()
    {
        WriteLinks("R1,P1,verified,80,,P1", "R2,P2,differs,40,full_name:misspelt,P2", "R3,,not_found,,,R3", "R4,P3,verified,70,,P3");

        var (code, _, error) = Run();

        Assert.NotEqual(0, code);
        Assert.Contains("links.csv", error, StringComparison.Ordinal);
        Assert.Contains("differing_fields", error, StringComparison.Ordinal);
        Assert.Contains("3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PeopleWithNextDoses_WritesDoseDueListsPerCommune()
    {
        File.WriteAllText(Path.Combine(_dir, "people.csv"),
            "person_key,records,age_group,priority_groups,status,series,next_dose,next_kind,earliest,recommended,past_due,products,rule,blocked,first_dose_date,second_dose_date,first_product\n"
            + "P1,1,18+,,partially_vaccinated,s,2,primary,2021-09-22,2021-09-29,2021-10-10,208,r,no,2021-09-01,,208\n"
            + "P2,1,18+,1,primary_series_complete,s,3,booster,2021-10-01,2021-10-10,,208,r,no,2021-09-01,2021-09-22,208\n"
            + "P3,1,5-11,,partially_vaccinated,s,2,primary,2021-10-11,2021-10-18,2021-11-20,208,r,no,2021-09-20,,208\n");

        var (code, output, error) = Run("--people", Path.Combine(_dir, "people.csv"));

        Assert.True(code == 0, error);
        var rows = Directory.GetFiles(Path.Combine(_dir, "out", "duelists")).SelectMany(f => File.ReadAllLines(f).Skip(1)).ToList();
        Assert.Equal(2, rows.Count); // P3's dose 2 is not past due yet
        Assert.Contains(rows, r => r.Contains(",P1,overdue_dose2,2,2021-09-22,2021-09-29,2021-10-10,5", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(",P2,priority_dose3,3,2021-10-01,2021-10-10,,5", StringComparison.Ordinal));
        Assert.Contains("dose-due lists: 2 communes (overdue_dose2 1, priority_dose3 1)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SampleVietnamDhis2Mapping_SendsMappedCountsOnly()
    {
        var (code, output, error) = Run("--people", Path.Combine(_dir, "people.csv"), "--dhis2-mapping", LinkCommandTests.Sample("dhis2-vietnam.json"));

        Assert.True(code == 0, error);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "out", "dhis2-datavalueset.json")));
        Assert.Equal("dsCovVN0001", json.RootElement.GetProperty("dataSet").GetString());
        var values = json.RootElement.GetProperty("dataValues").EnumerateArray()
            .Select(v => (De: v.GetProperty("dataElement").GetString(), Coc: v.TryGetProperty("categoryOptionCombo", out var c) ? c.GetString() : null,
                Ou: v.GetProperty("orgUnit").GetString(), Value: v.GetProperty("value").GetString()))
            .ToList();
        Assert.Contains(("deCovPpl101", (string?)null, "ouVNnation1", "2"), values); // people with 1+ dose: P1 and P2
        Assert.Contains(("deCovDose01", (string?)null, "ouVNnation1", "4"), values);
        Assert.Contains(("deCovDose01", (string?)null, "ouHNprov001", "2"), values); // R1 (P1 lives there) and R3 (unlinked, written there); R4's person has no residence
        Assert.Contains(values, v => v.Ou == "ouHCMTanDi1"); // P2's old commune 26734 rolled up into new 26737
        Assert.DoesNotContain(values, v => !v.Ou!.StartsWith("ou", StringComparison.Ordinal)); // unmapped units (unknown) not sent
        Assert.Contains("dhis2: " + values.Count + " data values", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithDosesFromEvaluate_CountsOnlyValidDoses()
    {
        File.WriteAllText(Path.Combine(_dir, "doses.csv"),
            "record_id,person_key,dose_date,vaccine_code,evaluation,dose_number,reason,explanation\nR1,P1,2021-09-01,208,valid,1,,\nR2,P2,2021-09-01,208,not_valid,1,too_young,\nR4,P3,2021-09-20,208,valid,1,,\n");

        var (code, _, error) = Run("--people", Path.Combine(_dir, "people.csv"), "--doses", Path.Combine(_dir, "doses.csv"));

        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(Path.Combine(_dir, "out", "indicators.csv"));
        Assert.Contains("doses_entered,none,VN,Việt Nam,20211015,all,4,,4,", lines);
        Assert.Contains("doses_valid,none,VN,Việt Nam,20211015,all,2,,2,", lines); // R2 not valid, R3 not in doses.csv
    }

    [Fact]
    public void Run_DosesFileWithStrayQuote_ExitsTwoNamingTheRow()
    {
        File.WriteAllText(Path.Combine(_dir, "doses.csv"), "record_id,evaluation\nR1,valid\nR2,va\"lid\n");

        var (code, _, error) = Run("--doses", Path.Combine(_dir, "doses.csv"));

        Assert.Equal(2, code);
        Assert.Contains("doses.csv, row 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DosesEvaluationNotKnown_ExitsTwoNamingRowAndColumn()
    {
        File.WriteAllText(Path.Combine(_dir, "doses.csv"), "record_id,evaluation\nR1,valid\nR2,sorta\n");

        var (code, _, error) = Run("--doses", Path.Combine(_dir, "doses.csv"));

        Assert.Equal(2, code);
        Assert.Contains("doses.csv, row 3", error, StringComparison.Ordinal);
        Assert.Contains("evaluation", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OutputFolderUnderAFile_ExitsTwoInOneLine()
    {
        File.WriteAllText(Path.Combine(_dir, "afile"), "");
        var output = new StringWriter();
        var error = new StringWriter();

        int code = CliApp.Run(["report", "--register", Path.Combine(_dir, "register.csv"), "--records", Path.Combine(_dir, "records.csv"),
            "--links", Path.Combine(_dir, "links.csv"), "--as-of", "2021-10-15", "--out", Path.Combine(_dir, "afile", "sub")], output, error);

        Assert.Equal(2, code);
        Assert.StartsWith("report: cannot make the output folder", error.ToString(), StringComparison.Ordinal);
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Run_LinkOfARecordNotInRecords_ExitsTwoNamingTheLinksRow()
    {
        // Row 3 of links.csv names R9, which records.csv does not have (R2 has no link then).
        WriteLinks("R1,P1,verified,80,,P1", "R9,P2,verified,40,,P2", "R3,,not_found,,,R3", "R4,P3,verified,70,,P3");

        var (code, _, error) = Run();

        Assert.Equal(2, code);
        Assert.Contains("links.csv, row 3", error, StringComparison.Ordinal);
        Assert.Contains("record_id", error, StringComparison.Ordinal);
        Assert.Contains("1 rows of links.csv", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "out", "worklists")));
    }

    [Fact]
    public void Run_RecordWithoutALink_SaysSoAndListsItAsNotFound()
    {
        WriteLinks("R1,P1,verified,80,,P1", "R3,,not_found,,,R3", "R4,P3,verified,70,,P3");

        var (code, _, error) = Run();

        Assert.True(code == 0, error);
        Assert.Contains("1 records of records.csv have no row in links.csv (the first at row 3)", error, StringComparison.Ordinal);
        var list = File.ReadAllText(Path.Combine(_dir, "out", "worklists", "00004-20211015.csv"));
        Assert.Contains("R2,", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Tran", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EarlierListsInTheFolder_LeavesThemAndSaysSo()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "out", "worklists"));
        File.WriteAllText(Path.Combine(_dir, "out", "worklists", "00004-20211001.csv"), "returned\n");

        var (code, _, error) = Run();

        Assert.True(code == 0, error);
        Assert.Contains("already held 1 lists that this run did not write", error, StringComparison.Ordinal);
        Assert.Equal("returned\n", File.ReadAllText(Path.Combine(_dir, "out", "worklists", "00004-20211001.csv")));
        Assert.True(File.Exists(Path.Combine(_dir, "out", "worklists", "00004-20211015.csv")));
    }

    [Fact]
    public void Run_WithoutPeople_SaysStatusUnknownAndOmitsStatusRows()
    {
        var (code, output, error) = Run();

        Assert.True(code == 0, error);
        Assert.Contains("status unknown", output, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(_dir, "out", "indicators.csv")), l => l.StartsWith("people_", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_BadAsOf_UsageError()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int code = CliApp.Run(["report", "--register", "r.csv", "--records", "d.csv", "--links", "l.csv", "--as-of", "15/10/2021", "--out", _dir], output, error);

        Assert.Equal(2, code);
        Assert.Contains("--as-of", error.ToString(), StringComparison.Ordinal);
    }
}
