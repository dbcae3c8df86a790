using System.Text;
using Immunization.Core.Schedules;
using Immunization.Core.Vaccines;

namespace Immunization.Core.Tests.Schedules;

public sealed class VietnamCovidScheduleTests
{
    [Fact]
    public void SupportingData_Embedded_EveryVietnameseProductCodeIsMapped()
    {
        var data = VietnamCovidSchedule.SupportingData;

        Assert.All(VietnamCovidVaccines.All, p => Assert.True(data.CvxCodes.Contains(p.Code), p.Code));
        Assert.Equal(["COVID-19"], data.VaccineGroups.Select(g => g.Name));
    }

    [Fact]
    public void SupportingData_Embedded_EverySeriesSaysItsPrimaryDoses()
    {
        var series = VietnamCovidSchedule.SupportingData.Antigens["COVID-19"].Series;

        Assert.All(series, s => Assert.NotNull(s.PrimaryDoses));
        Assert.Equal(3, series.Single(s => s.Name.Contains("Abdala", StringComparison.Ordinal)).PrimaryDoses);
        Assert.Equal(1, series.Single(s => s.Name.Contains("Janssen", StringComparison.Ordinal)).PrimaryDoses);
    }

    [Fact]
    public void SupportingData_CdcFiles_HaveNoPrimaryDosesExtension()
    {
        Assert.All(CdsiSupportingData.Embedded.Antigens.SelectMany(a => a.Series), s => Assert.Null(s.PrimaryDoses));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("two")]
    public void Load_PrimaryDosesOutOfRange_FormatExceptionNamingTheSeries(string value)
    {
        var antigen = $"""
            <antigenSupportingData><series><seriesName>Test series</seriesName><targetDisease>COVID-19</targetDisease>
            <vaccineGroup>COVID-19</vaccineGroup><seriesType>Standard</seriesType><selectSeries><primaryDoses>{value}</primaryDoses></selectSeries>
            <seriesDose><doseNumber>Dose 1</doseNumber></seriesDose><seriesDose><doseNumber>Dose 2</doseNumber></seriesDose></series></antigenSupportingData>
            """;
        using var schedule = new MemoryStream(Encoding.UTF8.GetBytes("<scheduleSupportingData/>"));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(antigen));

        var error = Assert.Throws<FormatException>(() => CdsiSupportingData.Load(("schedule.xml", schedule), [("antigen.xml", stream)]));

        Assert.Contains("Test series", error.Message, StringComparison.Ordinal);
        Assert.Contains("primaryDoses", error.Message, StringComparison.Ordinal);
    }
}
