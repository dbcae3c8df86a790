using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Eligibility;
using Immunization.Core.Evaluation;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Tests.Eligibility;

/// <summary>
/// The per-series facts compiled once for the COVID-19 evaluator give what the schedule says, computed afresh: the
/// shared product lists and texts are caches, never a different answer.
/// </summary>
public sealed class CovidSeriesFactsTests
{
    private static readonly AntigenSeries[] s_series = [.. VietnamCovidSchedule.SupportingData.AntigensByName[VietnamCovidSchedule.VaccineGroup].Series];

    // The products a target dose allows on a date, straight from the schedule (preferable, then allowable, no repeats).
    private static List<string> Expected(SeriesDose dose, LocalDate birth, LocalDate date)
    {
        var codes = new List<string>();
        foreach (var vaccine in dose.PreferableVaccines.Concat(dose.AllowableVaccines))
        {
            if (vaccine.Period.Contains(date)
                && (vaccine.BeginAge is not { } begin || date >= begin.AddTo(birth))
                && (vaccine.EndAge is not { } end || date < end.AddTo(birth))
                && !codes.Contains(vaccine.Cvx.Value))
            {
                codes.Add(vaccine.Cvx.Value);
            }
        }

        return codes;
    }

    [Property(MaxTest = 300)]
    public Property Products_AnySeriesDoseBirthAndDate_AreTheSchedulesProducts() =>
        Prop.ForAll(
            Gen.Choose(0, s_series.Length - 1).ToArbitrary(),
            Gen.Choose(0, 30_000).ToArbitrary(),
            Gen.Choose(0, 1_500).ToArbitrary(),
            (seriesIndex, birthDay, day) =>
            {
                var series = s_series[seriesIndex];
                var facts = new CovidSeriesFacts(series);
                var birth = new LocalDate(1940, 1, 1).PlusDays(birthDay);
                var date = new LocalDate(2021, 1, 1).PlusDays(day);
                for (var i = 0; i < series.Doses.Count; i++)
                {
                    var expected = Expected(series.Doses[i], birth, date);

                    // Asked twice: the second answer comes from the cache.
                    if (!facts.Products(i, birth, date).SequenceEqual(expected) || !facts.Products(i, birth, date).SequenceEqual(expected))
                    {
                        return false;
                    }
                }

                return true;
            });

    [Fact]
    public void Explain_SameVerdictTwice_IsTheFormattedTextOnceBuilt()
    {
        var facts = new CovidSeriesFacts(s_series[0]);
        var dose = new HistoryDose(0, new AdministeredDose(new LocalDate(2021, 8, 1), "210"), "210");
        SeriesEvaluation[] verdicts =
        [
            new(dose, DoseStatus.Valid, DoseStatusReason.None, 1, false, default),
            new(dose, DoseStatus.Valid, DoseStatusReason.GracePeriod, 2, false, default),
            new(dose, DoseStatus.NotValid, DoseStatusReason.TooSoon, 2, false, ReasonSet.Of(DoseStatusReason.TooSoon)),
            new(dose, DoseStatus.NotValid, DoseStatusReason.TooYoung, 1, false, ReasonSet.Of(DoseStatusReason.TooYoung).With(DoseStatusReason.TooSoon)),
            new(dose, DoseStatus.Extraneous, DoseStatusReason.SeriesAlreadyComplete, null, false, ReasonSet.Of(DoseStatusReason.SeriesAlreadyComplete)),
        ];

        foreach (var verdict in verdicts)
        {
            var first = facts.Explain(verdict);

            Assert.Equal(CovidSeriesFacts.Format(verdict, s_series[0].Name), first);
            Assert.Equal(first, facts.Explain(verdict));
        }

        Assert.Same(facts.Explain(verdicts[0]), facts.Explain(verdicts[0]));
        Assert.Contains("[TooYoung, TooSoon]", facts.Explain(verdicts[3]), StringComparison.Ordinal);
        Assert.Equal($"dose 2 of {s_series[0].Name}: due under the rules in effect", facts.Due(2));
    }
}
