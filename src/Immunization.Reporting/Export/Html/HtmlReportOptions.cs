namespace Immunization.Reporting.Export.Html;

/// <summary>What the HTML report says about itself and where its links point (relative to the page).</summary>
public sealed record HtmlReportOptions
{
    /// <summary>The page's title.</summary>
    public string Title { get; init; } = "Immunization coverage report";

    /// <summary>The tidy table the page's figures come from, relative to the page.</summary>
    public string TidyTableHref { get; init; } = "indicators.csv";

    /// <summary>The folder of the work-list CSV files (one per list, named by the list's id), relative to the page.</summary>
    public string WorkListFolder { get; init; } = "worklists";

    /// <summary>How many communes the chart of the lowest commune coverage shows.</summary>
    public int LowestCommunes { get; init; } = 20;

    /// <summary>The fewest people a commune needs to be in the chart of the lowest commune coverage.</summary>
    public long LowestCommunesMinimumPopulation { get; init; } = 20;
}
