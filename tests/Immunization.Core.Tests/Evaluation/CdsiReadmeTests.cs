using System.Globalization;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using NodaTime;

namespace Immunization.Core.Tests.Evaluation;

/// <summary>The example of the README's CDSi section, with the output it promises.</summary>
public sealed class CdsiReadmeTests
{
    [Fact]
    public void ReadmeExample_PrintsWhatTheReadmeSays()
    {
        var engine = CdsiEngine.Default;
        var child = new CdsiPatient(new LocalDate(2024, 1, 15), Sex.Female);
        AdministeredDose[] doses =
        [
            new(new LocalDate(2025, 2, 9), "21", "MSD"),
            new(new LocalDate(2025, 1, 20), "03", "MSD"),
        ];
        var result = engine.Evaluate(child, doses, new LocalDate(2025, 3, 1));

        var lines = result.Evaluations.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Dose.DateAdministered:uuuu-MM-dd} {e.Antigen,-9} {e.Status,-8} {e.Reason}")).ToArray();
        Assert.Equal(
            [
                "2025-01-20 Measles   Valid    None",
                "2025-01-20 Mumps     Valid    None",
                "2025-01-20 Rubella   Valid    None",
                "2025-02-09 Varicella NotValid LiveVirusConflict",
            ],
            lines);
        var mmr = result.ForecastFor("MMR")!;
        Assert.Equal(
            "NotComplete, dose 2: earliest 2025-03-09, recommended 2028-01-15, past due 2031-02-11",
            string.Create(CultureInfo.InvariantCulture, $"{mmr.Status}, dose {mmr.ForecastDoseNumber}: earliest {mmr.Earliest:uuuu-MM-dd}, recommended {mmr.Recommended:uuuu-MM-dd}, past due {mmr.PastDue:uuuu-MM-dd}"));
        var varicella = result.ForecastFor("Varicella")!;
        Assert.Equal("NotComplete, dose 1: earliest 2025-03-09", string.Create(CultureInfo.InvariantCulture, $"{varicella.Status}, dose {varicella.ForecastDoseNumber}: earliest {varicella.Earliest:uuuu-MM-dd}"));
    }
}
