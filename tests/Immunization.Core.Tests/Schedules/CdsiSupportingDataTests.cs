using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
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
        Assert.True(data.Antigens.Contains("Measles"));
        Assert.True(data.Antigens.Contains("COVID-19"));
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
        Assert.Empty(standard.Doses[0].PreferableIntervals);
        Assert.True(standard.Doses[1].PreferableIntervals[0].FromPrevious);
        Assert.Equal(new CdsiDuration(0, 0, 24), standard.Doses[1].PreferableIntervals[0].AbsoluteMinimum);
        Assert.Equal(SkipContext.Both, standard.Doses[1].ConditionalSkips[0].Context);
        Assert.Equal(new LocalDate(1957, 1, 1), measles.Immunity.BirthDateBefore);
    }

    [Fact]
    public void Embedded_EveryRuleWithDates_HasEffectiveBeforeCessation()
    {
        foreach (var antigen in CdsiSupportingData.Embedded.Antigens)
        {
            foreach (var dose in antigen.Series.SelectMany(s => s.Doses))
            {
                var periods = dose.Ages.Select(a => a.Period).Concat(dose.PreferableIntervals.Select(i => i.Period)).Concat(dose.PreferableVaccines.Select(v => v.Period));
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

    [Theory]
    [InlineData(65, true)]
    [InlineData(65, false)]
    [InlineData(200_000, true)]
    [InlineData(200_000, false)]
    public void Load_NestedPastTheLimit_IsRefusedQuicklyNamingTheFile(int depth, bool seekable)
    {
        var xml = "<antigenSupportingData>" + string.Concat(Enumerable.Repeat("<a>", depth - 1)) + string.Concat(Enumerable.Repeat("</a>", depth - 1))
            + "</antigenSupportingData>";
        using var schedule = new MemoryStream(Encoding.UTF8.GetBytes("<scheduleSupportingData/>"));
        using var antigen = seekable ? new MemoryStream(Encoding.UTF8.GetBytes(xml)) : (Stream)new ForwardOnlyStream(Encoding.UTF8.GetBytes(xml));
        var clock = Stopwatch.StartNew();

        var ex = Assert.Throws<FormatException>(() => CdsiSupportingData.Load(("ScheduleSupportingData.xml", schedule), [("deep.xml", antigen)]));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Contains("'deep.xml' nests elements deeper than 64 levels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NestedToTheLimit_GetsPastTheDepthCheck()
    {
        // 64 levels are accepted by the depth check (the content checks then refuse the made-up element).
        var xml = "<antigenSupportingData>" + string.Concat(Enumerable.Repeat("<a>", 63)) + string.Concat(Enumerable.Repeat("</a>", 63))
            + "</antigenSupportingData>";
        using var schedule = new MemoryStream(Encoding.UTF8.GetBytes("<scheduleSupportingData/>"));
        using var antigen = new ForwardOnlyStream(Encoding.UTF8.GetBytes(xml));

        var ex = Assert.Throws<FormatException>(() => CdsiSupportingData.Load(("ScheduleSupportingData.xml", schedule), [("ok.xml", antigen)]));

        Assert.DoesNotContain("nests elements deeper", ex.Message, StringComparison.Ordinal);
        Assert.Contains("defines no series", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MegabyteBadValue_IsShownCutShort()
    {
        var antigen = "<antigenSupportingData><series><seriesName>S</seriesName><targetDisease>X</targetDisease><seriesType>Standard</seriesType>"
            + "<selectSeries/><seriesDose><doseNumber>Dose 1</doseNumber><age><minAge>" + new string('9', 1_000_000)
            + "</minAge></age></seriesDose></series></antigenSupportingData>";
        using var schedule = new MemoryStream(Encoding.UTF8.GetBytes("<scheduleSupportingData/>"));
        using var antigenStream = new MemoryStream(Encoding.UTF8.GetBytes(antigen));

        var ex = Assert.Throws<FormatException>(() => CdsiSupportingData.Load(schedule, [antigenStream]));

        Assert.Contains("minAge", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(1,000,000 characters)", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 300, $"the message is {ex.Message.Length} characters long");
    }

    [Fact]
    public void Load_EntityExpansion_IsRefused()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<antigenSupportingData>&b;</antigenSupportingData>";
        using var schedule = new MemoryStream(Encoding.UTF8.GetBytes("<scheduleSupportingData/>"));
        using var antigen = new ForwardOnlyStream(Encoding.UTF8.GetBytes(xml));

        var ex = Assert.Throws<FormatException>(() => CdsiSupportingData.Load(("ScheduleSupportingData.xml", schedule), [("bomb.xml", antigen)]));

        Assert.Contains("'bomb.xml' is not well-formed XML", ex.Message, StringComparison.Ordinal);
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

    [Fact]
    public void Antigens_PublicView_ShowsSeriesDosesAndRulesWithDates()
    {
        var measles = CdsiSupportingData.Embedded.Antigens["measles"];
        var standard = measles.Series.Single(s => s.Name == "Measles 2-dose series");

        Assert.Equal("Measles", measles.Name);
        Assert.Equal(new LocalDate(1957, 1, 1), measles.Immunity.BirthDateBefore);
        Assert.Equal(SeriesType.Standard, standard.Type);
        Assert.Equal("MMR", standard.VaccineGroup);
        Assert.Equal(new CdsiDuration(0, 12, 0), standard.Doses[0].Ages[0].Minimum);
        Assert.Equal(new CdsiDuration(0, 12, -4), standard.Doses[0].Ages[0].AbsoluteMinimum);
        Assert.True(standard.Doses[1].PreferableIntervals[0].FromPrevious);
        Assert.Contains(standard.Doses[0].PreferableVaccines, v => v.Cvx.Value == "3" && v.VaccineType == "MMR");

        var polio = CdsiSupportingData.Embedded.Antigens["Polio"].Series.Single(s => s.Name == "Polio 4-dose series").Doses[3];
        Assert.Equal(new LocalDate(2009, 8, 6), polio.Ages[0].Period.Cessation);
        Assert.Equal(new LocalDate(2009, 8, 7), polio.Ages[1].Period.Effective);
        Assert.True(polio.Ages[1].IsInEffectOn(new LocalDate(2009, 8, 7)));
        Assert.False(polio.Ages[0].IsInEffectOn(new LocalDate(2009, 8, 7)));
    }

    [Fact]
    public void VaccineGroupsAndCvxCodes_PublicView_LookUpByName()
    {
        var data = CdsiSupportingData.Embedded;

        Assert.Equal(["Measles", "Mumps", "Rubella"], data.VaccineGroups["MMR"].Antigens.Order(StringComparer.Ordinal));
        Assert.Equal(data.CvxCodes["3"], data.CvxCodes["003"]);
        Assert.Contains(data.CvxCodes["03"].Antigens, a => a.Antigen == "Measles");
        Assert.False(data.CvxCodes.TryGet("999", out _));
        Assert.Throws<KeyNotFoundException>(() => data.Antigens["Smallpox-2"]);
    }

    [Fact]
    public void LiveVirusConflictsAndObservations_PublicView_MatchTheCounts()
    {
        var data = CdsiSupportingData.Embedded;

        Assert.Equal(data.LiveVirusConflictCount, data.LiveVirusConflicts.Count);
        Assert.Equal(data.ObservationCount, data.Observations.Count);
        var mmrThenVaricella = data.LiveVirusConflicts.First(c => c.PreviousCvx.Value == "3" && c.CurrentCvx.Value == "21");
        Assert.Equal(new CdsiDuration(0, 0, 28), mmrThenVaricella.End);
        Assert.Contains("regnan", data.Observations["007"].Title, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => ((IList<LiveVirusConflict>)data.LiveVirusConflicts).Clear());
    }

    [Fact]
    public void PublicView_Lists_CannotBeChangedThroughCasts()
    {
        var series = CdsiSupportingData.Embedded.Antigens["Measles"].Series;
        var dose = series[0].Doses[0];

        Assert.Throws<NotSupportedException>(() => ((IList<AntigenSeries>)series).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<SeriesDose>)series[0].Doses).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<AgeRule>)dose.Ages).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<SeriesVaccine>)dose.PreferableVaccines).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<string>)CdsiSupportingData.Embedded.VaccineGroups["MMR"].Antigens).Clear());
    }

    [Property]
    public Property CdsiDuration_ToString_ParsesBack() =>
        Prop.ForAll(
            (from y in Gen.Choose(-3, 60) from m in Gen.Choose(-11, 24) from d in Gen.Choose(-60, 60) select new CdsiDuration(y, m, d)).ToArbitrary(),
            duration => CdsiDuration.TryParse(duration.ToString(), out var parsed) && parsed == duration);

    [Fact]
    public void CdsiDuration_ToString_UsesCdcWords()
    {
        Assert.Equal("12 months - 4 days", new CdsiDuration(0, 12, -4).ToString());
        Assert.Equal("7 years + 4 weeks", new CdsiDuration(7, 0, 28).ToString());
        Assert.Equal("0 days", default(CdsiDuration).ToString());
    }

    [Fact]
    public void Load_NamedStreams_BadFileErrorNamesTheFile()
    {
        const string antigen = "<antigenSupportingData><series><seriesName>S</seriesName><targetDisease>X</targetDisease><seriesType>Standard</seriesType>"
            + "<selectSeries/><seriesDose><doseNumber>Dose 1</doseNumber><age><minAge>six months</minAge></age></seriesDose></series></antigenSupportingData>";
        using var schedule = new MemoryStream(Encoding.UTF8.GetBytes("<scheduleSupportingData/>"));
        using var bad = new MemoryStream(Encoding.UTF8.GetBytes(antigen));

        var ex = Assert.Throws<FormatException>(() => CdsiSupportingData.Load(("ScheduleSupportingData.xml", schedule), [("AntigenSupportingData- X.xml", bad)]));

        Assert.Contains("AntigenSupportingData- X.xml", ex.Message, StringComparison.Ordinal);
        Assert.Contains("six months", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ScheduleWithoutItsAntigenFiles_NamesTheMissingAntigens()
    {
        var folder = SharedDatasets.Path("cdsi/supporting-data-4.64/XML");
        using var schedule = File.OpenRead(Path.Combine(folder, "ScheduleSupportingData.xml"));
        using var measles = File.OpenRead(Path.Combine(folder, "AntigenSupportingData- Measles-508.xml"));

        var ex = Assert.Throws<FormatException>(() => CdsiSupportingData.Load(("ScheduleSupportingData.xml", schedule), [("AntigenSupportingData- Measles-508.xml", measles)]));

        Assert.StartsWith("ScheduleSupportingData.xml: the vaccine groups name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Mumps", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Polio", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Measles,", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameAntigenTwice_NamesBothFiles()
    {
        var folder = SharedDatasets.Path("cdsi/supporting-data-4.64/XML");
        using var schedule = File.OpenRead(Path.Combine(folder, "ScheduleSupportingData.xml"));
        using var first = File.OpenRead(Path.Combine(folder, "AntigenSupportingData- Measles-508.xml"));
        using var second = File.OpenRead(Path.Combine(folder, "AntigenSupportingData- Measles-508.xml"));

        var ex = Assert.Throws<FormatException>(() => CdsiSupportingData.Load(("ScheduleSupportingData.xml", schedule), [("a.xml", first), ("b.xml", second)]));

        Assert.Contains("'Measles' more than once (a.xml and b.xml)", ex.Message, StringComparison.Ordinal);
    }

    private static string CoreProject([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "../../../src/Immunization.Core/Immunization.Core.csproj"));

    [Fact]
    public async Task Build_WithoutCdsiSourceNotice_FailsClearly()
    {
        // A datasets folder with the XML but without SOURCE.md: the notice is packed, so its absence must stop the build.
        var datasets = Directory.CreateTempSubdirectory("cdsi-build-");
        try
        {
            var xml = Directory.CreateDirectory(Path.Combine(datasets.FullName, "cdsi/supporting-data-4.64/XML"));
            File.WriteAllText(Path.Combine(xml.FullName, "ScheduleSupportingData.xml"), "<scheduleSupportingData/>");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "msbuild", CoreProject(), "-t:CheckCdsiSupportingData", "-nologo", "-v:q", $"-p:SharedDatasetsDir={datasets.FullName}/" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment.Remove("MSBuildExtensionsPath");
            start.Environment.Remove("MSBuildSDKsPath");
            start.Environment.Remove("MSBUILD_EXE_PATH");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("CDSi provenance notice is missing", await output + await error, StringComparison.Ordinal);
        }
        finally
        {
            datasets.Delete(recursive: true);
        }
    }

    /// <summary>A stream that cannot seek, as a network or compressed stream: the loader must copy it to check it first.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
