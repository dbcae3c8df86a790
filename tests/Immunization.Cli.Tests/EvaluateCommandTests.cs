using System.Globalization;
using nietras.SeparatedValues;

namespace Immunization.Cli.Tests;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "immunization-evaluate-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Evaluate_GeneratedRecords_EveryRowInDosesOrRejectsOnce()
    {
        var data = Path.Combine(_root, "data");
        Assert.Equal(0, Run("generate", "--people", "400", "--seed", "3", "--out", data).Exit);
        var records = Path.Combine(data, "records.csv");
        // Two hostile rows: a date that does not exist, and a row with neither identity number, name nor date of birth.
        var header = File.ReadLines(records).First();
        File.AppendAllText(records, "BAD1,,Nguyễn Văn An,1990-01-01,M,,,,,,VN,208,2021-02-30,1,,\r\nBAD2,,,,M,,,,,,VN,208,2021-10-01,1,,\r\n");
        var outDir = Path.Combine(_root, "out");

        var (exit, output, error) = Run("evaluate", "--records", records, "--as-of", "2022-12-31", "--out", outDir);

        Assert.True(exit == 0, error);
        var ids = Column(records, "record_id");
        var doses = Column(Path.Combine(outDir, "doses.csv"), "record_id");
        var rejectRows = Column(Path.Combine(outDir, "rejects.csv"), "row").Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList();
        var rejected = rejectRows.Select(r => ids[r - 2]).ToList(); // row 1 is the header
        Assert.Equal(ids.Order(StringComparer.Ordinal), doses.Concat(rejected).Order(StringComparer.Ordinal));
        Assert.Contains("BAD1", rejected);
        Assert.Contains("BAD2", rejected);
        var rejects = File.ReadAllText(Path.Combine(outDir, "rejects.csv"));
        Assert.Contains("dose_date", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("2021-02-30", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn", rejects, StringComparison.Ordinal);
        Assert.Contains($"{ids.Count} records", output, StringComparison.Ordinal);
        Assert.NotEmpty(header);
    }

    [Fact]
    public void Evaluate_PeopleFile_OneRowPerPersonWithAStatus()
    {
        var data = Path.Combine(_root, "data");
        Run("generate", "--people", "300", "--seed", "5", "--out", data);
        var outDir = Path.Combine(_root, "out");

        var (exit, _, _) = Run("evaluate", "--records", Path.Combine(data, "records.csv"), "--as-of", "2022-12-31", "--out", outDir);

        Assert.Equal(0, exit);
        var statuses = Column(Path.Combine(outDir, "people.csv"), "status");
        var keys = Column(Path.Combine(outDir, "people.csv"), "person_key");
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(statuses, s => Assert.Contains(s, new[] { "not_vaccinated", "partially_vaccinated", "primary_series_complete", "boosted", "second_booster" }));
        Assert.Contains("boosted", statuses);
        var doseKeys = Column(Path.Combine(outDir, "doses.csv"), "person_key").ToHashSet(StringComparer.Ordinal);
        Assert.True(doseKeys.SetEquals(keys));
    }

    [Fact]
    public void Evaluate_WithLinks_PeopleKeyedByRegisterPersonOrCluster()
    {
        var data = Path.Combine(_root, "data");
        Run("generate", "--people", "300", "--seed", "9", "--out", data);
        var linkDir = Path.Combine(_root, "links");
        Assert.Equal(0, Run("link", "--register", Path.Combine(data, "register.csv"), "--records", Path.Combine(data, "records.csv"), "--out", linkDir).Exit);
        var outDir = Path.Combine(_root, "out");

        var (exit, _, error) = Run("evaluate", "--records", Path.Combine(data, "records.csv"), "--links", Path.Combine(linkDir, "links.csv"), "--as-of", "2022-12-31", "--out", outDir);

        Assert.True(exit == 0, error);
        var linkPath = Path.Combine(linkDir, "links.csv");
        var expected = Column(linkPath, "person_id").Zip(Column(linkPath, "cluster_id"), (p, c) => p.Length > 0 ? p : c).ToList();
        var byRecord = Column(linkPath, "record_id").Zip(expected).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
        var doses = Path.Combine(outDir, "doses.csv");
        Assert.All(Column(doses, "record_id").Zip(Column(doses, "person_key")), x => Assert.Equal(byRecord[x.First], x.Second));
        Assert.Equal(byRecord.Values.Distinct(StringComparer.Ordinal).Count(), Column(Path.Combine(outDir, "people.csv"), "person_key").Count);
    }

    [Fact]
    public void Evaluate_ThenReport_DoseDatesAndValidityCarryOver()
    {
        var data = Path.Combine(_root, "data");
        Run("generate", "--people", "300", "--seed", "11", "--out", data);
        var linkDir = Path.Combine(_root, "links");
        Assert.Equal(0, Run("link", "--register", Path.Combine(data, "register.csv"), "--records", Path.Combine(data, "records.csv"), "--out", linkDir).Exit);
        var links = Path.Combine(linkDir, "links.csv");
        var evalDir = Path.Combine(_root, "eval");
        Assert.Equal(0, Run("evaluate", "--records", Path.Combine(data, "records.csv"), "--links", links, "--as-of", "2022-12-31", "--out", evalDir).Exit);
        var people = Path.Combine(evalDir, "people.csv");
        var doses = Path.Combine(evalDir, "doses.csv");

        // people.csv's first and second dose dates are those of the person's valid doses 1 and 2 in doses.csv.
        var validDoses = Column(doses, "person_key").Zip(Column(doses, "evaluation"), Column(doses, "dose_number"))
            .Zip(Column(doses, "dose_date"), (x, date) => (Key: x.First, Evaluation: x.Second, Number: x.Third, Date: date))
            .Where(d => d.Evaluation == "valid").ToList();
        var keys = Column(people, "person_key");
        var firsts = Column(people, "first_dose_date");
        var seconds = Column(people, "second_dose_date");
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(validDoses.Where(d => d.Key == keys[i] && d.Number == "1").Select(d => d.Date).FirstOrDefault() ?? "", firsts[i]);
            Assert.Equal(validDoses.Where(d => d.Key == keys[i] && d.Number == "2").Select(d => d.Date).FirstOrDefault() ?? "", seconds[i]);
        }

        Assert.Contains(seconds, s => s.Length > 0);

        var (exit, _, error) = Run("report", "--register", Path.Combine(data, "register.csv"), "--records", Path.Combine(data, "records.csv"),
            "--links", links, "--people", people, "--doses", doses, "--as-of", "2022-12-31", "--out", Path.Combine(_root, "report"));

        Assert.True(exit == 0, error);
        var indicators = File.ReadAllLines(Path.Combine(_root, "report", "indicators.csv"));
        Assert.Contains(indicators, l => l.StartsWith(string.Create(CultureInfo.InvariantCulture, $"doses_valid,none,VN,Việt Nam,20221231,all,{validDoses.Count},"), StringComparison.Ordinal));
        Assert.Contains(indicators, l => l.StartsWith("dropout_dose1_dose2,none,VN,", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_PriorityGroupColumn_AGroupFromTheDoseDateOfItsRecord()
    {
        // Two 30-year-olds with three Pfizer doses; each names group 1 (health workers, high exposure: dose 4 allowed,
        // thanhnien 05/2022) on one record: A on dose 3 (before --as-of), B on a record after --as-of (not yet in effect).
        Directory.CreateDirectory(_root);
        var records = Path.Combine(_root, "records.csv");
        const string header = "record_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality,vaccine_code,dose_date,dose_number,site_id,priority_group";
        File.WriteAllLines(records,
        [
            header,
            "A1,,Trần Thị Bình,1992-03-01,F,,,,,,VN,208,2021-09-01,1,,",
            "A2,,Trần Thị Bình,1992-03-01,F,,,,,,VN,208,2021-09-22,2,,",
            "A3,,Trần Thị Bình,1992-03-01,F,,,,,,VN,208,2022-01-22,3,,1",
            "B1,,Lê Văn Cường,1992-03-01,M,,,,,,VN,208,2021-09-01,1,,",
            "B2,,Lê Văn Cường,1992-03-01,M,,,,,,VN,208,2021-09-22,2,,",
            "B3,,Lê Văn Cường,1992-03-01,M,,,,,,VN,208,2022-01-22,3,,",
            "B4,,Lê Văn Cường,1992-03-01,M,,,,,,VN,208,2022-09-01,4,,1",
        ]);
        var outDir = Path.Combine(_root, "out");

        var (exit, _, error) = Run("evaluate", "--records", records, "--as-of", "2022-08-01", "--out", outDir);

        Assert.True(exit == 0, error);
        var people = Path.Combine(outDir, "people.csv");
        Assert.Equal(["R:A1", "R:B1"], Column(people, "person_key"));
        Assert.Equal(["1", ""], Column(people, "priority_groups"));
        Assert.Equal(["schedule", "not_in_second_booster_group"], Column(people, "rule"));
        Assert.Equal(["2022-05-22", ""], Column(people, "earliest"));
    }

    [Fact]
    public void Evaluate_BadAsOf_UsageError()
    {
        var (exit, _, error) = Run("evaluate", "--records", "x.csv", "--as-of", "31/12/2022", "--out", _root);

        Assert.Equal(2, exit);
        Assert.Contains("--as-of", error, StringComparison.Ordinal);
    }

    private static List<string> Column(string path, string name)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        return reader.Enumerate(row => row[name].ToString()).ToList();
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
