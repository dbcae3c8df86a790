using System.Globalization;
using Immunization.Core.Schedules;

namespace Immunization.Core.Tests.Schedules;

/// <summary>The schedule-model example of the README's CDSi section, with the output it promises.</summary>
public sealed class CdsiScheduleReadmeTests
{
    [Fact]
    public void ReadmeScheduleExample_PrintsWhatTheReadmeSays()
    {
        var lines = new List<string>();
        var polio = CdsiSupportingData.Embedded.Antigens["Polio"];
        var series = polio.Series.Single(s => s.Name == "Polio 4-dose series");
        foreach (var age in series.Doses[3].Ages)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{series.Name}, dose {series.Doses[3].Number}: minimum age {age.Minimum}, effective {age.Period.Effective?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "-"}, cessation {age.Period.Cessation?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "-"}"));
        }

        Assert.Equal(
            [
                "Polio 4-dose series, dose 4: minimum age 18 weeks, effective -, cessation 2009-08-06",
                "Polio 4-dose series, dose 4: minimum age 4 years, effective 2009-08-07, cessation -",
            ],
            lines);
    }
}
