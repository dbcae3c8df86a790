using nietras.SeparatedValues;

namespace Immunization.Cli.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "immunization-demo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Demo_SmallProvince_RunsEveryStepAndAccountsForEveryRecord()
    {
        var (exit, output, error) = Run("demo", "--people", "300", "--seed", "2", "--out", _root);

        Assert.True(exit == 0, error);
        foreach (var file in new[] { Path.Combine("report", "indicators.csv"), Path.Combine("eval", "people.csv"), Path.Combine("eval", "doses.csv"), Path.Combine("links", "links.csv") })
        {
            Assert.True(File.Exists(Path.Combine(_root, file)), file);
        }

        int records = Rows(Path.Combine(_root, "data", "records.csv"));
        Assert.True(records > 0);
        Assert.Equal(records, Rows(Path.Combine(_root, "eval", "doses.csv")) + Rows(Path.Combine(_root, "eval", "rejects.csv")));
        Assert.Contains("== step 2/4: verify every record against the register (link)", output, StringComparison.Ordinal);
        Assert.Contains("== step 4/4:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_SmallProvince_WritesTheHtmlReportAndEndsWithTheSummaryTables()
    {
        var (exit, output, error) = Run("demo", "--people", "400", "--seed", "3", "--out", _root);

        Assert.True(exit == 0, error);
        string html = File.ReadAllText(Path.Combine(_root, "report", "report.html"));
        Assert.Contains("<svg ", html, StringComparison.Ordinal);
        Assert.Contains("href=\"indicators.csv\"", html, StringComparison.Ordinal);
        foreach (var log in new[] { "generate", "link", "evaluate", "report" })
        {
            Assert.True(File.Exists(Path.Combine(_root, "logs", log + ".log")), log);
        }

        // Redirected output stays plain: no escape sequences, and the tables follow the steps.
        Assert.DoesNotContain('\u001b', output);
        int tables = output.IndexOf("Coverage by age group (country)", StringComparison.Ordinal);
        Assert.True(tables > output.IndexOf("== step 4/4:", StringComparison.Ordinal), output);
        Assert.Contains("Data quality (country)", output, StringComparison.Ordinal);
        Assert.Contains("Commune work lists: ", output, StringComparison.Ordinal);
        Assert.Contains("Against the generator's ground truth", output, StringComparison.Ordinal);

        // The summary's figures are the tidy table's: the country's population for all ages appears in the age table.
        string population = File.ReadLines(Path.Combine(_root, "report", "indicators.csv")).Single(l => l.StartsWith("population,none,VN,", StringComparison.Ordinal) && l.Contains(",all,", StringComparison.Ordinal)).Split(',')[6];
        Assert.Matches(@"│ all\s+│\s+" + population + @" │", output);
    }

    [Fact]
    public void Demo_ZeroPeople_ExitsTwoWithAMessage()
    {
        var (exit, output, error) = Run("demo", "--people", "0", "--out", _root);

        Assert.Equal(2, exit);
        Assert.Contains("--people", error, StringComparison.Ordinal);
        Assert.DoesNotContain("== step", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_root));
    }

    [Fact]
    public void Demo_NegativeSeed_ExitsTwo()
    {
        var (exit, _, _) = Run("demo", "--people", "10", "--seed", "-1", "--out", _root);

        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(_root));
    }

    private static int Rows(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        return reader.Enumerate(row => 0).Count();
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
