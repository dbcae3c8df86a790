using System.CommandLine;
using Immunization.Cli.Matching;
using Immunization.Cli.Reporting;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Records.Files;

namespace Immunization.Cli;

/// <summary>
/// <c>immunization worklist apply --links L --register R --records D --returned DIR --out DIR</c>: applies the commune work
/// lists the police returned (confirmed, corrected, could_not_verify), links corrected records again and says what changed.
/// </summary>
internal static class WorklistCommand
{
    public static Command Create()
    {
        var links = new Option<FileInfo>("--links") { Description = "links.csv the lists were drawn up from ('link --register', or an earlier 'worklist apply').", Required = true };
        var register = new Option<FileInfo>("--register") { Description = "register.csv (corrected records are linked again against it).", Required = true };
        var records = new Option<FileInfo>("--records") { Description = "records.csv (the corrections replace its values).", Required = true };
        var returned = new Option<DirectoryInfo>("--returned") { Description = "The folder of returned work lists (the CSV files 'report' wrote, answer columns filled).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The output folder: links.csv, records.csv, changes.csv, problems.csv, returned-lists.csv.", Required = true };

        var apply = new Command(
            "apply",
            "Apply returned work lists: confirmed and could_not_verify change nothing; corrections replace the record's values and the record is linked " +
            "again. Exit codes: 0 all applied, 1 applied except the rows in problems.csv, 2 usage or input error.")
        {
            links, register, records, returned, output,
        };
        apply.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                return WorklistApplyRun.Run(stdout, stderr, parse.GetValue(register)!.FullName, parse.GetValue(records)!.FullName, parse.GetValue(links)!.FullName,
                    parse.GetValue(returned)!.FullName, parse.GetValue(output)!.FullName);
            }
            catch (Exception e) when (e is CliInputException or StandardFileException or IOException or UnauthorizedAccessException)
            {
                // File, row and column; never a value.
                stderr.WriteLine("worklist apply: " + e.Message);
                return CliApp.UsageError;
            }
        });

        return new Command("worklist", "Commune work lists: apply the lists the police returned.") { apply };
    }
}
