using System.Globalization;
using System.Text.Json;
using nietras.SeparatedValues;
using PuppeteerSharp;

namespace Immunization.Cli.Tests.Browser;

/// <summary>
/// Opens the demo's report.html in real headless Chromium and checks what a person would see: the charts drawn, no script
/// or console errors, no request leaving the folder, and every figure on the page equal to its row of the tidy table.
/// Without a browser it skips, except under CI (the environment variable CI set), where it fails.
/// </summary>
public sealed class ReportPageBrowserTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "immunization-html-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task ReportHtml_OpenedInChromium_ChartsDrawnNoErrorsAndFiguresMatchTheTidyTable()
    {
        string chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            string why = "no Chromium at " + chromium + " (Debian package 'chromium'; .ci/run installs it)";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Fail(why + ", and CI is set: the browser check must run in CI.");
            }

            Assert.Skip(why + ".");
        }

        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliApp.Run(["demo", "--people", "3000", "--seed", "5", "--out", _root], output, error);
        Assert.True(exit == 0, error.ToString());
        string report = Path.Combine(_root, "report");
        string html = Path.Combine(report, "report.html");
        Assert.True(File.Exists(html), "report.html was not written");
        var tidy = ReadTidy(Path.Combine(report, "indicators.csv"));

        var problems = new List<string>();
        var requests = new List<string>();
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        await using var page = await browser.NewPageAsync();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                problems.Add("console: " + e.Message.Text);
            }
        };
        page.PageError += (_, e) => problems.Add("page error: " + e.Message);
        page.Request += (_, e) => requests.Add(e.Request.Url);
        await page.SetViewportAsync(new ViewPortOptions { Width = 1050, Height = 1400 });
        await page.GoToAsync(new Uri(html).AbsoluteUri, WaitUntilNavigation.Load);

        Assert.Empty(problems);
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));

        // The charts: each one an SVG drawn at a real size with bars in it, and every value label the table beside it rounds to.
        var charts = await page.EvaluateExpressionAsync<JsonElement>("""
            [...document.querySelectorAll('figure.chart')].map(f => {
              const svg = f.querySelector('svg');
              const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
              const bars = svg ? [...svg.querySelectorAll('rect')].filter(r => { const b = r.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length : 0;
              const labels = svg ? [...svg.querySelectorAll('text')].map(t => t.textContent.trim()) : [];
              const values = [...f.closest('section').querySelectorAll('table [data-charted="true"]')].map(c => c.textContent.trim()).filter(t => t.length > 0);
              return { chart: f.dataset.chart, width: box.width, height: box.height, bars, labels, values };
            })
            """);
        var names = new List<string>();
        foreach (var chart in charts.EnumerateArray())
        {
            string name = chart.GetProperty("chart").GetString()!;
            names.Add(name);
            Assert.True(chart.GetProperty("width").GetDouble() > 100 && chart.GetProperty("height").GetDouble() > 100, name + ": the chart has no size");
            Assert.True(chart.GetProperty("bars").GetInt32() > 3, name + ": no bars drawn");
            var labels = chart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToHashSet(StringComparer.Ordinal);
            var values = chart.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToList();
            Assert.NotEmpty(values);
            foreach (var value in values)
            {
                string label = Math.Round(double.Parse(value, CultureInfo.InvariantCulture), 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
                Assert.True(labels.Contains(label), $"{name}: no bar labelled {label} for the table's {value}");
            }
        }

        Assert.Equal(["age", "dose", "province", "commune"], names);

        // Every figure on the page is its tidy row's field, as the tidy CSV writes it.
        var cells = await page.EvaluateExpressionAsync<JsonElement>("""
            [...document.querySelectorAll('[data-indicator]')].map(e => ({
              key: e.dataset.indicator + '|' + e.dataset.unit + '|' + e.dataset.disaggregation + '|' + e.dataset.field,
              text: e.textContent.trim(),
              visible: e.getBoundingClientRect().width > 0 }))
            """);
        int checkedCells = 0;
        foreach (var cell in cells.EnumerateArray())
        {
            string key = cell.GetProperty("key").GetString()!;
            Assert.True(tidy.TryGetValue(key, out var expected), "no tidy row for " + key);
            Assert.Equal(expected, cell.GetProperty("text").GetString());
            Assert.True(cell.GetProperty("visible").GetBoolean(), key + " is not shown");
            checkedCells++;
        }

        Assert.True(checkedCells > 50, "too few figures on the page: " + checkedCells);

        // The work lists: one row per CSV file written, each linking to its file, which exists.
        var links = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#worklists a')].map(a => a.getAttribute('href'))");
        var files = Directory.GetFiles(Path.Combine(report, "worklists"), "*.csv");
        Assert.Equal(files.Length, links.Length);
        Assert.All(links, href => Assert.True(File.Exists(Path.Combine(report, Uri.UnescapeDataString(href))), href));

        string shot = Path.Combine(_root, "report.png");
        await page.ScreenshotAsync(shot, new ScreenshotOptions { FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000, "the screenshot is empty");
        if (Environment.GetEnvironmentVariable("IMMUNIZATION_REPORT_SCREENSHOT") is { Length: > 0 } keep)
        {
            File.Copy(shot, keep, overwrite: true);
        }
    }

    private static Dictionary<string, string> ReadTidy(string path)
    {
        var fields = new[] { "numerator", "denominator", "value", "flags" };
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        foreach (var row in reader)
        {
            string prefix = row["indicator"].ToString() + "|" + row["unit_code"].ToString() + "|" + row["disaggregation"].ToString() + "|";
            foreach (var field in fields)
            {
                map[prefix + field] = row[field].ToString();
            }
        }

        return map;
    }
}
