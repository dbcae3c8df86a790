using System.Globalization;
using BenchmarkDotNet.Attributes;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Benchmarks.Evaluation;

/// <summary>
/// The CDSi engine on CDC's 1,013 healthy test cases and 325 underlying-conditions test cases (patients with
/// observations: risk series, contraindications, immunity), per patient (OperationsPerInvoke divides), and loading the
/// supporting data. The CSV is read here with a minimal splitter because the CDC-layout reader lives in the CLI.
/// </summary>
[MemoryDiagnoser]
public class CdsiBenchmarks
{
    private const int Cases = 1013;
    private const int UcCases = 325;
    private (CdsiPatient Patient, AdministeredDose[] Doses, LocalDate Assessment, string[] Group)[] _cases = [];
    private (CdsiPatient Patient, AdministeredDose[] Doses, LocalDate Assessment, string[] Group)[] _ucCases = [];
    private byte[] _schedule = [];
    private byte[][] _antigens = [];

    [GlobalSetup]
    public void Setup()
    {
        var engine = CdsiEngine.Default;
        var root = FindDatasets();
        _cases = ReadCases(Path.Combine(root, "cdsi/test-cases/cdsi-healthy-childhood-and-adult-test-cases-v4.45.csv"), Cases);
        _ucCases = ReadCases(Path.Combine(root, "cdsi/test-cases/cdsi-underlying-conditions-test-cases-v4.5.csv"), UcCases);

        var xml = Path.Combine(root, "cdsi/supporting-data-4.64/XML");
        _schedule = File.ReadAllBytes(Path.Combine(xml, "ScheduleSupportingData.xml"));
        _antigens = Directory.GetFiles(xml, "AntigenSupportingData*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        _ = engine.Evaluate(_cases[0].Patient, _cases[0].Doses, _cases[0].Assessment);
    }

    /// <summary>What the test suite does: each case evaluated for the vaccine group it tests.</summary>
    [Benchmark(OperationsPerInvoke = Cases)]
    public int EvaluatePatient_TestedGroup()
    {
        var engine = CdsiEngine.Default;
        var total = 0;
        foreach (var (patient, doses, assessment, group) in _cases)
        {
            total += engine.Evaluate(patient, doses, assessment, group).Evaluations.Count;
        }

        return total;
    }

    /// <summary>Patients with observations (CDC's underlying-conditions cases), each for the vaccine group it tests.</summary>
    [Benchmark(OperationsPerInvoke = UcCases)]
    public int EvaluatePatientWithObservations_TestedGroup()
    {
        var engine = CdsiEngine.Default;
        var total = 0;
        foreach (var (patient, doses, assessment, group) in _ucCases)
        {
            total += engine.Evaluate(patient, doses, assessment, group).Evaluations.Count;
        }

        return total;
    }

    /// <summary>Patients with observations (CDC's underlying-conditions cases): every vaccine group forecast.</summary>
    [Benchmark(OperationsPerInvoke = UcCases)]
    public int EvaluatePatientWithObservations_AllGroups()
    {
        var engine = CdsiEngine.Default;
        var total = 0;
        foreach (var (patient, doses, assessment, _) in _ucCases)
        {
            total += engine.Evaluate(patient, doses, assessment).Forecasts.Count;
        }

        return total;
    }

    /// <summary>A full assessment: every vaccine group forecast for each patient.</summary>
    [Benchmark(OperationsPerInvoke = Cases)]
    public int EvaluatePatient_AllGroups()
    {
        var engine = CdsiEngine.Default;
        var total = 0;
        foreach (var (patient, doses, assessment, _) in _cases)
        {
            total += engine.Evaluate(patient, doses, assessment).Forecasts.Count;
        }

        return total;
    }

    /// <summary>Parsing supporting data 4.64 (31 XML files, 2.5 MB) from memory.</summary>
    [Benchmark]
    public int LoadSupportingData()
    {
        var streams = _antigens.Select(a => new MemoryStream(a, writable: false)).ToList();
        using var schedule = new MemoryStream(_schedule, writable: false);
        return CdsiSupportingData.Load(schedule, streams).SeriesCount;
    }

    // Reads a CDC test-case file (healthy layout, or underlying conditions with Observation_Code_n/Observation_Date_n).
    private static (CdsiPatient Patient, AdministeredDose[] Doses, LocalDate Assessment, string[] Group)[] ReadCases(string path, int expected)
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

    private static string FindDatasets()
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
