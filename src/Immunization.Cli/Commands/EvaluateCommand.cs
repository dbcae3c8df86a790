using System.CommandLine;
using System.Diagnostics;
using Immunization.Cli.Evaluate;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Eligibility;
using Immunization.Core.Records.Files;
using NodaTime;
using NodaTime.Text;

namespace Immunization.Cli;

/// <summary>
/// <c>immunization evaluate --records records.csv [--links links.csv] --as-of DATE --out DIR</c>: COVID-19 status, dose
/// evaluations and next dose per person under Viet Nam's schedule. Exit codes: 0 done; 2 bad input or usage.
/// </summary>
internal static class EvaluateCommand
{
    public const int BadInput = 2;

    public static Command Create()
    {
        var records = new Option<FileInfo>("--records") { Description = "The standard record file (records.csv).", Required = true };
        var links = new Option<FileInfo?>("--links") { Description = "links.csv from 'link --register': records are grouped by person_id, else cluster_id." };
        var asOf = new Option<string>("--as-of") { Description = "The date to evaluate at, yyyy-MM-dd.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder for people.csv, doses.csv and rejects.csv.", Required = true };
        var command = new Command("evaluate", "Evaluate every person's COVID-19 doses under Viet Nam's schedule as of a date: status, each dose, next dose.")
        {
            records, links, asOf, output,
        };
        command.SetAction(parse =>
        {
            var console = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var date = LocalDatePattern.Iso.Parse(parse.GetValue(asOf) ?? string.Empty);
            if (!date.Success)
            {
                error.WriteLine("evaluate: --as-of must be a date as yyyy-MM-dd.");
                return BadInput;
            }

            var recordsFile = parse.GetValue(records)!;
            var linksFile = parse.GetValue(links);
            foreach (var file in new[] { recordsFile, linksFile })
            {
                if (file is not null && !file.Exists)
                {
                    error.WriteLine($"evaluate: {file.Name}: file not found.");
                    return BadInput;
                }
            }

            try
            {
                var stopwatch = Stopwatch.StartNew();
                var folder = parse.GetValue(output)!;
                folder.Create();
                var run = new EvaluateRun(CovidEvaluator.Default, date.Value);
                using var rejects = new StandardCsvWriter(File.Create(Path.Combine(folder.FullName, "rejects.csv")));
                rejects.Row(["file", "row", "column", "reason"]);
                if (linksFile is not null)
                {
                    run.ReadLinks(linksFile.FullName);
                }

                run.ReadRecords(recordsFile.FullName, rejects);
                using (var people = new StandardCsvWriter(File.Create(Path.Combine(folder.FullName, "people.csv"))))
                using (var doses = new StandardCsvWriter(File.Create(Path.Combine(folder.FullName, "doses.csv"))))
                {
                    run.Evaluate(recordsFile.Name, people, doses, rejects);
                }

                console.WriteLine($"{run.Rows} records: {run.DoseRows} evaluated for {run.People} people, {run.Rejected} rejected ({stopwatch.Elapsed.TotalSeconds:0.0} s)");
                return 0;
            }
            catch (StandardFileException e)
            {
                error.WriteLine($"evaluate: {e.Message}");
                return BadInput;
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                error.WriteLine($"evaluate: {e.Message}");
                return BadInput;
            }
        });
        return command;
    }
}
