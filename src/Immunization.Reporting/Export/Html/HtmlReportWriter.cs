using System.Globalization;
using Ardalis.GuardClauses;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Quality;
using Immunization.Reporting.WorkLists;

namespace Immunization.Reporting.Export.Html;

/// <summary>
/// Writes the report as one self-contained HTML page: coverage by age group, by dose, by province and for the communes with
/// the lowest coverage as charts (SVG drawn by ScottPlot, inline, so the page opens with no network), the data-quality
/// figures and flags, and the commune work lists with their due dates and relative links to their CSV files. Every figure
/// on the page is a value of the tidy table written as in it, in an element carrying <c>data-indicator</c>,
/// <c>data-unit</c>, <c>data-disaggregation</c> and <c>data-field</c>, so it can be traced to its row.
/// </summary>
public static class HtmlReportWriter
{
    private const string Country = "VN";

    private static readonly (string Indicator, string Label)[] s_doses =
    [
        (Indicators.PeopleOnePlus, "At least one dose"),
        (Indicators.PeoplePrimaryComplete, "Primary series complete"),
        (Indicators.PeopleBoosted, "Boosted (dose 3)"),
        (Indicators.PeopleSecondBooster, "Second booster (dose 4)"),
    ];

    /// <summary>Writes the page.</summary>
    /// <param name="rows">The tidy table's rows (coverage and data quality), as written to the tidy CSV.</param>
    /// <param name="workLists">The commune work lists.</param>
    /// <param name="options">Title and links.</param>
    /// <param name="writer">Where to write; not closed.</param>
    public static void Write(IReadOnlyList<IndicatorRow> rows, IReadOnlyList<WorkList> workLists, HtmlReportOptions options, TextWriter writer)
    {
        Guard.Against.Null(rows);
        Guard.Against.Null(workLists);
        Guard.Against.Null(options);
        Guard.Against.Null(writer);

        var index = new Dictionary<(string, string, string), IndicatorRow>();
        foreach (var row in rows)
        {
            index.TryAdd((row.Indicator, row.UnitCode, row.Disaggregation), row);
        }

        IndicatorRow? Find(string indicator, string unit, string disaggregation) =>
            index.TryGetValue((indicator, unit, disaggregation), out var r) ? r : null;

        string period = rows.Count > 0 ? rows[0].Period : "";
        var w = writer;
        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        w.Write(E(options.Title));
        w.Write("</title>\n<style>\n");
        w.Write(Style);
        w.Write("</style>\n</head>\n<body>\n<header><h1>");
        w.Write(E(options.Title));
        w.Write("</h1>\n<p>Period <strong>");
        w.Write(E(period));
        w.Write("</strong>. Every figure below is a value of the tidy table <a href=\"");
        w.Write(E(options.TidyTableHref));
        w.Write("\">");
        w.Write(E(options.TidyTableHref));
        w.Write("</a> (percentages are per 100 people; each bar is labelled with its value rounded to one decimal; the table cells it is drawn from are marked <code>data-charted</code>).");
        if (Find(Indicators.Population, Country, "all") is { } population)
        {
            w.Write(" People in the register: ");
            Span(w, population, "numerator");
            w.Write('.');
        }

        w.Write("</p>\n</header>\n<main>\n");

        bool statusKnown = rows.Any(r => r.Indicator == Indicators.PeopleOnePlus);
        if (statusKnown)
        {
            AgeGroups(w, rows, Find);
            Doses(w, Find);
            Provinces(w, rows, Find);
            Communes(w, rows, Find, options);
        }
        else
        {
            w.Write("<section><h2>Coverage</h2><p>People's statuses were not given, so the coverage indicators are omitted.</p></section>\n");
        }

        Quality(w, rows);
        Lists(w, workLists, options);
        w.Write("</main>\n</body>\n</html>\n");
    }

    private static void AgeGroups(TextWriter w, IReadOnlyList<IndicatorRow> rows, Func<string, string, string, IndicatorRow?> find)
    {
        var groups = new List<string> { "all" };
        groups.AddRange(rows.Where(r => r.Indicator == Indicators.Population && r.UnitCode == Country && r.Disaggregation.StartsWith("age:", StringComparison.Ordinal))
            .Select(r => r.Disaggregation).Distinct());
        var labels = groups.Select(g => g == "all" ? "All ages" : g[4..]).ToList();
        var series = s_doses.Select(d => (d.Label, groups.Select(g => find(d.Indicator, Country, g)?.Figure.Value).ToArray())).ToList();
        Section(w, "age", "Coverage by age group", "Country, people with each dose per 100 people of the age group (age in completed years on the reference date; 18+, 50+ and 65+ overlap).");
        w.Write(ChartSvg.Bars("chart-age", labels, series, false, 960, 420, "% of people"));
        w.Write("</figure>\n");
        Table(w, "Age group", labels, groups.Select(g => (Country, g)).ToList(), find, includePopulation: true);
        w.Write("</section>\n");
    }

    private static void Doses(TextWriter w, Func<string, string, string, IndicatorRow?> find)
    {
        var labels = s_doses.Select(d => d.Label).ToList();
        var values = s_doses.Select(d => find(d.Indicator, Country, "all")?.Figure.Value).ToArray();
        Section(w, "dose", "Coverage by dose", "Country, all ages: people with each dose per 100 people.");
        w.Write(ChartSvg.Bars("chart-dose", labels, [("All ages", values)], false, 960, 360, "% of people"));
        w.Write("</figure>\n<table><thead><tr><th>Dose</th><th>People</th><th>Population</th><th>%</th><th>Flags</th></tr></thead><tbody>\n");
        foreach (var (indicator, label) in s_doses)
        {
            w.Write("<tr><th scope=\"row\">");
            w.Write(E(label));
            w.Write("</th>");
            if (find(indicator, Country, "all") is { } row)
            {
                Cell(w, row, "numerator");
                Cell(w, row, "denominator");
                Cell(w, row, "value", charted: true);
                Cell(w, row, "flags");
            }
            else
            {
                w.Write("<td></td><td></td><td></td><td></td>");
            }

            w.Write("</tr>\n");
        }

        w.Write("</tbody></table>\n</section>\n");
    }

    private static void Provinces(TextWriter w, IReadOnlyList<IndicatorRow> rows, Func<string, string, string, IndicatorRow?> find)
    {
        // A province's "commune unresolved" unit is drawn only when people live there: an empty one would be an empty bar.
        var units = rows.Where(r => r.Indicator == Indicators.Population && r.Disaggregation == "all" && r.UnitCode != Country && IsProvince(r.UnitCode)
                && (r.UnitCode.Length == 2 || r.Figure.Numerator > 0))
            .OrderBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
        var labels = units.Select(u => u.UnitName.Length > 0 ? u.UnitName : u.UnitCode).ToList();
        var shown = s_doses.Take(2).ToList();
        var series = shown.Select(d => (d.Label, units.Select(u => find(d.Indicator, u.UnitCode, "all")?.Figure.Value).ToArray())).ToList();
        Section(w, "province", "Coverage by province", "All ages: people with at least one dose and with the primary series complete, per 100 people of the province.");
        w.Write(ChartSvg.Bars("chart-province", labels, series, true, 960, Math.Max(300, 60 + (units.Count * 26)), "% of people"));
        w.Write("</figure>\n");
        Table(w, "Province", labels, units.Select(u => (u.UnitCode, "all")).ToList(), find, includePopulation: true, charted: 2);
        w.Write("</section>\n");
    }

    private static void Communes(TextWriter w, IReadOnlyList<IndicatorRow> rows, Func<string, string, string, IndicatorRow?> find, HtmlReportOptions options)
    {
        var communes = rows.Where(r => r.Indicator == Indicators.PeoplePrimaryComplete && r.Disaggregation == "all" && IsCommune(r.UnitCode)
                && r.Figure.Denominator is > 0 && r.Figure.Value is not null).ToList();
        // In a small register few communes reach the minimum: then the bar is lowered to the size of the k-th largest commune.
        long minimum = Math.Max(1, Math.Min(options.LowestCommunesMinimumPopulation,
            communes.Select(r => r.Figure.Denominator!.Value).OrderDescending().Skip(Math.Max(0, options.LowestCommunes - 1)).FirstOrDefault(1)));
        var lowest = communes.Where(r => r.Figure.Denominator >= minimum)
            .OrderBy(r => r.Figure.Value).ThenBy(r => r.UnitCode, StringComparer.Ordinal)
            .Take(Math.Max(0, options.LowestCommunes)).ToList();
        var labels = lowest.Select(u => u.UnitCode + " " + u.UnitName).ToList();
        var series = s_doses.Take(2).Select(d => (d.Label, lowest.Select(u => find(d.Indicator, u.UnitCode, "all")?.Figure.Value).ToArray())).ToList();
        Section(w, "commune", "Communes with the lowest primary-series coverage", string.Create(CultureInfo.InvariantCulture,
            $"The {lowest.Count} communes of at least {minimum} people with the lowest share of people with the primary series complete, all ages."));
        if (lowest.Count > 0)
        {
            w.Write(ChartSvg.Bars("chart-commune", labels, series, true, 960, Math.Max(300, 60 + (lowest.Count * 26)), "% of people"));
        }

        w.Write("</figure>\n");
        Table(w, "Commune", labels, lowest.Select(u => (u.UnitCode, "all")).ToList(), find, includePopulation: true, charted: 2);
        w.Write("</section>\n");
    }

    private static void Quality(TextWriter w, IReadOnlyList<IndicatorRow> rows)
    {
        var quality = new HashSet<string>(StringComparer.Ordinal)
        {
            QualityIndicators.RecordsByOutcome, QualityIndicators.IdentityMissing, QualityIndicators.IdentityInvalid, QualityIndicators.DuplicateDoses,
            QualityIndicators.DuplicatePeople, QualityIndicators.DosesEnteredPerGiven, QualityIndicators.Backlog, QualityIndicators.CoverageOverOneHundred,
            QualityIndicators.NegativeDropOut,
        };
        var country = rows.Where(r => r.UnitCode == Country && (quality.Contains(r.Indicator) || r.Indicator is Indicators.DosesEntered or Indicators.DosesValid) &&
            (r.Disaggregation == "all" || r.Disaggregation.StartsWith("outcome:", StringComparison.Ordinal))).ToList();
        var flagged = rows.Where(r => r.Figure.Flags != FigureFlags.None).ToList();
        w.Write("<section id=\"quality\"><h2>Data quality</h2>\n<p>Country figures; a flag marks a figure that cannot be right as it stands.</p>\n");
        w.Write("<table><thead><tr><th>Indicator</th><th>Disaggregation</th><th>Numerator</th><th>Denominator</th><th>Value</th><th>Flags</th></tr></thead><tbody>\n");
        foreach (var row in country)
        {
            w.Write(row.Figure.Flags == FigureFlags.None ? "<tr>" : "<tr class=\"flagged\">");
            w.Write("<th scope=\"row\">");
            w.Write(E(row.Indicator));
            w.Write("</th><td class=\"t\">");
            w.Write(E(row.Disaggregation));
            w.Write("</td>");
            FigureCells(w, row);
            w.Write("</tr>\n");
        }

        w.Write("</tbody></table>\n");
        w.Write(string.Create(CultureInfo.InvariantCulture, $"<h3>Flagged figures (<span data-count=\"flagged\">{flagged.Count}</span>)</h3>\n"));
        if (flagged.Count > 0)
        {
            w.Write("<table><thead><tr><th>Indicator</th><th>Unit</th><th>Disaggregation</th><th>Numerator</th><th>Denominator</th><th>Value</th><th>Flags</th></tr></thead><tbody>\n");
            foreach (var row in flagged.Take(200))
            {
                w.Write("<tr class=\"flagged\"><th scope=\"row\">");
                w.Write(E(row.Indicator));
                w.Write("</th><td class=\"t\">");
                w.Write(E(row.UnitCode + " " + row.UnitName));
                w.Write("</td><td class=\"t\">");
                w.Write(E(row.Disaggregation));
                w.Write("</td>");
                FigureCells(w, row);
                w.Write("</tr>\n");
            }

            w.Write("</tbody></table>\n");
            if (flagged.Count > 200)
            {
                w.Write("<p>The first 200 are shown; the tidy table holds them all (column <code>flags</code>).</p>\n");
            }
        }
        else
        {
            w.Write("<p>No figure is flagged.</p>\n");
        }

        w.Write("</section>\n");
    }

    private static void Lists(TextWriter w, IReadOnlyList<WorkList> lists, HtmlReportOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        w.Write(string.Create(c, $"<section id=\"worklists\"><h2>Commune work lists</h2>\n<p><span data-count=\"worklists\">{lists.Count}</span> lists, <span data-count=\"worklist-records\">{lists.Sum(l => l.Items.Count)}</span> records for the commune police to check (records that differ from the register, are not found in it, or match more than one person), most records first.</p>\n"));
        w.Write("<table><thead><tr><th>Commune</th><th>Name</th><th>Records</th><th>Drawn up</th><th>Due</th><th>File</th></tr></thead><tbody>\n");
        foreach (var list in lists.OrderByDescending(l => l.Items.Count).ThenBy(l => l.CommuneCode, StringComparer.Ordinal))
        {
            string href = options.WorkListFolder.TrimEnd('/') + "/" + Uri.EscapeDataString(list.Id) + ".csv";
            w.Write(string.Create(c, $"<tr data-worklist=\"{E(list.Id)}\"><th scope=\"row\">{E(list.CommuneCode)}</th><td class=\"t\">{E(list.CommuneName)}</td><td data-field=\"records\">{list.Items.Count}</td><td>{list.DrawnUp:yyyy-MM-dd}</td><td data-field=\"due\">{list.Due:yyyy-MM-dd}</td><td class=\"t\"><a href=\"{E(href)}\">{E(list.Id)}.csv</a></td></tr>\n"));
        }

        w.Write("</tbody></table>\n</section>\n");
    }

    private static void Table(TextWriter w, string head, IReadOnlyList<string> labels, IReadOnlyList<(string Unit, string Disaggregation)> keys, Func<string, string, string, IndicatorRow?> find, bool includePopulation, int charted = 4)
    {
        w.Write("<table><thead><tr><th>");
        w.Write(E(head));
        w.Write("</th>");
        if (includePopulation)
        {
            w.Write("<th>People</th>");
        }

        foreach (var (_, label) in s_doses)
        {
            w.Write("<th>");
            w.Write(E(label));
            w.Write(" (%)</th>");
        }

        w.Write("</tr></thead><tbody>\n");
        for (int i = 0; i < keys.Count; i++)
        {
            w.Write("<tr><th scope=\"row\">");
            w.Write(E(labels[i]));
            w.Write("</th>");
            if (includePopulation)
            {
                CellOrEmpty(w, find(Indicators.Population, keys[i].Unit, keys[i].Disaggregation), "numerator");
            }

            for (int d = 0; d < s_doses.Length; d++)
            {
                CellOrEmpty(w, find(s_doses[d].Indicator, keys[i].Unit, keys[i].Disaggregation), "value", d < charted);
            }

            w.Write("</tr>\n");
        }

        w.Write("</tbody></table>\n");
    }

    private static void Section(TextWriter w, string id, string title, string caption)
    {
        w.Write("<section id=\"");
        w.Write(id);
        w.Write("\"><h2>");
        w.Write(E(title));
        w.Write("</h2>\n<figure class=\"chart\" data-chart=\"");
        w.Write(id);
        w.Write("\"><figcaption>");
        w.Write(E(caption));
        w.Write("</figcaption>\n");
    }

    private static void CellOrEmpty(TextWriter w, IndicatorRow? row, string field, bool charted = false)
    {
        if (row is null)
        {
            w.Write("<td></td>");
        }
        else
        {
            Cell(w, row, field, charted);
        }
    }

    // A figure's numerator, denominator, value and flags, as four cells traceable to the tidy table.
    private static void FigureCells(TextWriter w, IndicatorRow row)
    {
        Cell(w, row, "numerator");
        Cell(w, row, "denominator");
        Cell(w, row, "value");
        Cell(w, row, "flags");
    }

    private static void Cell(TextWriter w, IndicatorRow row, string field, bool charted = false)
    {
        w.Write("<td");
        Attributes(w, row, field);
        if (charted)
        {
            w.Write(" data-charted=\"true\"");
        }

        w.Write('>');
        w.Write(E(Text(row, field)));
        w.Write("</td>");
    }

    private static void Span(TextWriter w, IndicatorRow row, string field)
    {
        w.Write("<span");
        Attributes(w, row, field);
        w.Write('>');
        w.Write(E(Text(row, field)));
        w.Write("</span>");
    }

    private static void Attributes(TextWriter w, IndicatorRow row, string field)
    {
        w.Write(" data-indicator=\"");
        w.Write(E(row.Indicator));
        w.Write("\" data-unit=\"");
        w.Write(E(row.UnitCode));
        w.Write("\" data-disaggregation=\"");
        w.Write(E(row.Disaggregation));
        w.Write("\" data-field=\"");
        w.Write(field);
        w.Write('"');
        if (row.Figure.Flags != FigureFlags.None)
        {
            w.Write(" class=\"flag\"");
        }
    }

    /// <summary>A field of a row as the tidy CSV writes it.</summary>
    internal static string Text(IndicatorRow row, string field) => field switch
    {
        "numerator" => row.Figure.Numerator.ToString(CultureInfo.InvariantCulture),
        "denominator" => TidyFormat.Denominator(row.Figure),
        "value" => TidyFormat.Value(row.Figure),
        "flags" => TidyFormat.Flags(row.Figure.Flags),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static bool IsProvince(string unit) =>
        unit.Length == 2 || unit.EndsWith("-unresolved", StringComparison.Ordinal);

    private static bool IsCommune(string unit) =>
        unit.Length == 5 && unit.All(char.IsAsciiDigit);

    /// <summary>Escapes the five characters HTML gives a meaning to; other characters (Vietnamese letters) stay as they are, in UTF-8.</summary>
    private static string E(string text) =>
        text.AsSpan().IndexOfAny("<>&\"'") < 0
            ? text
            : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
                .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0 auto; max-width: 1000px; padding: 0 16px 48px; color: #1b1b1b; }
        h1 { font-size: 1.6em; margin-top: 24px; } h2 { margin-top: 40px; border-bottom: 2px solid #0072B2; }
        table { border-collapse: collapse; margin: 12px 0; font-size: 0.9em; }
        th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; } td { text-align: right; font-variant-numeric: tabular-nums; } td.t { text-align: left; }
        thead th { background: #eef3f8; } tr.flagged, td.flag { background: #fde8e8; }
        figure.chart { margin: 0; } figure.chart svg { max-width: 100%; height: auto; }
        figcaption { color: #555; margin-bottom: 8px; }

        """;
}
