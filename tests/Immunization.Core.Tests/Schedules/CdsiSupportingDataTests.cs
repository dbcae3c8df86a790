using NodaTime;
using System.Text;
using Immunization.Core.Schedules;
using Immunization.Tests.Shared;

namespace Immunization.Core.Tests.Schedules;

public sealed class CdsiSupportingDataTests
{
    [Fact]
    public void Embedded_Loads_AllThirtyAntigensAndScheduleData()
    {
        var data = CdsiSupportingData.Embedded;

        Assert.Equal(30, data.Antigens.Count);
        Assert.Contains("Measles", data.Antigens);
        Assert.Contains("COVID-19", data.Antigens);
        Assert.Equal(26, data.VaccineGroups.Count);
        Assert.Equal(625, data.LiveVirusConflictCount);
        Assert.Equal(277, data.ObservationCount);
        Assert.InRange(data.CvxCount, 150, 400);
        Assert.Equal(143, data.SeriesCount);
    }

    [Fact]
    public void Embedded_MeaslesSeries_KeepsAgesIntervalsAndSkips()
    {
        var measles = CdsiSupportingData.Embedded.AntigensByName["Measles"];
        var standard = measles.Series.Single(s => s.Name == "Measles 2-dose series");

        Assert.Equal(SeriesType.Standard, standard.Type);
        Assert.True(standard.IsDefault);
        Assert.Equal(new CdsiDuration(0, 12, -4), standard.Doses[0].Ages[0].AbsoluteMinimum);
        Assert.Equal(new CdsiDuration(0, 16, 28), standard.Doses[0].Ages[0].LatestRecommended);
        Assert.Empty(standard.Doses[0].Intervals);
        Assert.True(standard.Doses[1].Intervals[0].FromPrevious);
        Assert.Equal(new CdsiDuration(0, 0, 24), standard.Doses[1].Intervals[0].AbsoluteMinimum);
        Assert.Equal(SkipContext.Both, standard.Doses[1].ConditionalSkips[0].Context);
        Assert.Equal(new LocalDate(1957, 1, 1), measles.Immunity.BirthDateBefore);
    }

    [Fact]
    public void Embedded_EveryRuleWithDates_HasEffectiveBeforeCessation()
    {
        foreach (var antigen in CdsiSupportingData.Embedded.AntigenSchedules)
        {
            foreach (var dose in antigen.Series.SelectMany(s => s.Doses))
            {
                var periods = dose.Ages.Select(a => a.Period).Concat(dose.Intervals.Select(i => i.Period)).Concat(dose.PreferableVaccines.Select(v => v.Period));
                foreach (var period in periods)
                {
                    if (period is { Effective: { } from, Cessation: { } to })
                    {
                        Assert.True(from < to, $"{antigen.Name}: {from} is not before {to}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Load_SharedFiles_GivesSameCountsAsEmbedded()
    {
        var folder = SharedDatasets.Path("cdsi/supporting-data-4.64/XML");
        var streams = Directory.GetFiles(folder, "AntigenSupportingData*.xml").Select(File.OpenRead).ToList();
        try
        {
            using var schedule = File.OpenRead(Path.Combine(folder, "ScheduleSupportingData.xml"));
            var data = CdsiSupportingData.Load(schedule, streams);
            Assert.Equal(CdsiSupportingData.Embedded.SeriesCount, data.SeriesCount);
            Assert.Equal(CdsiSupportingData.Embedded.CvxCount, data.CvxCount);
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void Load_Dtd_IsRefused()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><scheduleSupportingData>&e;</scheduleSupportingData>";
        using var schedule = new MemoryStream(Encoding.UTF8.GetBytes(xml));

        var ex = Assert.Throws<FormatException>(() => CdsiSupportingData.Load(schedule, []));
        Assert.Contains("schedule file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadDuration_SaysWhere()
    {
        const string antigen = "<antigenSupportingData><series><seriesName>S</seriesName><targetDisease>X</targetDisease><seriesType>Standard</seriesType>"
            + "<selectSeries/><seriesDose><doseNumber>Dose 1</doseNumber><age><minAge>six months</minAge></age></seriesDose></series></antigenSupportingData>";
        using var schedule = new MemoryStream(Encoding.UTF8.GetBytes("<scheduleSupportingData/>"));
        using var antigenStream = new MemoryStream(Encoding.UTF8.GetBytes(antigen));

        var ex = Assert.Throws<FormatException>(() => CdsiSupportingData.Load(schedule, [antigenStream]));
        Assert.Contains("series 'S', dose 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("six months", ex.Message, StringComparison.Ordinal);
    }
}
