using System.Globalization;
using nietras.SeparatedValues;
using Spectre.Console;

namespace Immunization.Cli;

/// <summary>
/// The demo's closing tables, read back from the files the steps wrote (the tidy table, the links, the work lists and the
/// generator's ground truth), so they show what a user of the files would see.
/// </summary>
internal static class DemoSummary
{
    private static readonly (string Indicator, string Label)[] s_doses =
    [
        ("people_1plus", ">=1 dose %"), ("people_primary_complete", "primary complete %"), ("people_boosted", "boosted %"), ("people_second_booster", "2nd booster %"),
    ];

    public static void Write(IAnsiConsole console, string data, string linksCsv, string report)
    {
        var c = CultureInfo.InvariantCulture;
        var country = new Dictionary<(string Indicator, string Disaggregation), (string Numerator, string Denominator, string Value, string Flags)>();
        var order = new List<(string Indicator, string Disaggregation)>();
        using (var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(Path.Combine(report, "indicators.csv")))
        {
            foreach (var row in reader)
            {
                if (row["unit_code"].Span.SequenceEqual("VN"))
                {
                    var key = (row["indicator"].ToString(), row["disaggregation"].ToString());
                    country[key] = (row["numerator"].ToString(), row["denominator"].ToString(), row["value"].ToString(), row["flags"].ToString());
                    order.Add(key);
                }
            }
        }

        string Pct(string indicator, string disaggregation) =>
            country.TryGetValue((indicator, disaggregation), out var f) && f.Value.Length > 0 ? Round(f.Value) : "-";

        var ages = new Table { Title = new TableTitle("Coverage by age group (country)") };
        ages.AddColumn("age group");
        ages.AddColumn(new TableColumn("people").RightAligned());
        foreach (var (_, label) in s_doses)
        {
            ages.AddColumn(new TableColumn(label).RightAligned());
        }

        foreach (var (indicator, disaggregation) in order.Where(k => k.Indicator == "population" && (k.Disaggregation == "all" || k.Disaggregation.StartsWith("age:", StringComparison.Ordinal))))
        {
            ages.AddRow([disaggregation, country[(indicator, disaggregation)].Numerator, .. s_doses.Select(d => Pct(d.Indicator, disaggregation))]);
        }

        console.Write(ages);

        var quality = new Table { Title = new TableTitle("Data quality (country)") };
        quality.AddColumn("indicator");
        quality.AddColumn("disaggregation");
        quality.AddColumn(new TableColumn("numerator").RightAligned());
        quality.AddColumn(new TableColumn("denominator").RightAligned());
        quality.AddColumn(new TableColumn("value").RightAligned());
        quality.AddColumn("flags");
        foreach (var key in order.Where(k => k.Indicator.StartsWith("records_", StringComparison.Ordinal) || k.Indicator.StartsWith("register_", StringComparison.Ordinal)
            || k.Indicator is "coverage_over_100" or "dropout_negative" or "doses_backlog" or "doses_entered_per_given"))
        {
            var f = country[key];
            quality.AddRow(Markup.Escape(key.Indicator), Markup.Escape(key.Disaggregation), f.Numerator, f.Denominator, f.Value, Markup.Escape(f.Flags));
        }

        console.Write(quality);

        var lists = Directory.Exists(Path.Combine(report, "worklists"))
            ? Directory.GetFiles(Path.Combine(report, "worklists"), "*.csv").Select(path => (Path.GetFileNameWithoutExtension(path), Rows(path))).ToList()
            : [];
        console.WriteLine(string.Create(c, $"Commune work lists: {lists.Count} lists, {lists.Sum(l => l.Item2)} records; the largest five:"));
        var listTable = new Table();
        listTable.AddColumn("list");
        listTable.AddColumn(new TableColumn("records").RightAligned());
        foreach (var (id, count) in lists.OrderByDescending(l => l.Item2).ThenBy(l => l.Item1, StringComparer.Ordinal).Take(5))
        {
            listTable.AddRow(Markup.Escape(id), count.ToString(c));
        }

        console.Write(listTable);

        // The generator knows who each record truly belongs to: compare the linker's and the report's figures with it.
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(Path.Combine(data, "truth.csv")))
        {
            foreach (var row in reader)
            {
                truth[row["record_id"].ToString()] = row["person_id"].ToString();
            }
        }

        long attached = 0;
        long right = 0;
        using (var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(linksCsv))
        {
            foreach (var row in reader)
            {
                string person = row["person_id"].ToString();
                if (person.Length == 0)
                {
                    continue;
                }

                attached++;
                if (truth.TryGetValue(row["record_id"].ToString(), out var real) && real == person)
                {
                    right++;
                }
            }
        }

        long truePeople = truth.Values.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).LongCount();
        long trueRecords = truth.Values.LongCount(p => p.Length > 0);
        string reported = country.TryGetValue(("people_1plus", "all"), out var one) ? one.Numerator : "-";
        var compare = new Table { Title = new TableTitle("Against the generator's ground truth") };
        compare.AddColumn("figure");
        compare.AddColumn(new TableColumn("truth").RightAligned());
        compare.AddColumn(new TableColumn("found").RightAligned());
        compare.AddRow("records of a register person / records linked to one", trueRecords.ToString(c), attached.ToString(c));
        compare.AddRow("records linked: of them, to their true person", attached.ToString(c), string.Create(c, $"{right} ({(attached == 0 ? 0 : right * 100.0 / attached):0.00} %)"));
        compare.AddRow("people with >=1 dose record (truth) / >=1 valid dose (report)", truePeople.ToString(c), reported);
        console.Write(compare);
    }

    private static string Round(string value) =>
        Math.Round(double.Parse(value, CultureInfo.InvariantCulture), 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    private static int Rows(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        return reader.Enumerate(_ => 0).Count();
    }
}
