using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Schedules;

namespace Immunization.Core.Tests.Schedules;

/// <summary>
/// The engine's compiled view of an antigen's observation rules (<see cref="AntigenObservations"/>) on CDC's supporting
/// data: the code filter never hides a code the antigen acts on, and each rule's id is its own code's.
/// </summary>
public sealed class AntigenObservationsTests
{
    private static readonly CdsiSupportingData s_data = CdsiSupportingData.Embedded;

    [Fact]
    public void TryGetId_EveryCodeOfTheAntigen_FoundWithADistinctId()
    {
        foreach (var antigen in s_data.Antigens)
        {
            var rules = antigen.Observations;
            var ids = new HashSet<int>();
            foreach (var code in rules.Codes)
            {
                Assert.True(rules.TryGetId(code, StringComparer.Ordinal.GetHashCode(code), out var id), $"{antigen.Name} {code}");
                Assert.InRange(id, 0, rules.Count - 1);
                Assert.True(ids.Add(id), $"{antigen.Name}: id {id} twice");
            }

            Assert.Equal(rules.Count, ids.Count);
        }
    }

    [Property]
    public Property TryGetId_AnyCode_FoundExactlyWhenTheAntigenActsOnIt(byte antigenIndex, string? text, bool schedulesCode)
    {
        // Either one of the schedule's codes (some of which this antigen acts on) or an arbitrary string.
        var antigen = s_data.Antigens[antigenIndex % s_data.Antigens.Count];
        var inUse = s_data.ObservationCodesInUse;
        var code = schedulesCode ? inUse[(text?.Length ?? 0) % inUse.Count] : text ?? string.Empty;
        var found = antigen.Observations.TryGetId(code, StringComparer.Ordinal.GetHashCode(code), out _);
        return (found == antigen.Observations.Codes.Contains(code, StringComparer.Ordinal)).ToProperty();
    }

    [Fact]
    public void Indications_EveryRiskSeries_SameCodesAndAgesAsTheSchedule()
    {
        foreach (var antigen in s_data.Antigens)
        {
            var rules = antigen.Observations;
            for (var seriesIndex = 0; seriesIndex < antigen.Series.Count; seriesIndex++)
            {
                var series = antigen.Series[seriesIndex];
                Assert.Equal(series.Type == SeriesType.Risk, rules.IsRisk[seriesIndex]);
                Assert.Equal(series.Indications.Count, rules.Indications[seriesIndex].Length);
                for (var i = 0; i < series.Indications.Count; i++)
                {
                    var indication = series.Indications[i];
                    var rule = rules.Indications[seriesIndex][i];
                    Assert.True(rules.TryGetId(indication.ObservationCode, StringComparer.Ordinal.GetHashCode(indication.ObservationCode), out var id));
                    Assert.Equal(id, rule.Id);
                    Assert.True(AntigenObservations.Has(rules.IndicationBits[seriesIndex], id));
                    Assert.Equal(indication.BeginAge, rule.BeginAge);
                    Assert.Equal(indication.EndAge, rule.EndAge);
                }
            }
        }
    }

    [Fact]
    public void LocalId_EveryCodeOfTheAntigen_ItsOwnIdByItsNumber()
    {
        foreach (var antigen in s_data.Antigens)
        {
            var rules = antigen.Observations;
            foreach (var code in rules.Codes)
            {
                Assert.True(rules.TryGetId(code, StringComparer.Ordinal.GetHashCode(code), out var id));
                Assert.Equal(id, rules.LocalId(ObservationCodeNumbers.Find(code)));
            }

            Assert.Equal(-1, rules.LocalId(-1));
        }
    }

    [Property]
    public Property LocalId_AnyCode_FoundExactlyWhenTheAntigenActsOnIt(byte antigenIndex, string? text, bool schedulesCode)
    {
        var antigen = s_data.Antigens[antigenIndex % s_data.Antigens.Count];
        var inUse = s_data.ObservationCodesInUse;
        var code = schedulesCode ? inUse[(text?.Length ?? 0) % inUse.Count] : text ?? string.Empty;
        var found = antigen.Observations.LocalId(ObservationCodeNumbers.Find(code)) >= 0;
        return (found == antigen.Observations.Codes.Contains(code, StringComparer.Ordinal)).ToProperty();
    }

    [Fact]
    public void SeriesByIndication_EveryId_ExactlyTheSeriesWithThatIndication()
    {
        foreach (var antigen in s_data.Antigens)
        {
            var rules = antigen.Observations;
            for (var id = 0; id < rules.Count; id++)
            {
                for (var seriesIndex = 0; seriesIndex < Math.Min(antigen.Series.Count, 64); seriesIndex++)
                {
                    var indicated = rules.Indications[seriesIndex].Any(rule => rule.Id == id);
                    Assert.Equal(indicated, (rules.SeriesByIndication[id] & (1UL << seriesIndex)) != 0);
                }
            }
        }
    }

    [Fact]
    public void LocalId_EveryThreeDigitCode_FoundExactlyWhenTheAntigenActsOnIt()
    {
        // Three-digit codes (all of CDC's) are numbered by their value rather than through the dictionary.
        for (var value = 0; value < 1000; value++)
        {
            var code = value.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            var number = ObservationCodeNumbers.Find(code);
            foreach (var antigen in s_data.Antigens)
            {
                var acts = antigen.Observations.Codes.Contains(code, StringComparer.Ordinal);
                Assert.Equal(acts, antigen.Observations.LocalId(number) >= 0);
            }
        }
    }

    [Fact]
    public void AntigenBits_EveryCodeOfEveryAntigen_HasTheAntigensBit()
    {
        foreach (var antigen in s_data.Antigens)
        {
            var rules = antigen.Observations;
            Assert.Equal(1, System.Numerics.BitOperations.PopCount(rules.AntigenBit));
            foreach (var code in rules.Codes)
            {
                Assert.NotEqual(0UL, ObservationCodeNumbers.AntigenBits(ObservationCodeNumbers.Find(code)) & rules.AntigenBit);
            }
        }

        Assert.Equal(0UL, ObservationCodeNumbers.AntigenBits(-1));
    }

    [Property]
    public Property AntigenBits_AnyCode_ClearOnlyWhenTheAntigenDoesNotActOnIt(byte antigenIndex, string? text, bool schedulesCode)
    {
        // The engine skips an antigen's rules when its bit is clear: that must never hide a code the antigen acts on.
        var antigen = s_data.Antigens[antigenIndex % s_data.Antigens.Count];
        var inUse = s_data.ObservationCodesInUse;
        var code = schedulesCode ? inUse[(text?.Length ?? 0) % inUse.Count] : text ?? string.Empty;
        var clear = (ObservationCodeNumbers.AntigenBits(ObservationCodeNumbers.Find(code)) & antigen.Observations.AntigenBit) == 0;
        return (!clear || !antigen.Observations.Codes.Contains(code, StringComparer.Ordinal)).ToProperty();
    }

    [Fact]
    public void ContraindicationBits_EveryAntigen_ExactlyTheIdsOfItsRules()
    {
        foreach (var antigen in s_data.Antigens)
        {
            var rules = antigen.Observations;
            for (var id = 0; id < rules.Count; id++)
            {
                Assert.Equal(rules.GroupContraindications.Any(rule => rule.Id == id), AntigenObservations.Has(rules.GroupContraindicationBits, id));
                Assert.Equal(rules.VaccineContraindications.Any(rule => rule.Id == id), AntigenObservations.Has(rules.VaccineContraindicationBits, id));
            }
        }
    }
}
