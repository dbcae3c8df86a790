using System.Globalization;
using Immunization.Cli.Matching;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Records.Files;
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
        foreach (var row in Table(Path.Combine(report, "indicators.csv"), ["unit_code", "indicator", "disaggregation", "numerator", "denominator", "value", "flags"]))
        {
            if (row.Span(0).SequenceEqual("VN"))
            {
                var key = (row.Span(1).ToString(), row.Span(2).ToString());
                country[key] = (row.Span(3).ToString(), row.Span(4).ToString(), row.Span(5).ToString(), row.Span(6).ToString());
                order.Add(key);
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
        var truth = IdentityFiles.ReadTruth(Path.Combine(data, "truth.csv"));

        long attached = 0;
        long right = 0;
        foreach (var row in Table(linksCsv, ["record_id", "person_id"]))
        {
            string person = row.Span(1).ToString();
            if (person.Length == 0)
            {
                continue;
            }

            attached++;
            if (truth.TryGetValue(row.Span(0).ToString(), out var real) && real == person)
            {
                right++;
            }
        }

        long truePeople = truth.Values.OfType<string>().Distinct(StringComparer.Ordinal).LongCount();
        long trueRecords = truth.Values.LongCount(p => p is not null);
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

    private static int Rows(string path) => Table(path, columns: null).Count();

    /// <summary>The rows of one of the demo's own files, read by Core's reader; <paramref name="columns"/> named in this order.</summary>
    private static IEnumerable<StandardCsvReader> Table(string path, IReadOnlyList<string>? columns)
    {
        using var text = StandardFilePaths.OpenText(path);
        var reader = StandardCsvReader.Open(text, Path.GetFileName(path), columns);
        while (reader.Next())
        {
            yield return reader;
        }
    }
}
