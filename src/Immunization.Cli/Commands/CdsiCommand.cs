using System.CommandLine;
using System.Globalization;
using Immunization.Cli.Cdsi;
using Immunization.Core.Evaluation;
using Immunization.Core.Schedules;

namespace Immunization.Cli;

/// <summary><c>immunization cdsi --cases FILE.csv</c>: runs CDC CDSi test cases through the engine.</summary>
internal static class CdsiCommand
{
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
        var failures = new Option<bool>("--failures") { Description = "List each failing case with its differences." };
        var command = new Command("cdsi", "Run CDC's CDSi test cases and report how many the engine passes.") { cases, data, failures };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(cases)!;
            try
            {
                if (!file.Exists)
                {
                    error.WriteLine($"cdsi: {file.FullName}: file not found.");
                    return 2;
                }

                var engine = parse.GetValue(data) is { } folder ? new CdsiEngine(LoadFolder(folder)) : CdsiEngine.Default;
                var testCases = CdsiTestCaseReader.ReadFile(file.FullName);
                var runner = new CdsiTestCaseRunner(engine);
                var outcomes = testCases.Select(runner.Run).ToList();
                foreach (var group in outcomes.GroupBy(o => o.Case.VaccineGroup, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key,-12} {group.Count(o => o.Passed),5}/{group.Count(),-5}"));
                }

                if (parse.GetValue(failures))
                {
                    foreach (var outcome in outcomes.Where(o => !o.Passed))
                    {
                        output.WriteLine($"FAIL {outcome.Case.Id} (row {outcome.Case.Row}, {outcome.Case.VaccineGroup}): {string.Join("; ", outcome.Differences)}");
                    }
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CDSi: {outcomes.Count(o => o.Passed)}/{outcomes.Count} test cases passed"));
                return 0;
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"cdsi: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static CdsiSupportingData LoadFolder(DirectoryInfo folder)
    {
        var schedulePath = Path.Combine(folder.FullName, "ScheduleSupportingData.xml");
        if (!File.Exists(schedulePath))
        {
            throw new IOException($"{folder.FullName}: ScheduleSupportingData.xml is missing.");
        }

        var antigenStreams = folder.GetFiles("AntigenSupportingData*.xml").Select(f => (Stream)f.OpenRead()).ToList();
        try
        {
            using var schedule = File.OpenRead(schedulePath);
            return CdsiSupportingData.Load(schedule, antigenStreams);
        }
        finally
        {
            antigenStreams.ForEach(s => s.Dispose());
        }
    }
}
