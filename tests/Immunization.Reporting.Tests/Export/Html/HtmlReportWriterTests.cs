using System.Text.RegularExpressions;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Export.Html;
using Immunization.Reporting.Quality;
using Immunization.Reporting.WorkLists;
using NodaTime;

namespace Immunization.Reporting.Tests.Export.Html;

public sealed partial class HtmlReportWriterTests
{
    private static readonly string[] s_doses =
        [Indicators.PeopleOnePlus, Indicators.PeoplePrimaryComplete, Indicators.PeopleBoosted, Indicators.PeopleSecondBooster];

    [Fact]
    public void Write_Report_EveryFigureCarriesItsTidyKeyAndTidyText()
    {
        var rows = Rows();
        string html = Write(rows, []);

        var cells = CellPattern().Matches(html);
        Assert.NotEmpty(cells);
        var byKey = rows.ToDictionary(r => (r.Indicator, r.UnitCode, r.Disaggregation));
        foreach (Match cell in cells)
        {
            var row = byKey[(cell.Groups["i"].Value, cell.Groups["u"].Value, cell.Groups["d"].Value)];
            string expected = cell.Groups["f"].Value switch
            {
                "numerator" => row.Figure.Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "denominator" => row.Figure.Denominator?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                "value" => Immunization.Reporting.Export.TidyFormat.Value(row.Figure),
                "flags" => Immunization.Reporting.Export.TidyFormat.Flags(row.Figure.Flags),
                _ => throw new InvalidOperationException(cell.Value),
            };
            Assert.Equal(expected, cell.Groups["t"].Value);
        }

        Assert.Contains(">66.6667<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Report_IsSelfContainedWithFourSvgCharts()
    {
        string html = Write(Rows(), []);

        Assert.Equal(4, Regex.Count(html, "<svg "));
        Assert.Equal(4, Regex.Count(html, "<figure class=\"chart\""));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        // The bar labels are the figures rounded to one decimal.
        Assert.Contains("66.7", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TwoCharts_SvgIdsDoNotCollide()
    {
        string html = Write(Rows(), []);

        var ids = IdPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Write_WorkLists_LinksEachFileWithItsDueDateAndEscapesNames()
    {
        var item = new WorkListItem("R1", null, VerificationOutcome.NotFound, [], null);
        var list = new WorkList("00004", "Phường <Ba> & Đình", new LocalDate(2022, 12, 31), new LocalDate(2023, 1, 14), [item, item with { RecordId = "R2" }]);

        string html = Write(Rows(), [list]);

        Assert.Contains("href=\"worklists/00004-20221231.csv\"", html, StringComparison.Ordinal);
        Assert.Contains("<td data-field=\"due\">2023-01-14</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-field=\"records\">2</td>", html, StringComparison.Ordinal);
        Assert.Contains("Phường &lt;Ba&gt; &amp; Đình", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Ba>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FlaggedFigure_ListedUnderDataQuality()
    {
        var rows = Rows();
        rows.Add(new IndicatorRow(Indicators.PeopleOnePlus, "2025-07", "00007", "Xã Bảy", "20221231", "all", Figure.Proportion(0, 0)));
        rows.Add(new IndicatorRow(QualityIndicators.CoverageOverOneHundred, "none", "VN", "Việt Nam", "20221231", "all", Figure.Count(0)));

        string html = Write(rows, []);

        Assert.Contains("<span data-count=\"flagged\">1</span>", html, StringComparison.Ordinal);
        Assert.Contains(">no_denominator<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CommuneUnresolvedUnits_DrawnOnlyWhenPeopleLiveThere()
    {
        var rows = Rows();
        foreach (var (code, people) in new[] { ("01-unresolved", 0L), ("79-unresolved", 12L) })
        {
            string name = (code == "01-unresolved" ? "Thành phố Hà Nội" : "Thành phố Hồ Chí Minh") + " (commune unresolved)";
            rows.Add(new IndicatorRow(Indicators.Population, "2025-07", code, name, "20221231", "all", Figure.Count(people)));
            foreach (var dose in s_doses)
            {
                rows.Add(new IndicatorRow(dose, "2025-07", code, name, "20221231", "all", Figure.Proportion(people / 2, people)));
            }
        }

        string html = Write(rows, []);
        int start = html.IndexOf("<section id=\"province\"", StringComparison.Ordinal);
        string provinces = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];

        Assert.DoesNotContain("data-unit=\"01-unresolved\"", provinces, StringComparison.Ordinal);
        Assert.DoesNotContain("Thành phố Hà Nội (commune unresolved)", provinces, StringComparison.Ordinal);
        Assert.Contains("data-unit=\"79-unresolved\"", provinces, StringComparison.Ordinal);
        Assert.Contains("data-unit=\"01\"", provinces, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NullWriter_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => HtmlReportWriter.Write(Rows(), [], new HtmlReportOptions(), null!));
    }

    private static string Write(IReadOnlyList<IndicatorRow> rows, IReadOnlyList<WorkList> lists)
    {
        var writer = new StringWriter();
        HtmlReportWriter.Write(rows, lists, new HtmlReportOptions(), writer);
        return writer.ToString();
    }

    /// <summary>A country, two provinces and two communes, with age groups at country level; numerators vary by unit.</summary>
    private static List<IndicatorRow> Rows()
    {
        var rows = new List<IndicatorRow>();
        var units = new (string Code, string Name, string Scheme)[] { ("VN", "Việt Nam", "none"), ("01", "Thành phố Hà Nội", "2025-07"), ("79", "Thành phố Hồ Chí Minh", "2025-07"), ("00004", "Phường Ba Đình", "2025-07"), ("26734", "Phường Sài Gòn", "2025-07") };
        string[] groups = ["all", "age:5-11", "age:12-17", "age:18+"];
        for (int u = 0; u < units.Length; u++)
        {
            foreach (var group in units[u].Code == "VN" ? groups : ["all"])
            {
                long people = 30 + (u * 7) + group.Length;
                rows.Add(new IndicatorRow(Indicators.Population, units[u].Scheme, units[u].Code, units[u].Name, "20221231", group, Figure.Count(people)));
                for (int d = 0; d < s_doses.Length; d++)
                {
                    long n = Math.Max(0, people - (d * 8) - u - (units[u].Code == "VN" && group == "all" && d == 0 ? 10 - 0 : 0));
                    rows.Add(new IndicatorRow(s_doses[d], units[u].Scheme, units[u].Code, units[u].Name, "20221231", group, Figure.Proportion(n, people)));
                }
            }
        }

        // 20 of 30 = 66.6667 % at the country, all ages, for the first dose.
        int i = rows.FindIndex(r => r.Indicator == Indicators.PeopleOnePlus && r.UnitCode == "VN" && r.Disaggregation == "all");
        rows[i] = rows[i] with { Figure = Figure.Proportion(20, 30) };
        rows.Add(new IndicatorRow(QualityIndicators.IdentityMissing, "none", "VN", "Việt Nam", "20221231", "all", Figure.Proportion(3, 40)));
        return rows;
    }

    [GeneratedRegex("<td data-indicator=\"(?<i>[^\"]*)\" data-unit=\"(?<u>[^\"]*)\" data-disaggregation=\"(?<d>[^\"]*)\" data-field=\"(?<f>[^\"]*)\"[^>]*>(?<t>[^<]*)</td>")]
    private static partial Regex CellPattern();

    [GeneratedRegex(" id=\"([^\"]+)\"")]
    private static partial Regex IdPattern();
}
