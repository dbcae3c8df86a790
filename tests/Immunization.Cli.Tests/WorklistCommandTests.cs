using Immunization.Cli;

namespace Immunization.Cli.Tests;

/// <summary>End to end: generate, link, report, the police answer the lists, worklist apply.</summary>
public sealed class WorklistCommandTests : IDisposable
{
    private const int Action = 9;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "worklist-tests-" + Guid.NewGuid().ToString("N"));

    public WorklistCommandTests()
    {
        Directory.CreateDirectory(_dir);
        Assert.Equal(0, Run("generate", "--people", "400", "--seed", "3", "--out", Data).Code);
        Assert.Equal(0, Run("link", "--register", Path.Combine(Data, "register.csv"), "--records", Path.Combine(Data, "records.csv"), "--out", Path.Combine(_dir, "links")).Code);
        var report = Run("report", "--register", Path.Combine(Data, "register.csv"), "--records", Path.Combine(Data, "records.csv"),
            "--links", LinksFile, "--as-of", "2022-06-30", "--out", Path.Combine(_dir, "report"));
        Assert.True(report.Code == 0, report.Error);
        Directory.CreateDirectory(Returned);
    }

    private string Data => Path.Combine(_dir, "data");

    private string LinksFile => Path.Combine(_dir, "links", "links.csv");

    private string Returned => Path.Combine(_dir, "returned");

    private string Out => Path.Combine(_dir, "out");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private (int Code, string Output, string Error) Apply(string? links = null, string? output = null) =>
        Run("worklist", "apply", "--links", links ?? LinksFile, "--register", Path.Combine(Data, "register.csv"), "--records", Path.Combine(Data, "records.csv"),
            "--returned", Returned, "--out", output ?? Out);

    private List<string> Lists() => [.. Directory.GetFiles(Path.Combine(_dir, "report", "worklists")).Order(StringComparer.Ordinal)];

    // Fills the answer columns of every row (the rest of the row as the report wrote it).
    private static string[] Answer(string file, Func<string[], string[]> answer) =>
        [.. File.ReadAllLines(file).Select((line, i) => i == 0 ? line : string.Join(',', answer(line.Split(','))))];

    private static string[] With(string[] fields, string action, params (int Column, string Value)[] values)
    {
        var copy = (string[])fields.Clone();
        copy[Action] = action;
        foreach (var (column, value) in values)
        {
            copy[column] = value;
        }

        return copy;
    }

    private Dictionary<string, string[]> Register() =>
        File.ReadAllLines(Path.Combine(Data, "register.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0]);

    private Dictionary<string, string> Truth() =>
        File.ReadAllLines(Path.Combine(Data, "truth.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);

    [Fact]
    public void Apply_EveryListConfirmed_LinksUnchangedExitZero()
    {
        foreach (var list in Lists())
        {
            File.WriteAllLines(Path.Combine(Returned, Path.GetFileName(list)), Answer(list, f => With(f, "confirmed")));
        }

        var (code, output, error) = Apply();

        Assert.True(code == 0, error);
        Assert.Equal(File.ReadAllText(LinksFile), File.ReadAllText(Path.Combine(Out, "links.csv")));
        int rows = Lists().Sum(l => File.ReadAllLines(l).Length - 1);
        var changes = File.ReadAllLines(Path.Combine(Out, "changes.csv")).Skip(1).ToList();
        Assert.Equal(rows, changes.Count);
        Assert.All(changes, c => Assert.Contains(",confirmed,", c, StringComparison.Ordinal));
        Assert.Equal(Lists().Count + 1, File.ReadAllLines(Path.Combine(Out, "returned-lists.csv")).Length);
        Assert.Contains("problems: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_CorrectionToRegisterValues_RelinksToTruePerson()
    {
        var truth = Truth();
        var register = Register();
        var lists = Lists();
        string? corrected = null;
        string? file = null;
        foreach (var list in lists)
        {
            var row = File.ReadAllLines(list).Skip(1).Select(l => l.Split(',')).FirstOrDefault(f => f[5] == "differs" && truth[f[4]].Length > 0);
            if (row is not null)
            {
                corrected = row[4];
                file = list;
                break;
            }
        }

        Assert.NotNull(corrected);
        var person = register[truth[corrected]];
        File.WriteAllLines(Path.Combine(Returned, Path.GetFileName(file!)), Answer(file!, f => f[4] == corrected
            ? With(f, "corrected", (10, person[1]), (11, person[2]), (12, person[3]), (13, person[4]), (14, person[5]))
            : With(f, "could_not_verify")));

        var (code, _, error) = Apply();

        Assert.True(code == 0, error);
        var change = File.ReadAllLines(Path.Combine(Out, "changes.csv")).Single(l => l.StartsWith(corrected + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal("corrected", change[2]);
        Assert.Equal("differs", change[4]);
        Assert.Equal(truth[corrected], change[7]);
        var link = File.ReadAllLines(Path.Combine(Out, "links.csv")).Single(l => l.StartsWith(corrected + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal(truth[corrected], link[1]);
        Assert.Equal(File.ReadAllLines(LinksFile).Length, File.ReadAllLines(Path.Combine(Out, "links.csv")).Length);

        // The corrected values are in the records written out.
        var record = File.ReadAllLines(Path.Combine(Out, "records.csv")).Single(l => l.StartsWith(corrected + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal(person[2], record[2]);
    }

    [Fact]
    public void Apply_UnknownRecordSecondReturnBadCorrection_ReportedByFileRowColumnRestApplied()
    {
        var lists = Lists().Where(l => File.ReadAllLines(l).Length >= 3).Take(2).ToList();
        Assert.Equal(2, lists.Count);
        string first = Path.GetFileName(lists[0]), second = Path.GetFileName(lists[1]);

        // First list: the first record's date of birth corrected to a date that does not exist, the rest confirmed, and a record that is not on it.
        var answered = Answer(lists[0], f => With(f, "confirmed")).ToList();
        answered[1] = string.Join(',', With(answered[1].Split(','), "corrected", (12, "1990-13-45")));
        var extra = answered[2].Split(',');
        extra[4] = "NOT-A-RECORD";
        answered.Add(string.Join(',', extra));
        File.WriteAllLines(Path.Combine(Returned, first), answered);

        // Second list: confirmed, and sent twice.
        File.WriteAllLines(Path.Combine(Returned, second), Answer(lists[1], f => With(f, "confirmed")));
        File.Copy(Path.Combine(Returned, second), Path.Combine(Returned, "zz-again.csv"));

        var (code, _, error) = Apply();

        Assert.Equal(1, code);
        Assert.Contains(first + ", row 2, column date_of_birth: correction does not parse", error, StringComparison.Ordinal);
        Assert.Contains(first + ", row " + answered.Count + ", column record_id: record is not on this list", error, StringComparison.Ordinal);
        Assert.Contains("zz-again.csv, column list_id:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("1990-13-45", error, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(Out, "problems.csv")).Length - 1);

        // Nothing else lost: every other answer of both lists applied.
        int expected = File.ReadAllLines(lists[0]).Length - 2 + File.ReadAllLines(lists[1]).Length - 1;
        Assert.Equal(expected, File.ReadAllLines(Path.Combine(Out, "changes.csv")).Length - 1);
        Assert.Equal(File.ReadAllText(LinksFile), File.ReadAllText(Path.Combine(Out, "links.csv")));
    }

    [Fact]
    public void Apply_ListReturnedInAnEarlierRun_RefusedSecondTime()
    {
        var list = Lists()[0];
        File.WriteAllLines(Path.Combine(Returned, Path.GetFileName(list)), Answer(list, f => With(f, "confirmed")));
        Assert.Equal(0, Apply().Code);

        var (code, _, error) = Apply(Path.Combine(Out, "links.csv"), Path.Combine(_dir, "out2"));

        Assert.Equal(1, code);
        Assert.Contains("was already returned", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ReturnedListSeparatedBySemicolons_ReportedWithTheReason()
    {
        var lists = Lists();
        var first = Path.GetFileName(lists[0]);
        File.WriteAllLines(Path.Combine(Returned, first), File.ReadAllLines(lists[0]).Select(l => l.Replace(',', ';')));

        var (code, output, error) = Apply();

        Assert.Equal(1, code);
        Assert.Contains(first + ", row 1, column list_id: the column is missing (the header is one column holding ';'", error, StringComparison.Ordinal);
        Assert.Contains("0 returned files (1 more refused: see problems.csv)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_LinksRowOfAnUnknownRecord_ExitsTwoNamingTheRow()
    {
        // A links row renamed to a record records.csv lacks would otherwise vanish from the links.csv written.
        var links = File.ReadAllLines(LinksFile);
        links[2] = "R-NOT-IN-RECORDS" + links[2][links[2].IndexOf(',', StringComparison.Ordinal)..];
        var renamed = Path.Combine(_dir, "renamed-links.csv");
        File.WriteAllLines(renamed, links);

        var (code, _, error) = Apply(links: renamed);

        Assert.Equal(2, code);
        Assert.Contains("renamed-links.csv, row 3, column record_id", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Out, "links.csv")));
    }

    [Fact]
    public void Apply_ReturnedFolderMissing_ExitsTwo()
    {
        var (code, _, error) = Run("worklist", "apply", "--links", LinksFile, "--register", Path.Combine(Data, "register.csv"), "--records",
            Path.Combine(Data, "records.csv"), "--returned", Path.Combine(_dir, "nope"), "--out", Out);

        Assert.Equal(2, code);
        Assert.Contains("--returned", error, StringComparison.Ordinal);
    }
}
