using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Immunization.Cli;

/// <summary>
/// <c>immunization demo [--people N] [--seed S] [--out DIR]</c>: the whole job end to end on generated data, by running
/// generate, link, evaluate and report in order, in-process, with the same writers; stops at the first step that fails.
/// </summary>
internal static class DemoCommand
{
    private const string AsOf = "2022-12-31";

    public static Command Create()
    {
        var people = new Option<int>("--people") { Description = "People in the generated register.", DefaultValueFactory = _ => 200_000 };
        var seed = new Option<ulong>("--seed") { Description = "The generator's seed (a whole number >= 0; anything else is a usage error).", DefaultValueFactory = _ => 1UL };
        var output = new Option<DirectoryInfo>("--out") { Description = "The output folder (data, links, eval, report under it).", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "demo")) };

        var command = new Command("demo", "Runs generate, link, evaluate and report in order on generated data, as of " + AsOf + ". Exit codes: 0 done, 2 usage error, else the failing step's code.");
        command.Options.Add(people);
        command.Options.Add(seed);
        command.Options.Add(output);

        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            int n = parse.GetValue(people);
            if (n < 1)
            {
                error.WriteLine("demo: --people must be at least 1.");
                return CliApp.UsageError;
            }

            ulong s = parse.GetValue(seed);

            var c = CultureInfo.InvariantCulture;
            string dir = parse.GetValue(output)!.FullName;
            string data = Path.Combine(dir, "data");
            string register = Path.Combine(data, "register.csv");
            string records = Path.Combine(data, "records.csv");
            string links = Path.Combine(dir, "links");
            string linksCsv = Path.Combine(links, "links.csv");
            string eval = Path.Combine(dir, "eval");
            string report = Path.Combine(dir, "report");
            var steps = new (string Title, string[] Args)[]
            {
                ("generate a province's register and vaccination records (generate)", ["generate", "--people", n.ToString(c), "--seed", s.ToString(c), "--out", data, "--force"]),
                ("verify every record against the register (link)", ["link", "--register", register, "--records", records, "--truth", Path.Combine(data, "truth.csv"), "--out", links]),
                ("evaluate every person's doses (evaluate)", ["evaluate", "--records", records, "--links", linksCsv, "--as-of", AsOf, "--out", eval]),
                ("report coverage, data quality and commune work lists (report)", ["report", "--register", register, "--records", records, "--links", linksCsv, "--people", Path.Combine(eval, "people.csv"), "--doses", Path.Combine(eval, "doses.csv"), "--as-of", AsOf, "--out", report]),
            };

            var total = Stopwatch.StartNew();
            for (int i = 0; i < steps.Length; i++)
            {
                stdout.WriteLine(string.Create(c, $"== step {i + 1}/{steps.Length}: {steps[i].Title}"));
                var clock = Stopwatch.StartNew();
                int exit = CliApp.Run(steps[i].Args, stdout, error);
                stdout.WriteLine(string.Create(c, $"-- step {i + 1}/{steps.Length} took {clock.Elapsed.TotalSeconds:0.00} s (exit {exit})"));
                if (exit != 0)
                {
                    error.WriteLine(string.Create(c, $"demo: step {i + 1} ({steps[i].Args[0]}) failed with exit code {exit}; stopping."));
                    return exit;
                }
            }

            stdout.WriteLine(string.Create(c, $"== demo done in {total.Elapsed.TotalSeconds:0.00} s; outputs:"));
            stdout.WriteLine("  register, records, truth: " + data);
            stdout.WriteLine("  links:                    " + linksCsv);
            stdout.WriteLine("  people, doses, rejects:   " + eval);
            stdout.WriteLine("  indicators, work lists:   " + report);
            return 0;
        });
        return command;
    }
}
