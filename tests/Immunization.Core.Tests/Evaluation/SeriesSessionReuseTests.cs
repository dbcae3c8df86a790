using System.Collections;
using System.Reflection;
using Immunization.Core.Eligibility;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Tests.Evaluation;

/// <summary>
/// A reusable engine session (one per thread in <see cref="CovidEvaluator"/>) sets its evaluator and run objects again for
/// the next patient: every field, in every part of the classes, must then hold what a new object holds. Compared by
/// reflection, so a field added later to <see cref="PatientSeries"/> or <see cref="SeriesEvaluator"/> and not reset fails
/// here.
/// </summary>
public sealed class SeriesSessionReuseTests
{
    private static readonly CdsiEngine s_engine = new(VietnamCovidSchedule.SupportingData);
    private static readonly LocalDate s_asOf = new(2022, 12, 31);

    // An immunocompromised health worker with a mixed history (risk series, observations, immunity facts), then an adult
    // with AstraZeneca and Pfizer doses and no observations.
    private static readonly (CdsiPatient Patient, AdministeredDose[] Doses) s_first = (
        new CovidPerson(PartialDate.FromDate(1950, 3, 4), Sex.Male, [PriorityGroup.HealthWorkers], RiskConditions.Immunocompromised).PatientOn(s_asOf),
        [new(new LocalDate(2021, 6, 1), "210"), new(new LocalDate(2021, 8, 10), "208"), new(new LocalDate(2021, 9, 1), "208"), new(new LocalDate(2022, 1, 5), "207"), new(new LocalDate(2022, 6, 5), "217")]);

    private static readonly (CdsiPatient Patient, AdministeredDose[] Doses) s_second = (
        new CovidPerson(PartialDate.FromDate(1985, 11, 20), Sex.Female).PatientOn(s_asOf),
        [new(new LocalDate(2021, 7, 1), "210"), new(new LocalDate(2021, 9, 20), "208")]);

    [Fact]
    public void StartSeries_ReusedSession_EvaluatorFieldsAsNew()
    {
        var reused = s_engine.NewReusableSession();
        RunEverySeries(s_engine.StartSeries(s_first.Patient, s_first.Doses, s_asOf, VietnamCovidSchedule.VaccineGroup, reused));
        var restarted = s_engine.StartSeries(s_second.Patient, s_second.Doses, s_asOf, VietnamCovidSchedule.VaccineGroup, reused);
        var fresh = s_engine.StartSeries(s_second.Patient, s_second.Doses, s_asOf, VietnamCovidSchedule.VaccineGroup);

        Assert.Same(reused, restarted);
        Assert.Equal(fresh.RelevantMask, restarted.RelevantMask);
        AssertFieldsEqual(fresh.Evaluator, restarted.Evaluator);
        RunEverySeries(fresh);
        RunEverySeries(restarted);
        AssertFieldsEqual(fresh.Evaluator, restarted.Evaluator);
    }

    [Fact]
    public void EvaluateDoses_ReusedRun_FieldsAsNewRun()
    {
        var reused = s_engine.NewReusableSession();
        var first = s_engine.StartSeries(s_first.Patient, s_first.Doses, s_asOf, VietnamCovidSchedule.VaccineGroup, reused);
        var series = first.Antigen.Series;
        var runs = new PatientSeries[series.Count];
        for (var i = 0; i < series.Count; i++)
        {
            runs[i] = first.EvaluateDoses(series[i], i);
            first.Forecast(runs[i]);
        }

        // The same positions for the second patient, each series in another position's run object: Reset must also
        // serve a different series.
        var second = s_engine.StartSeries(s_second.Patient, s_second.Doses, s_asOf, VietnamCovidSchedule.VaccineGroup, reused);
        for (var i = 0; i < series.Count; i++)
        {
            var other = series[(i + 1) % series.Count];
            var run = second.EvaluateDoses(other, i);
            Assert.Same(runs[i], run);
            second.Forecast(run);
            var fresh = second.EvaluateDoses(other);
            second.Forecast(fresh);
            AssertFieldsEqual(fresh, run);
        }
    }

    [Fact]
    public void EvaluateDoses_SamePositionTwice_SecondRunIsNewObject()
    {
        var session = s_engine.StartSeries(s_second.Patient, s_second.Doses, s_asOf, VietnamCovidSchedule.VaccineGroup, s_engine.NewReusableSession());
        var series = session.Antigen.Series[0];

        var first = session.EvaluateDoses(series, 0);
        var second = session.EvaluateDoses(series, 0);

        Assert.NotSame(first, second);
        AssertFieldsEqual(first, second);
    }

    private static void RunEverySeries(CdsiEngine.SeriesSession session)
    {
        foreach (var series in session.Relevant)
        {
            _ = session.Run(series);
        }
    }

    private static void AssertFieldsEqual(object expected, object actual)
    {
        for (var type = expected.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Assert.True(Same(field.GetValue(expected), field.GetValue(actual)), $"{type.Name}.{field.Name} differs from a new object's");
            }
        }
    }

    // Values by value; history doses by their contents (a reused session has its own dose objects); a run's target list by
    // its target doses; lists and arrays item by item; anything else by Equals.
    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (HistoryDose x, HistoryDose y) => x.Order == y.Order && x.Dose == y.Dose && x.Cvx == y.Cvx,
        (TargetList x, TargetList y) => Same(Items(x), Items(y)),
        (TargetDose x, TargetDose y) => ReferenceEquals(x.Definition, y.Definition) && x.Status == y.Status && Same(x.SatisfiedBy, y.SatisfiedBy),
        (SeriesEvaluation x, SeriesEvaluation y) => Same(x.Dose, y.Dose) && x with { Dose = y.Dose } == y,
        (string x, string y) => x == y,
        (ValueType x, ValueType y) when x.GetType().IsDefined(typeof(System.Runtime.CompilerServices.InlineArrayAttribute), false) => InlineBytes(x).SequenceEqual(InlineBytes(y)),
        (IEnumerable x, IEnumerable y) => x.Cast<object?>().Count() == y.Cast<object?>().Count() && x.Cast<object?>().Zip(y.Cast<object?>()).All(p => Same(p.First, p.Second)),
        _ => a.Equals(b),
    };

    // An inline array (the evaluator's remembered ages) has no Equals: its bytes (it holds no references).
    private static byte[] InlineBytes(ValueType value) =>
        (byte[])typeof(SeriesSessionReuseTests).GetMethod(nameof(BytesOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(value.GetType()).Invoke(null, [value])!;

    private static byte[] BytesOf<T>(object boxed)
        where T : struct
    {
        var value = (T)boxed;
        return System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<T>(ref value)).ToArray();
    }

    private static List<TargetDose> Items(TargetList list)
    {
        var items = new List<TargetDose>();
        foreach (var item in list)
        {
            items.Add(item);
        }

        return items;
    }
}
