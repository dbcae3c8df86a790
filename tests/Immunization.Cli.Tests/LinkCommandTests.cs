using Immunization.Cli;
using Immunization.Tests.Shared;

namespace Immunization.Cli.Tests;

public sealed class LinkCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "link-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    internal static string Sample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"samples/{name} not found.");
    }

    [Fact]
    public void Run_LinkFebrl4WithTruth_PrintsPerfectF1AndWritesOneLinePerLink()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--config", Sample("febrl4.json"), "--left", SharedDatasets.Path("febrl/dataset4a.csv"),
            "--right", SharedDatasets.Path("febrl/dataset4b.csv"), "--out", _out, "--truth"], output, error);

        Assert.Equal(0, code);
        Assert.Contains("blocking kept 5000 (100.00 %)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("precision 1.0000, recall 1.0000, F1 1.0000", output.ToString(), StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(_out, "links.csv"));
        Assert.StartsWith("left_rec_id,right_rec_id,decision,weight,probability,given_name_level,given_name_weight", lines[0],
            StringComparison.Ordinal);
        Assert.Equal(5000, lines.Count(l => l.Contains(",match,", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(_out, "model.json")));
    }

    [Fact]
    public void Run_VietnamSampleOnGeneratedFiles_LinksAndNamesAMissingResidenceColumn()
    {
        var data = Path.Combine(_out, "data");
        Assert.Equal(0, CliApp.Run(["generate", "--people", "400", "--seed", "5", "--out", data], new StringWriter(), new StringWriter()));
        var register = Path.Combine(data, "register.csv");
        var records = Path.Combine(data, "records.csv");

        var output = new StringWriter();
        var code = CliApp.Run(["link", "--config", Sample("vietnam-register.json"), "--left", register, "--right", records,
            "--out", Path.Combine(_out, "links")], output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("matches:", output.ToString(), StringComparison.Ordinal);

        // The residence field reads three columns: a register without admin_scheme is refused, naming the column.
        var lines = File.ReadAllLines(register);
        var scheme = Array.IndexOf(lines[0].Split(','), "admin_scheme");
        Assert.True(scheme > 0);
        File.WriteAllLines(register, lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != scheme))));
        var error = new StringWriter();

        code = CliApp.Run(["link", "--config", Sample("vietnam-register.json"), "--left", register, "--right", records,
            "--out", Path.Combine(_out, "links2")], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("admin_scheme", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DedupeFebrl3WithTruth_PrintsF1AndWritesEveryRecordsCluster()
    {
        var output = new StringWriter();

        var code = CliApp.Run(["dedupe", "--config", Sample("febrl3.json"), "--input", SharedDatasets.Path("febrl/dataset3.csv"),
            "--out", _out, "--truth"], output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Matches(@"F1 0\.999\d|F1 1\.0000", output.ToString());
        var clusters = File.ReadAllLines(Path.Combine(_out, "clusters.csv"));
        Assert.Equal(5001, clusters.Length);
        Assert.Equal("rec_id,cluster_id", clusters[0]);
    }

    [Fact]
    public void Run_DedupeWithoutIdColumn_NamesAClusterByItsSmallestRowNumber()
    {
        Directory.CreateDirectory(_out);
        var input = Path.Combine(_out, "a.csv");
        // Rows 2 and 10 are one person: "10" sorts before "2" as text, but row 2 comes first.
        File.WriteAllLines(input, ["name,dob", .. Enumerable.Range(1, 11).Select(i => i is 2 or 10 ? "tran thi bich,19900101" : $"person{i},19{50 + i}0505")]);
        var config = Path.Combine(_out, "c.json");
        File.WriteAllText(config, """
            {
              "fields": [
                { "name": "name", "levels": [ { "comparator": "exact", "m": 0.9 } ] },
                { "name": "dob", "levels": [ { "comparator": "exact", "m": 0.9 } ] }
              ],
              "blocking": [ { "on": [ "dob" ] } ],
              "decision": { "matchWeight": 5 }
            }
            """);

        var error = new StringWriter();
        var code = CliApp.Run(["dedupe", "--config", config, "--input", input, "--out", _out], new StringWriter(), error);

        Assert.Equal(0, code);
        // Every m is fixed: EM has no m to get wrong, so its one-candidate degeneracy is not worth a warning.
        Assert.DoesNotContain("warning", error.ToString(), StringComparison.Ordinal);
        var clusters = File.ReadAllLines(Path.Combine(_out, "clusters.csv"));
        Assert.Equal("row,cluster_id", clusters[0]);
        Assert.Equal("2,2", clusters[2]);
        Assert.Equal("10,2", clusters[10]);
        Assert.Equal("11,11", clusters[11]);
        Assert.Equal("2,10,match", string.Join(',', File.ReadAllLines(Path.Combine(_out, "pairs.csv"))[1].Split(',')[..3]));
    }

    [Fact]
    public void Run_LinkWithInvalidConfiguration_ExitsWithTwoNamingFileAndField()
    {
        Directory.CreateDirectory(_out);
        var config = Path.Combine(_out, "bad.json");
        File.WriteAllText(config, """{ "fields": [ { "name": "x", "levels": [ { "comparator": "jaroWinkler" } ] } ], "blocking": [ { "on": ["x"] } ] }""");
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--config", config, "--left", SharedDatasets.Path("febrl/dataset4a.csv"),
            "--right", SharedDatasets.Path("febrl/dataset4b.csv"), "--out", _out], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("bad.json", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("field 'x', level 0 ('jaroWinkler')", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LinkWithMissingColumn_ExitsWithTwoNamingTheColumn()
    {
        Directory.CreateDirectory(_out);
        var input = Path.Combine(_out, "a.csv");
        File.WriteAllText(input, "rec_id,other\n1,x\n");
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--config", Sample("febrl4.json"), "--left", input, "--right", input, "--out", _out],
            new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("a.csv: no column 'given_name', which field 'given_name' in ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("febrl4.json", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DedupeRowWithTooManyFields_ExitsWithTwoNamingRowWithoutItsValues()
    {
        Directory.CreateDirectory(_out);
        var input = Path.Combine(_out, "a.csv");
        File.WriteAllText(input, "rec_id,given_name,surname\nr1,Secretname,Hiddensurname\nr2,Secretname,Hiddensurname,extra\n");
        var error = new StringWriter();
        var output = new StringWriter();

        var code = CliApp.Run(["dedupe", "--config", Sample("febrl3.json"), "--input", input, "--out", _out], output, error);

        Assert.Equal(2, code);
        Assert.Contains("a.csv, row 3: 4 fields where the header has 3", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Secretname", error.ToString() + output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LinkRowWithUnclosedQuote_ExitsWithTwoWithoutItsValues()
    {
        Directory.CreateDirectory(_out);
        var input = Path.Combine(_out, "a.csv");
        File.WriteAllText(input, "rec_id,given_name,surname\nr1,\"Secretname,Hiddensurname\nr2,x,y\n");
        var error = new StringWriter();
        var output = new StringWriter();

        var code = CliApp.Run(["link", "--config", Sample("febrl4.json"), "--left", input, "--right", input, "--out", _out], output, error);

        Assert.Equal(2, code);
        Assert.Contains("a.csv, row ", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Secretname", error.ToString() + output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hiddensurname", error.ToString() + output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DedupeBlockingOnlyOnIdentityNumber_WarnsThatEmDegenerated()
    {
        Directory.CreateDirectory(_out);
        var config = Path.Combine(_out, "one-rule.json");
        File.WriteAllText(config, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Sample("febrl3.json")),
            @"""blocking"": \[.*?\n  \],", @"""blocking"": [ { ""on"": [ ""soc_sec_id"" ] } ],", System.Text.RegularExpressions.RegexOptions.Singleline));
        var error = new StringWriter();

        var code = CliApp.Run(["dedupe", "--config", config, "--input", SharedDatasets.Path("febrl/dataset3.csv"), "--out", _out],
            new StringWriter(), error);

        Assert.Equal(0, code);
        Assert.Contains("dedupe: warning: EM judged", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Add blocking rules", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DedupeFebrl3SampleConfiguration_NoWarning()
    {
        var error = new StringWriter();

        var code = CliApp.Run(["dedupe", "--config", Sample("febrl3.json"), "--input", SharedDatasets.Path("febrl/dataset3.csv"), "--out", _out],
            new StringWriter(), error);

        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
    }
}
