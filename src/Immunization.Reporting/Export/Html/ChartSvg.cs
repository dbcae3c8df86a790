using System.Globalization;
using ScottPlot;

namespace Immunization.Reporting.Export.Html;

/// <summary>Draws the report's bar charts with ScottPlot as SVG markup ready to inline in the page.</summary>
internal static class ChartSvg
{
    /// <summary>The series colours (colour-blind safe, Okabe–Ito).</summary>
    private static readonly Color[] s_palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
    ];

    /// <summary>The label written on a bar: the tidy value rounded to one decimal.</summary>
    internal static string Label(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Draws grouped bars: one group per category, one bar per series; values in percent.</summary>
    /// <param name="id">A prefix that keeps the SVG's element ids unique on the page.</param>
    /// <param name="categories">The category labels.</param>
    /// <param name="series">The series names and their values per category (null where there is no figure).</param>
    /// <param name="horizontal">Whether the bars run left to right (for long category names).</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="valueAxis">The value axis's label.</param>
    internal static string Bars(string id, IReadOnlyList<string> categories, IReadOnlyList<(string Name, double?[] Values)> series, bool horizontal, int width, int height, string valueAxis)
    {
        using var plot = new Plot();
        var bars = new List<Bar>();
        int n = series.Count;
        double slot = 0.8 / n;
        for (int s = 0; s < n; s++)
        {
            var color = s_palette[s % s_palette.Length];
            for (int c = 0; c < categories.Count; c++)
            {
                if (series[s].Values[c] is not double v)
                {
                    continue;
                }

                double position = c - 0.4 + (slot * (s + 0.5));
                bars.Add(new Bar
                {
                    Position = horizontal ? categories.Count - 1 - position : position,
                    Value = v,
                    Size = slot * 0.9,
                    FillColor = color,
                    LineWidth = 0,
                    Label = Label(v),
                });
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = color });
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = horizontal;
        barPlot.ValueLabelStyle.FontSize = n > 2 ? 9 : 11;
        double[] ticks = Enumerable.Range(0, categories.Count).Select(i => (double)(horizontal ? categories.Count - 1 - i : i)).ToArray();
        double top = Math.Max(100, bars.Count == 0 ? 0 : bars.Max(b => b.Value)) * 1.12;
        if (horizontal)
        {
            plot.Axes.Left.SetTicks(ticks, categories.ToArray());
            plot.Axes.SetLimitsX(0, top);
            plot.Axes.SetLimitsY(-0.6, categories.Count - 0.4);
            plot.Axes.Bottom.Label.Text = valueAxis;
        }
        else
        {
            plot.Axes.Bottom.SetTicks(ticks, categories.ToArray());
            plot.Axes.SetLimitsY(0, top);
            plot.Axes.SetLimitsX(-0.6, categories.Count - 0.4);
            plot.Axes.Left.Label.Text = valueAxis;
        }

        plot.Font.Set(Fonts.Sans);
        if (n > 1)
        {
            plot.ShowLegend(Edge.Top);
        }
        else
        {
            plot.Legend.IsVisible = false;
        }
        string svg = plot.GetSvgXml(width, height);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = svg[start..];
        // ScottPlot numbers its clip paths per plot; prefix them so several charts on one page do not share ids.
        return svg
            .Replace("id=\"", "id=\"" + id + "-", StringComparison.Ordinal)
            .Replace("url(#", "url(#" + id + "-", StringComparison.Ordinal)
            .Replace("xlink:href=\"#", "xlink:href=\"#" + id + "-", StringComparison.Ordinal);
    }
}
