using BenchmarkDotNet.Attributes;
using Immunization.Core.Eligibility;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using NodaTime;

namespace Immunization.Benchmarks.Evaluation;

/// <summary>
/// Status and next dose of Viet Nam's COVID-19 schedule (<see cref="CovidEvaluator"/>, through the CDSi engine) for
/// 10,000 adults with 2-4 doses each (time per person: OperationsPerInvoke), on one thread and on all cores, and the
/// all-series reference path on one thread.
/// </summary>
[MemoryDiagnoser]
public class CovidStatusBenchmarks
{
    private const int People = 10_000;
    private static readonly LocalDate s_asOf = new(2022, 12, 31);
    private (CovidPerson Person, AdministeredDose[] Doses)[] _people = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        string[] primary = ["210", "208", "207", "510", "217"];
        string[] boosters = ["208", "217", "221", "210"];
        _people = new (CovidPerson, AdministeredDose[])[People];
        for (var i = 0; i < People; i++)
        {
            var birth = new LocalDate(1945 + random.Next(55), 1 + random.Next(12), 1 + random.Next(28));
            var person = new CovidPerson(PartialDate.FromDate(birth.Year, birth.Month, birth.Day), Sex.Female, random.Next(4) == 0 ? [PriorityGroup.HealthWorkers] : null);
            var count = 2 + random.Next(3);
            var product = primary[random.Next(primary.Length)];
            var date = new LocalDate(2021, 6, 1).PlusDays(random.Next(120));
            var doses = new AdministeredDose[count];
            for (var d = 0; d < count; d++)
            {
                doses[d] = new AdministeredDose(date, d < 2 ? product : boosters[random.Next(boosters.Length)]);
                date = date.PlusDays(d == 0 ? 21 + random.Next(60) : 95 + random.Next(120));
            }

            _people[i] = (person, doses);
        }

        _ = CovidEvaluator.Default.Evaluate(_people[0].Person, _people[0].Doses, s_asOf);
    }

    [Benchmark(OperationsPerInvoke = People)]
    public int StatusAndNextDose_OneThread()
    {
        var sum = 0;
        foreach (var (person, doses) in _people)
        {
            var result = CovidEvaluator.Default.Evaluate(person, doses, s_asOf);
            sum += (int)result.Status + (result.NextDose?.DoseNumber ?? 0);
        }

        return sum;
    }

    /// <summary>The reference path: every series the person may follow is evaluated (what the fast path is proved equal to).</summary>
    [Benchmark(OperationsPerInvoke = People)]
    public int StatusAndNextDose_AllSeries_OneThread()
    {
        var sum = 0;
        foreach (var (person, doses) in _people)
        {
            var result = CovidEvaluator.Default.Evaluate(person, doses, s_asOf, allSeries: true);
            sum += (int)result.Status + (result.NextDose?.DoseNumber ?? 0);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = People)]
    public int StatusAndNextDose_AllCores()
    {
        var sum = 0;
        Parallel.For(0, People, () => 0, (i, _, local) =>
        {
            var result = CovidEvaluator.Default.Evaluate(_people[i].Person, _people[i].Doses, s_asOf);
            return local + (int)result.Status + (result.NextDose?.DoseNumber ?? 0);
        }, local => Interlocked.Add(ref sum, local));
        return sum;
    }
}
