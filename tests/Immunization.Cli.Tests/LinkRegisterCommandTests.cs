using Immunization.Cli;

namespace Immunization.Cli.Tests;

public sealed class LinkRegisterCommandTests : IDisposable
{
    private const string Register = """
        person_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality
        P1,001190012345,Nguyễn Thị Minh Anh,1990-05-03,F,0912345678,,,new,,VN
        P2,079085001122,Trần Văn Khải,1985-07-07,M,0987654321,,,new,,VN
        P3,,Lê Hoàng Nam,1972-11-20,M,,,,new,,VN
        """;

    private const string Records = """
        record_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality,vaccine_code,dose_date,dose_number,site_id,priority_group
        R1,001190012345,Nguyễn Thị Minh Anh,03/05/1990,Nữ,0912345678,,,,,VN,208,2021-09-01,1,S1,
        R2,079085001212,"TRAN  VAN KHAI",1985,Nam,,,,,,VN,208,2021-09-01,1,S1,
        R3,E1234567,Kim Min Jun,1990-01-01,M,,,,,,KR,208,2021-09-01,1,S1,
        R4,,Quách Thị Bích Tuyền,1931-01-01,F,,,,,,VN,208,2021-09-01,1,S1,
        R5,,Quach Thi Bich Tuyen,1931-01-01,F,,,,,,,208,2021-10-01,2,S2,
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "link-register-tests-" + Guid.NewGuid().ToString("N"));

    public LinkRegisterCommandTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "register.csv"), Register + "\n");
        File.WriteAllText(Path.Combine(_dir, "records.csv"), Records + "\n");
        File.WriteAllText(Path.Combine(_dir, "truth.csv"), "record_id,person_id\nR1,P1\nR2,P2\nR3,\nR4,\nR5,\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_RegisterAndRecords_WritesEveryRecordOnceWithItsOutcome()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--register", Path.Combine(_dir, "register.csv"), "--records", Path.Combine(_dir, "records.csv"),
            "--out", Path.Combine(_dir, "out"), "--truth", Path.Combine(_dir, "truth.csv")], output, error);

        Assert.True(code == 0, error.ToString());
        var lines = File.ReadAllLines(Path.Combine(_dir, "out", "links.csv"));
        Assert.Equal("record_id,person_id,outcome,weight,differing_fields,cluster_id", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0]);
        Assert.Equal(["R1", "R2", "R3", "R4", "R5"], rows.Keys);
        Assert.Equal(["P1", "verified"], rows["R1"][1..3]);
        Assert.Equal("P1", rows["R1"][5]);
        Assert.Equal("not_applicable", rows["R3"][2]);
        Assert.Equal("not_found", rows["R4"][2]);
        // Two records of one person absent from the register form one cluster.
        Assert.Equal(rows["R4"][5], rows["R5"][5]);
        Assert.Contains("F1", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "out", "explanations.csv")));
    }

    [Fact]
    public void Run_RegisterAndRecords_LeavesOnlyLinksAndExplanationsInOut()
    {
        var outDir = Path.Combine(_dir, "out");

        var code = CliApp.Run(["link", "--register", Path.Combine(_dir, "register.csv"), "--records", Path.Combine(_dir, "records.csv"),
            "--out", outDir], new StringWriter(), new StringWriter());

        Assert.Equal(0, code);
        // The per-record spool (links.csv.tmp) is deleted once links.csv is written.
        Assert.Equal(["explanations.csv", "links.csv"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Run_LinkedAndUnlinkedRecordsInterleaved_EachRowKeepsItsOwnFieldsAndCluster()
    {
        // Unlinked records (R4, R5, R7) between linked ones (R1, R6): each row's cluster comes back to the right position.
        File.AppendAllText(Path.Combine(_dir, "records.csv"),
            "R6,079085001122,Trần Văn Khải,1985-07-07,M,0987654321,,,,,VN,208,2021-09-01,1,S1,\n" +
            "R7,,Đỗ Văn Lực,1950-02-02,M,,,,,,VN,208,2021-09-01,1,S1,\n");

        var code = CliApp.Run(["link", "--register", Path.Combine(_dir, "register.csv"), "--records", Path.Combine(_dir, "records.csv"),
            "--out", Path.Combine(_dir, "out")], new StringWriter(), new StringWriter());

        Assert.Equal(0, code);
        var rows = File.ReadAllLines(Path.Combine(_dir, "out", "links.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(["R1", "R2", "R3", "R4", "R5", "R6", "R7"], rows.Select(r => r[0]));
        Assert.Equal(["P1", "verified", "P1"], [rows[0][1], rows[0][2], rows[0][5]]);
        Assert.Equal(["P2", "verified", "P2"], [rows[5][1], rows[5][2], rows[5][5]]);
        Assert.Equal(["", "not_found", "R7"], [rows[6][1], rows[6][2], rows[6][5]]);
        Assert.Equal("R4", rows[3][5]);
        Assert.Equal("R4", rows[4][5]);
    }

    [Fact]
    public void Run_RecordsSpanningSeveralBatches_EveryRowInInputOrderWithItsOwnPerson()
    {
        // 8,192 records a batch: three batches, read ahead, linked and written in step.
        const int count = (2 * 8_192) + 3;
        var records = new System.Text.StringBuilder(Records[..Records.IndexOf('\n', StringComparison.Ordinal)]).Append('\n');
        for (var i = 0; i < count; i++)
        {
            records.Append(i % 2 == 0
                ? $"B{i},001190012345,Nguyễn Thị Minh Anh,03/05/1990,Nữ,0912345678,,,,,VN,208,2021-09-01,1,S1,\n"
                : $"B{i},079085001122,Trần Văn Khải,1985-07-07,M,0987654321,,,,,VN,208,2021-09-01,1,S1,\n");
        }

        File.WriteAllText(Path.Combine(_dir, "records.csv"), records.ToString());

        var code = CliApp.Run(["link", "--register", Path.Combine(_dir, "register.csv"), "--records", Path.Combine(_dir, "records.csv"),
            "--out", Path.Combine(_dir, "out")], new StringWriter(), new StringWriter());

        Assert.Equal(0, code);
        var rows = File.ReadAllLines(Path.Combine(_dir, "out", "links.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(Enumerable.Range(0, count).Select(i => "B" + i), rows.Select(r => r[0]));
        Assert.Equal(Enumerable.Range(0, count).Select(i => i % 2 == 0 ? "P1" : "P2"), rows.Select(r => r[1]));
        var explained = File.ReadAllLines(Path.Combine(_dir, "out", "explanations.csv")).Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]);
        Assert.Equal(rows.Select(r => r[0]), explained);
    }

    [Fact]
    public void Run_GeneratedRegisterAndRecords_LinksWithF1AtLeast0995()
    {
        var generated = Path.Combine(_dir, "generated");
        Assert.Equal(0, CliApp.Run(["generate", "--people", "5000", "--seed", "7", "--out", generated], new StringWriter(), new StringWriter()));
        var output = new StringWriter();

        var code = CliApp.Run(["link", "--register", Path.Combine(generated, "register.csv"), "--records", Path.Combine(generated, "records.csv"),
            "--out", Path.Combine(_dir, "out"), "--truth", Path.Combine(generated, "truth.csv")], output, new StringWriter());

        Assert.Equal(0, code);
        var f1 = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"F1 (\d\.\d{4})");
        Assert.True(f1.Success, output.ToString());
        Assert.True(double.Parse(f1.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 0.995, output.ToString());
        var records = File.ReadAllLines(Path.Combine(generated, "records.csv")).Length;
        Assert.Equal(records, File.ReadAllLines(Path.Combine(_dir, "out", "links.csv")).Length);
    }

    [Fact]
    public void Run_RegisterRows_EachLinkedRecordNamesItsPersonsDataRowAndTheReportIsUnchanged()
    {
        var generated = Path.Combine(_dir, "generated");
        Assert.Equal(0, CliApp.Run(["generate", "--people", "3000", "--seed", "3", "--out", generated], new StringWriter(), new StringWriter()));
        string register = Path.Combine(generated, "register.csv"), records = Path.Combine(generated, "records.csv");
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--register", register, "--records", records, "--out", Path.Combine(_dir, "rows"), "--register-rows"], new StringWriter(), error);
        Assert.True(code == 0, error.ToString());
        Assert.Equal(0, CliApp.Run(["link", "--register", register, "--records", records, "--out", Path.Combine(_dir, "plain")], new StringWriter(), new StringWriter()));

        // Each linked record's row holds its person (the register's ids are its first column); the other columns as without rows.
        var personOfRow = File.ReadLines(register).Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).ToArray();
        var withRows = File.ReadAllLines(Path.Combine(_dir, "rows", "links.csv"));
        var plain = File.ReadAllLines(Path.Combine(_dir, "plain", "links.csv"));
        Assert.Equal(plain[0] + ",register_row", withRows[0]);
        Assert.Equal(plain.Length, withRows.Length);
        int linked = 0;
        for (int i = 1; i < withRows.Length; i++)
        {
            int cut = withRows[i].LastIndexOf(',');
            Assert.Equal(plain[i], withRows[i][..cut]);
            var fields = plain[i].Split(',');
            string row = withRows[i][(cut + 1)..];
            if (fields[2] is "verified" or "differs")
            {
                Assert.Equal(fields[1], personOfRow[int.Parse(row, System.Globalization.CultureInfo.InvariantCulture)]);
                linked++;
            }
            else
            {
                Assert.Equal("", row);
            }
        }

        Assert.True(linked > 5000, $"{linked} linked records");

        // The report reads the rows and writes the same files.
        foreach (var links in new[] { "rows", "plain" })
        {
            Assert.Equal(0, CliApp.Run(["report", "--register", register, "--records", records, "--links", Path.Combine(_dir, links, "links.csv"),
                "--as-of", "2022-06-30", "--out", Path.Combine(_dir, "report-" + links)], new StringWriter(), new StringWriter()));
        }

        var files = Directory.GetFiles(Path.Combine(_dir, "report-plain"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(_dir, "report-plain"), f)).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        Assert.Equal(files, Directory.GetFiles(Path.Combine(_dir, "report-rows"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(_dir, "report-rows"), f)).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(_dir, "report-plain", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_dir, "report-rows", file))), file);
        }
    }

    [Theory]
    [InlineData("--silos", "2")]
    [InlineData("--cluster", "client.json")]
    [InlineData("--config", "c.json")]
    public void Run_RegisterRowsWithSilosClusterOrConfigMode_ExitsWithTwoSayingWhy(string option, string value)
    {
        var error = new StringWriter();
        string[] args = option switch
        {
            "--silos" => ["link", "--register", Path.Combine(_dir, "register.csv"), "--records", Path.Combine(_dir, "records.csv"), "--out", Path.Combine(_dir, "out"), option, value, "--register-rows"],
            "--cluster" => ["link", option, value, "--records", Path.Combine(_dir, "records.csv"), "--out", Path.Combine(_dir, "out"), "--register-rows"],
            _ => ["link", option, value, "--left", "a.csv", "--right", "b.csv", "--out", Path.Combine(_dir, "out"), "--register-rows"],
        };

        var code = CliApp.Run(args, new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("--register-rows", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "out", "links.csv")));
    }

    [Fact]
    public void Run_RegisterWithoutRecords_ExitsWithTwoSayingWhatIsMissing()
    {
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--register", Path.Combine(_dir, "register.csv"), "--out", Path.Combine(_dir, "out")],
            new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("--records is required", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RecordsWithoutIdColumn_ExitsWithTwoNamingFileAndColumn()
    {
        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(bad, "citizen_id,full_name\n001190012345,An\n");
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--register", Path.Combine(_dir, "register.csv"), "--records", bad, "--out", Path.Combine(_dir, "out")],
            new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("bad.csv, row 1, column record_id: the header has no 'record_id', 'date_of_birth', ", error.ToString(), StringComparison.Ordinal);
    }

    private (int Code, string Output, string Error) Link(string register, string records, string? outDir = null)
    {
        var registerPath = Path.Combine(_dir, "r-register.csv");
        var recordsPath = Path.Combine(_dir, "r-records.csv");
        File.WriteAllText(registerPath, register.ReplaceLineEndings("\n") + "\n");
        File.WriteAllText(recordsPath, records.ReplaceLineEndings("\n") + "\n");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(["link", "--register", registerPath, "--records", recordsPath, "--out", outDir ?? Path.Combine(_dir, "out")],
            output, error);
        return (code, output.ToString(), error.ToString());
    }

    private Dictionary<string, string[]> Links() =>
        File.ReadAllLines(Path.Combine(_dir, "out", "links.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0]);

    private static void AssertNoPersonalData(string text)
    {
        foreach (var secret in (string[])["Nguyễn", "Minh Anh", "001190012345", "0912345678", "Trần", "079085001122"])
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RecordRowWithTooManyFields_ExitsWithTwoNamingRowWithoutPersonalData()
    {
        var records = Records + "\nR6,001190012345,Nguyễn Thị Minh Anh,1990-05-03,F,0912345678,,,,,VN,208,2021-09-01,1,S1,,extra";

        var (code, output, error) = Link(Register, records);

        Assert.Equal(2, code);
        Assert.Contains("r-records.csv, row 7: 17 fields where the header has 16", error, StringComparison.Ordinal);
        AssertNoPersonalData(output + error);
    }

    [Fact]
    public void Run_RegisterRowWithTooFewFields_ExitsWithTwoNamingRowWithoutPersonalData()
    {
        var register = Register + "\nP4,001190012345,Nguyễn Thị Minh Anh,1990-05-03";

        var (code, output, error) = Link(register, Records);

        Assert.Equal(2, code);
        Assert.Contains("r-register.csv, row 5: 4 fields where the header has 11", error, StringComparison.Ordinal);
        AssertNoPersonalData(output + error);
    }

    [Fact]
    public void Run_RecordRowWithUnclosedQuote_ExitsWithTwoWithoutPersonalData()
    {
        var records = Records + "\nR6,001190012345,\"Nguyễn Thị Minh Anh,1990-05-03,F,0912345678,,,,,VN,208,2021-09-01,1,S1,";

        var (code, output, error) = Link(Register, records);

        Assert.Equal(2, code);
        Assert.Contains("r-records.csv, row ", error, StringComparison.Ordinal);
        AssertNoPersonalData(output + error);
    }

    [Fact]
    public void Run_OutIsAnExistingFile_ExitsWithTwo()
    {
        var file = Path.Combine(_dir, "a-file");
        File.WriteAllText(file, "x");

        var (code, _, error) = Link(Register, Records, file);

        Assert.Equal(2, code);
        Assert.Contains("is a file", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RegisterWithoutDateOfBirthColumn_ExitsWithTwoNamingFileAndColumn()
    {
        var register = string.Join('\n', Register.ReplaceLineEndings("\n").Split('\n').Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 3))));

        var (code, _, error) = Link(register, Records);

        Assert.Equal(2, code);
        Assert.Contains("r-register.csv, row 1, column date_of_birth: the header has no 'date_of_birth' column", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnreadableValues_ReportedAsInvalidAndCountedPerColumn()
    {
        var records = """
            record_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality,vaccine_code,dose_date,dose_number,site_id,priority_group
            R1,001190012345,Nguyễn Thị Minh Anh,1990-13-45,X,abc,,99999,,,VN,208,2021-09-01,1,S1,
            """;

        var (code, output, error) = Link(Register, records);

        Assert.True(code == 0, error);
        var differing = Links()["R1"][4].Split(';');
        Assert.Contains("date_of_birth:invalid", differing);
        Assert.Contains("sex:invalid", differing);
        Assert.DoesNotContain("date_of_birth:missing", differing);
        Assert.Contains("r-records.csv: unreadable values", output, StringComparison.Ordinal);
        Assert.Contains("date_of_birth 1, sex 1, phone 1, province_code/commune_code 1", output, StringComparison.Ordinal);
        AssertNoPersonalData(output.Replace("r-records.csv", "", StringComparison.Ordinal) + error);
    }

    [Fact]
    public void Run_DuplicatePersonId_ExitsWithTwoNamingBothRows()
    {
        var register = Register + "\nP2,001190012399,Lê Văn Tám,1990-05-03,M,,,,new,,VN";

        var (code, _, error) = Link(register, Records);

        Assert.Equal(2, code);
        Assert.Contains("r-register.csv, rows 3 and 5: the same person_id", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DuplicateRecordId_ExitsWithTwoNamingBothRows()
    {
        var records = Records + "\nR1,,Lê Văn Tám,1990-05-03,M,,,,,,VN,208,2021-09-01,1,S1,";

        var (code, _, error) = Link(Register, records);

        Assert.Equal(2, code);
        Assert.Contains("r-records.csv, rows 2 and 7: the same record_id", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TwoRegisterPeopleShareTheRecordsIdentity_AmbiguousWithoutPersonAndSaysWhy()
    {
        var register = Register + "\nP4,001190012345,Nguyễn Thị Minh Anh,1990-05-03,F,0912345678,,,new,,VN";

        var (code, _, error) = Link(register, Records);

        Assert.True(code == 0, error);
        var r1 = Links()["R1"];
        Assert.Equal("ambiguous", r1[2]);
        Assert.Equal("", r1[1]);
        Assert.StartsWith("ambiguous:shared_citizen_id", r1[4], StringComparison.Ordinal);
        var explanation = File.ReadAllLines(Path.Combine(_dir, "out", "explanations.csv")).Single(l => l.StartsWith("R1,", StringComparison.Ordinal));
        Assert.EndsWith(",ambiguous,shared_citizen_id,P4", explanation, StringComparison.Ordinal);
        Assert.StartsWith("R1,P1,", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LinkWithATypoInTheIdentityNumber_CountedByKind()
    {
        var (code, output, error) = Link(Register, Records);

        Assert.True(code == 0, error);
        Assert.Equal("differs", Links()["R2"][2]);
        Assert.Contains("links despite a differing identity number: 1 (", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TrainOnTruthWithRegister_IsAUsageError()
    {
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--register", Path.Combine(_dir, "register.csv"), "--records", Path.Combine(_dir, "records.csv"),
            "--out", Path.Combine(_dir, "out-train"), "--train-on-truth"], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("--train-on-truth belongs to config mode", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "out-train")));
    }

    [Fact]
    public void Help_SaysWhichModeEachOptionBelongsTo()
    {
        var output = new StringWriter();

        Assert.Equal(0, CliApp.Run(["link", "--help"], output, new StringWriter()));

        var help = output.ToString().ReplaceLineEndings("\n");
        foreach (var option in new[] { "--register", "--records" })
        {
            Assert.Matches(option + @"\s[^\n]*\[register mode\]", help);
        }

        foreach (var option in new[] { "--config", "--left", "--right", "--train-on-truth" })
        {
            Assert.Matches(option + @"[^\n]*\[config mode\]", help);
        }

        Assert.Contains("explanations.csv in register mode", help, StringComparison.Ordinal);
        Assert.Contains("model.json in config mode", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ControlCharacterInRecordId_ExitsTwoNamingRowAndColumn()
    {
        var records = Path.Combine(_dir, "nul-records.csv");
        var lines = File.ReadAllLines(Path.Combine(_dir, "records.csv"));
        lines[2] = "R\0X" + lines[2][lines[2].IndexOf(',', StringComparison.Ordinal)..];
        File.WriteAllLines(records, lines);
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--register", Path.Combine(_dir, "register.csv"), "--records", records, "--out", Path.Combine(_dir, "out-nul")],
            new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("nul-records.csv, row 3, column record_id: holds a control character", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\0", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LinksAndExplanations_EndEveryLineWithCrLf()
    {
        Assert.Equal(0, CliApp.Run(["link", "--register", Path.Combine(_dir, "register.csv"), "--records", Path.Combine(_dir, "records.csv"),
            "--out", Path.Combine(_dir, "out-crlf")], new StringWriter(), new StringWriter()));

        foreach (var file in new[] { "links.csv", "explanations.csv" })
        {
            var text = File.ReadAllText(Path.Combine(_dir, "out-crlf", file));
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);
        }
    }
}
