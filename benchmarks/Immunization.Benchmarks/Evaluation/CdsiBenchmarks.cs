using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;
using Case = (Immunization.Core.Evaluation.CdsiPatient Patient, Immunization.Core.Evaluation.AdministeredDose[] Doses, NodaTime.LocalDate Assessment, string[] Group);

namespace Immunization.Benchmarks.Evaluation;

/// <summary>
/// The CDSi engine per patient (OperationsPerInvoke divides), and loading the supporting data. The CSV is read here with
/// a minimal splitter because the CDC-layout reader lives in the CLI.
/// </summary>
/// <remarks>
/// <para>Two pairs of populations, each the same patients with and without observations, so that a ratio measures
/// what observations cost and nothing else (each category's baseline is the population without them):</para>
/// <list type="bullet">
/// <item><c>TestedGroup</c> and <c>AllGroups</c> (the target of issue 11): CDC's 1,013 healthy cases (the healthy
/// figure), and the same 1,013 patients, doses and assessment dates each given the observations of one of CDC's 325
/// underlying-conditions cases, drawn with a fixed seed (<see cref="ObservationSeed"/>). Each patient then has 1 to 3
/// observations in the combinations CDC's cases use (asplenia, HIV, pregnancy, travel, immunity...), most of which make
/// some risk series relevant, contraindicate a vaccine or give immunity, as real conditions do. A dated observation
/// keeps its age (the same time after birth, at the latest the assessment date).</item>
/// <item><c>UcTestedGroup</c> and <c>UcAllGroups</c>: CDC's 325 underlying-conditions cases as published, and the same
/// 325 without their observations. CDC wrote each case so that its observation acts on the group it tests, so the
/// tested-group figure is the worst case: every case runs the group's risk series too, which CDSi requires
/// (logic specification 5.1 and 4.4: every relevant patient series is evaluated and forecast).</item>
/// </list>
/// <para>Process-to-process variation: the runtime's dynamic PGO makes some processes of the same benchmark 1.3-1.6x
/// slower than others for the whole process (seen with <c>--job medium</c>, two launches; gone with
/// <c>DOTNET_TieredPGO=0</c>), so compare medians over several launches (<c>--launchCount</c>), not one launch.</para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CdsiBenchmarks
{
    /// <summary>The seed that gives each healthy patient the observations of one underlying-conditions case.</summary>
    public const int ObservationSeed = 11;

    private const int Cases = 1013;
    private const int UcCases = 325;
    private Case[] _cases = [];
    private Case[] _withObservations = [];
    private Case[] _ucCases = [];
    private Case[] _ucWithout = [];
    private byte[] _schedule = [];
    private byte[][] _antigens = [];

    [GlobalSetup]
    public void Setup()
    {
        var engine = CdsiEngine.Default;
        var root = FindDatasets();
        (_cases, _withObservations, _ucCases, _ucWithout) = Populations(root);

        var xml = Path.Combine(root, "cdsi/supporting-data-4.64/XML");
        _schedule = File.ReadAllBytes(Path.Combine(xml, "ScheduleSupportingData.xml"));
        _antigens = Directory.GetFiles(xml, "AntigenSupportingData*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        _ = engine.Evaluate(_cases[0].Patient, _cases[0].Doses, _cases[0].Assessment);
    }

    /// <summary>
    /// The four populations of the benchmark, read from <paramref name="root"/> (the shared datasets folder): CDC's healthy
    /// cases, the same patients with seeded observations, CDC's underlying-conditions cases, and those without observations.
    /// </summary>
    internal static (Case[] Healthy, Case[] WithObservations, Case[] Uc, Case[] UcWithout) Populations(string root)
    {
        var healthy = ReadCases(Path.Combine(root, "cdsi/test-cases/cdsi-healthy-childhood-and-adult-test-cases-v4.45.csv"), Cases);
        var uc = ReadCases(Path.Combine(root, "cdsi/test-cases/cdsi-underlying-conditions-test-cases-v4.5.csv"), UcCases);
        var withObservations = WithObservationsOf(healthy, uc, ObservationSeed);
        var ucWithout = Array.ConvertAll(uc, c => (new CdsiPatient(c.Patient.DateOfBirth, c.Patient.Sex), c.Doses, c.Assessment, c.Group));
        return (healthy, withObservations, uc, ucWithout);
    }

    /// <summary>Healthy patients (CDC's 1,013 cases), each evaluated for the vaccine group it tests, as the test suite does.</summary>
    [Benchmark(OperationsPerInvoke = Cases, Baseline = true)]
    [BenchmarkCategory("TestedGroup")]
    public int EvaluatePatient_TestedGroup() => TestedGroup(_cases);

    /// <summary>The same 1,013 patients with observations (seeded), each for the vaccine group it tests.</summary>
    [Benchmark(OperationsPerInvoke = Cases)]
    [BenchmarkCategory("TestedGroup")]
    public int EvaluatePatientWithObservations_TestedGroup() => TestedGroup(_withObservations);

    /// <summary>A full assessment of a healthy patient: every vaccine group forecast.</summary>
    [Benchmark(OperationsPerInvoke = Cases, Baseline = true)]
    [BenchmarkCategory("AllGroups")]
    public int EvaluatePatient_AllGroups() => AllGroups(_cases);

    /// <summary>A full assessment of the same patients with observations (seeded).</summary>
    [Benchmark(OperationsPerInvoke = Cases)]
    [BenchmarkCategory("AllGroups")]
    public int EvaluatePatientWithObservations_AllGroups() => AllGroups(_withObservations);

    /// <summary>CDC's 325 underlying-conditions cases without their observations, each for the group it tests.</summary>
    [Benchmark(OperationsPerInvoke = UcCases, Baseline = true)]
    [BenchmarkCategory("UcTestedGroup")]
    public int EvaluateConditionCaseWithoutObservations_TestedGroup() => TestedGroup(_ucWithout);

    /// <summary>CDC's 325 underlying-conditions cases as published, each for the group it tests (the group its observation acts on).</summary>
    [Benchmark(OperationsPerInvoke = UcCases)]
    [BenchmarkCategory("UcTestedGroup")]
    public int EvaluateConditionCase_TestedGroup() => TestedGroup(_ucCases);

    /// <summary>CDC's 325 underlying-conditions cases without their observations: every vaccine group forecast.</summary>
    [Benchmark(OperationsPerInvoke = UcCases, Baseline = true)]
    [BenchmarkCategory("UcAllGroups")]
    public int EvaluateConditionCaseWithoutObservations_AllGroups() => AllGroups(_ucWithout);

    /// <summary>CDC's 325 underlying-conditions cases as published: every vaccine group forecast.</summary>
    [Benchmark(OperationsPerInvoke = UcCases)]
    [BenchmarkCategory("UcAllGroups")]
    public int EvaluateConditionCase_AllGroups() => AllGroups(_ucCases);

    /// <summary>Parsing supporting data 4.64 (31 XML files, 2.5 MB) from memory.</summary>
    [Benchmark]
    [BenchmarkCategory("Load")]
    public int LoadSupportingData()
    {
        var streams = _antigens.Select(a => new MemoryStream(a, writable: false)).ToList();
        using var schedule = new MemoryStream(_schedule, writable: false);
        return CdsiSupportingData.Load(schedule, streams).SeriesCount;
    }

    internal static int TestedGroup(Case[] cases)
    {
        var engine = CdsiEngine.Default;
        var total = 0;
        foreach (var (patient, doses, assessment, group) in cases)
        {
            total += engine.Evaluate(patient, doses, assessment, group).Evaluations.Count;
        }

        return total;
    }

    internal static int AllGroups(Case[] cases)
    {
        var engine = CdsiEngine.Default;
        var total = 0;
        foreach (var (patient, doses, assessment, _) in cases)
        {
            total += engine.Evaluate(patient, doses, assessment).Forecasts.Count;
        }

        return total;
    }

    /// <summary>
    /// The <paramref name="patients"/> (same birth date, sex, doses and assessment date), each given the observations of
    /// a case of <paramref name="donors"/> drawn with <paramref name="seed"/>. A dated observation keeps its age: the same
    /// time after birth, at the latest the assessment date.
    /// </summary>
    internal static Case[] WithObservationsOf(
        Case[] patients,
        Case[] donors,
        int seed)
    {
        var random = new Random(seed);
        var result = new (CdsiPatient Patient, AdministeredDose[] Doses, LocalDate Assessment, string[] Group)[patients.Length];
        for (var i = 0; i < patients.Length; i++)
        {
            var (patient, doses, assessment, group) = patients[i];
            var donor = donors[random.Next(donors.Length)].Patient;
            var observations = new PatientObservation[donor.Observations.Count];
            for (var j = 0; j < observations.Length; j++)
            {
                var observation = donor.Observations[j];
                LocalDate? date = null;
                if (observation.Date is { } observed)
                {
                    var moved = patient.DateOfBirth.PlusDays(Period.Between(donor.DateOfBirth, observed, PeriodUnits.Days).Days);
                    date = moved > assessment ? assessment : moved;
                }

                observations[j] = observation with { Date = date };
            }

            result[i] = (new CdsiPatient(patient.DateOfBirth, patient.Sex, observations), doses, assessment, group);
        }

        return result;
    }

    // Reads a CDC test-case file (healthy layout, or underlying conditions with Observation_Code_n/Observation_Date_n).
    private static Case[] ReadCases(string path, int expected)
    {
        var records = Split(File.ReadAllText(path));
        var header = records[0];
        int Col(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var groups = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["DTAP"] = "DTaP/Tdap/Td", ["POL"] = "Polio", ["IPOL"] = "Polio", ["HIB"] = "Hib", ["PCV"] = "Pneumococcal", ["VAR"] = "Varicella",
            ["ROTA"] = "Rotavirus", ["MCV"] = "Meningococcal", ["MENB"] = "Meningococcal B", ["FLU"] = "Influenza",
        };
        var cases = records.Skip(1).Where(r => r.Length > 1).Select(f =>
        {
            var doses = new List<AdministeredDose>();
            for (var n = 1; n <= 7; n++)
            {
                var date = f[Col($"Date_Administered_{n}")];
                if (date.Length > 0)
                {
                    doses.Add(new AdministeredDose(Date(date), f[Col($"CVX_{n}")], f[Col($"MVX_{n}")] is { Length: > 0 } m ? m : null));
                }
            }

            var observations = new List<PatientObservation>();
            for (var n = 1; n <= 3 && Col($"Observation_Code_{n}") >= 0; n++)
            {
                if (f[Col($"Observation_Code_{n}")] is { Length: > 0 } code)
                {
                    var date = f[Col($"Observation_Date_{n}")];
                    observations.Add(new PatientObservation(code.PadLeft(3, '0'), date.Length > 0 ? Date(date) : null));
                }
            }

            var group = f[Col("Vaccine_Group")];
            return (new CdsiPatient(Date(f[Col("DOB")]), f[Col("gender")] == "M" ? Sex.Male : Sex.Female, observations), doses.ToArray(),
                Date(f[Col("Assessment_Date")]), new[] { groups.GetValueOrDefault(group, group) });
        }).ToArray();
        return cases.Length == expected ? cases : throw new InvalidOperationException($"{Path.GetFileName(path)}: expected {expected} cases, read {cases.Length}.");
    }

    private static LocalDate Date(string text) =>
        LocalDate.FromDateTime(DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    internal static string FindDatasets()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(Path.Combine(candidate, "cdsi")))
            {
                return candidate;
            }
        }

        return "/work/shared/datasets";
    }

    /// <summary>Splits CSV text into records (quoted fields may hold commas, doubled quotes and newlines).</summary>
    private static List<string[]> Split(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add(fields.ToArray());
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(fields.ToArray());
        }

        return records;
    }
}
