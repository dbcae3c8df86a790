using System.Globalization;
using Immunization.Cli;

namespace Immunization.Cli.Tests;

/// <summary>
/// On generated data, the report's coverage (records linked by the matcher) against the same report with every record
/// linked to its true person (truth.csv): they differ only by what linking got wrong, which the injected errors bound.
/// </summary>
public sealed class ReportTruthComparisonTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "report-truth-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        Assert.True(code == 0, string.Join(' ', args.Take(1)) + ": " + error);
    }

    private Dictionary<string, double> Coverage(string links, string name)
    {
        string data = Path.Combine(_dir, "data");
        Run("evaluate", "--records", Path.Combine(data, "records.csv"), "--links", links, "--as-of", "2022-06-30", "--out", Path.Combine(_dir, "ev-" + name));
        Run("report", "--register", Path.Combine(data, "register.csv"), "--records", Path.Combine(data, "records.csv"), "--links", links,
            "--people", Path.Combine(_dir, "ev-" + name, "people.csv"), "--doses", Path.Combine(_dir, "ev-" + name, "doses.csv"),
            "--as-of", "2022-06-30", "--out", Path.Combine(_dir, "rep-" + name));
        return File.ReadAllLines(Path.Combine(_dir, "rep-" + name, "indicators.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[2] == "VN" && f[5] is "all" or "age:18+" or "age:12-17" && f[8].Length > 0)
            .ToDictionary(f => f[0] + "|" + f[5], f => double.Parse(f[8], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Report_GeneratedPeople_CoverageAgreesWithTruthWithinLinkageErrors()
    {
        string data = Path.Combine(_dir, "data");
        Run("generate", "--people", "5000", "--seed", "1", "--out", data);
        Run("link", "--register", Path.Combine(data, "register.csv"), "--records", Path.Combine(data, "records.csv"), "--out", Path.Combine(_dir, "links"));
        var truthLinks = File.ReadAllLines(Path.Combine(data, "truth.csv")).Skip(1).Select(l => l.Split(','))
            .Select(f => f[1].Length == 0 ? $"{f[0]},,not_found,,,{f[0]}" : $"{f[0]},{f[1]},verified,,,{f[1]}");
        File.WriteAllLines(Path.Combine(_dir, "truth-links.csv"), ["record_id,person_id,outcome,weight,differing_fields,cluster_id", .. truthLinks]);

        // The bound: a record linked to someone other than its true person (or left unlinked) moves at most one person in or
        // out of a people_* numerator, so the figures can differ by at most (such records / population) percentage points;
        // counts of doses entered do not depend on linking at all.
        var truthOf = File.ReadAllLines(Path.Combine(_dir, "truth-links.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
        int wrong = File.ReadAllLines(Path.Combine(_dir, "links", "links.csv")).Skip(1).Select(l => l.Split(',')).Count(f => f[1] != truthOf[f[0]]);
        int population = File.ReadAllLines(Path.Combine(data, "register.csv")).Length - 1;
        double bound = 100.0 * wrong / population;
        Assert.True(bound < 1, $"{wrong} records linked wrongly of a register of {population}: the matcher, not reporting, is off");
        // The files round values to 4 decimals: two rounded values differ by up to 0.0001 more. An age group's denominator is
        // smaller (18+ is about three quarters of the register): its bound is taken on half the register, which covers 12-17 too.
        double Tolerance(string key) => key.StartsWith("doses_entered", StringComparison.Ordinal) ? 0
            : (key.Contains("age:", StringComparison.Ordinal) ? 100.0 * wrong / (population / 2.0) : bound) + 0.0001;

        var linked = Coverage(Path.Combine(_dir, "links", "links.csv"), "links");
        var truth = Coverage(Path.Combine(_dir, "truth-links.csv"), "truth");

        foreach (var key in new[] { "people_1plus|all", "people_1plus|age:18+", "people_primary_complete|all", "people_primary_complete|age:18+", "people_boosted|all", "doses_entered|all" })
        {
            Assert.True(linked.ContainsKey(key) && truth.ContainsKey(key), key);

            Assert.True(Math.Abs(linked[key] - truth[key]) <= Tolerance(key), $"{key}: linked {linked[key]}, truth {truth[key]}");
        }
    }
}
