using System.CommandLine;
using System.Globalization;
using Immunization.Cli.Cdsi;
using Immunization.Core.Evaluation;
using Immunization.Core.Schedules;

namespace Immunization.Cli;

/// <summary>
/// <c>immunization cdsi --cases FILE.csv</c>: runs CDC CDSi test cases through the engine. Exit codes: 0 every case
/// passed (or every failure is listed in <c>--known-failures</c>); 1 some cases failed; 2 bad input or usage (file
/// missing or unreadable, no test cases, incomplete supporting data).
/// </summary>
internal static class CdsiCommand
{
    public const int AllPassed = 0;
    public const int SomeFailed = 1;
    public const int BadInput = 2;

    public static Command Create()
    {
        var cases = new Option<FileInfo>("--cases")
        {
            Description = "A CSV file in CDC's CDSi test-case layout (healthy, or underlying conditions with observation columns).",
            Required = true,
        };
        var data = new Option<DirectoryInfo?>("--data")
        {
            Description = "A folder with CDSi supporting data XML (ScheduleSupportingData.xml and AntigenSupportingData*.xml) to use instead of the embedded v4.64.",
        };
        var failures = new Option<bool>("--failures") { Description = "List each failing case with its differences, and each reason that differs." };
        var known = new Option<FileInfo?>("--known-failures")
        {
            Description = "A CSV file 'case_id,cause' of accepted failures: exit 0 if only those fail (a listed case that passes is reported).",
        };
        var command = new Command("cdsi", "Run CDC's CDSi test cases and report how many the engine passes. Exit code 0: all passed; 1: some failed; 2: bad input.")
        {
            cases, data, failures, known,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(cases)!;
            try
            {
                if (Directory.Exists(file.FullName))
                {
                    error.WriteLine($"cdsi: {file.FullName}: is a folder, not a file.");
                    return BadInput;
                }

                if (!file.Exists)
                {
                    error.WriteLine($"cdsi: {file.FullName}: file not found.");
                    return BadInput;
                }

                var accepted = parse.GetValue(known) is { } knownFile ? ReadKnownFailures(knownFile) : [];
                var engine = parse.GetValue(data) is { } folder ? new CdsiEngine(LoadFolder(folder)) : CdsiEngine.Default;
                var testCases = CdsiTestCaseReader.ReadFile(file.FullName);
                if (testCases.Count == 0)
                {
                    error.WriteLine($"cdsi: no test cases in {file.Name}.");
                    return BadInput;
                }

                var runner = new CdsiTestCaseRunner(engine);
                var outcomes = testCases.Select(runner.Run).ToList();
                var groups = outcomes.GroupBy(o => o.Case.VaccineGroup, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                    .Select(g => (Name: StandardFiles.CsvInput.Shown(g.Key), Passed: g.Count(o => o.Passed), Count: g.Count())).ToList();
                var width = Math.Max(12, groups.Max(g => g.Name.Length));
                foreach (var (name, passed, count) in groups)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name.PadRight(width)} {passed,5}/{count,-5}"));
                }

                if (parse.GetValue(failures))
                {
                    foreach (var outcome in outcomes.Where(o => !o.Passed))
                    {
                        output.WriteLine($"FAIL {outcome.Case.Id} (row {outcome.Case.Row}, {outcome.Case.VaccineGroup}): {string.Join("; ", outcome.Differences)}");
                    }

                    foreach (var outcome in outcomes.Where(o => o.ReasonDifferences.Count > 0))
                    {
                        output.WriteLine($"REASON {outcome.Case.Id} (row {outcome.Case.Row}, {outcome.Case.VaccineGroup}): {string.Join("; ", outcome.ReasonDifferences)}");
                    }
                }

                var unexpected = outcomes.Count(o => !o.Passed && !accepted.Contains(o.Case.Id));
                if (accepted.Count > 0)
                {
                    var listedFailing = outcomes.Count(o => !o.Passed && accepted.Contains(o.Case.Id));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Known failures: {listedFailing}/{accepted.Count} listed cases failed, {unexpected} unlisted failed"));
                    foreach (var outcome in outcomes.Where(o => o.Passed && accepted.Contains(o.Case.Id)))
                    {
                        output.WriteLine($"Listed as a known failure but passed: {outcome.Case.Id}");
                    }
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reasons: {outcomes.Sum(o => o.ReasonsMatched)}/{outcomes.Sum(o => o.ReasonsExpected)} expected reasons matched"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CDSi: {outcomes.Count(o => o.Passed)}/{outcomes.Count} test cases passed"));
                return unexpected == 0 ? AllPassed : SomeFailed;
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"cdsi: {ex.Message}");
                return BadInput;
            }
        });
        return command;
    }

    private static HashSet<string> ReadKnownFailures(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new IOException($"{file.FullName}: file not found.");
        }

        return [.. CdsiKnownFailures.Read(file.FullName).Keys];
    }

    private static CdsiSupportingData LoadFolder(DirectoryInfo folder)
    {
        if (!folder.Exists)
        {
            throw new IOException($"{folder.FullName}: folder not found.");
        }

        var schedulePath = Path.Combine(folder.FullName, "ScheduleSupportingData.xml");
        if (!File.Exists(schedulePath))
        {
            throw new IOException($"{folder.FullName}: ScheduleSupportingData.xml is missing.");
        }

        // Sorted so that loading (and any error) does not depend on the file system's order.
        var antigenFiles = folder.GetFiles("AntigenSupportingData*.xml").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        if (antigenFiles.Count == 0)
        {
            throw new IOException($"{folder.FullName}: no AntigenSupportingData*.xml files (one per antigen is needed beside ScheduleSupportingData.xml).");
        }

        var antigenStreams = new List<(string Name, Stream Content)>(antigenFiles.Count);
        try
        {
            foreach (var antigenFile in antigenFiles)
            {
                antigenStreams.Add((antigenFile.Name, antigenFile.OpenRead()));
            }

            using var schedule = File.OpenRead(schedulePath);
            return CdsiSupportingData.Load(("ScheduleSupportingData.xml", schedule), antigenStreams);
        }
        finally
        {
            antigenStreams.ForEach(s => s.Content.Dispose());
        }
    }
}
