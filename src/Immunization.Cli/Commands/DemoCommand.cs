using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Immunization.Cli;

/// <summary>
/// <c>immunization demo [--people N] [--seed S] [--out DIR]</c>: the whole job end to end on generated data, by running
/// generate, link, evaluate and report in order, in-process, with the same writers; stops at the first step that fails.
/// On a terminal each step shows as a Spectre.Console progress line; redirected, plain lines. A summary table ends it:
/// coverage by age group, data quality, the commune work lists, and the figures compared with the generator's ground truth.
/// </summary>
internal static class DemoCommand
{
    private const string AsOf = "2022-12-31";

    public static Command Create()
    {
        var people = new Option<int>("--people") { Description = "People in the generated register.", DefaultValueFactory = _ => 200_000 };
        var seed = new Option<ulong>("--seed") { Description = "The generator's seed (a whole number >= 0; anything else is a usage error).", DefaultValueFactory = _ => 1UL };
        var output = new Option<DirectoryInfo>("--out") { Description = "The output folder (data, links, eval, report under it).", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "demo")) };

        var command = new Command("demo", "Runs generate, link, evaluate and report in order on generated data, as of " + AsOf + "; writes report/report.html. Exit codes: 0 done, 2 usage error, else the failing step's code.");
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

            // Live progress only on a real terminal; tests and pipes get plain lines.
            bool live = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(stdout),
                Ansi = live ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = live ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = live ? InteractionSupport.Yes : InteractionSupport.No,
            });
            if (!live)
            {
                console.Profile.Width = 120;
            }

            string logs = Path.Combine(dir, "logs");
            var total = Stopwatch.StartNew();
            int failed = 0;
            int failedExit = 0;
            string RunStep(int i)
            {
                Directory.CreateDirectory(logs);
                var captured = new StringWriter(c);
                int exit = CliApp.Run(steps[i].Args, captured, error);
                File.WriteAllText(Path.Combine(logs, steps[i].Args[0] + ".log"), captured.ToString());
                if (exit != 0)
                {
                    failed = i + 1;
                    failedExit = exit;
                }

                return captured.ToString();
            }

            var times = new double[steps.Length];
            if (live)
            {
                console.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        var tasks = steps.Select((step, i) => ctx.AddTask(string.Create(c, $"{i + 1}/{steps.Length} {Markup.Escape(step.Title)}"), autoStart: false, maxValue: 1)).ToList();
                        for (int i = 0; i < steps.Length && failed == 0; i++)
                        {
                            tasks[i].IsIndeterminate = true;
                            tasks[i].StartTask();
                            var clock = Stopwatch.StartNew();
                            RunStep(i);
                            times[i] = clock.Elapsed.TotalSeconds;
                            tasks[i].IsIndeterminate = false;
                            tasks[i].Value = failed == 0 ? 1 : 0;
                            tasks[i].StopTask();
                        }
                    });
            }
            else
            {
                for (int i = 0; i < steps.Length && failed == 0; i++)
                {
                    stdout.WriteLine(string.Create(c, $"== step {i + 1}/{steps.Length}: {steps[i].Title}"));
                    var clock = Stopwatch.StartNew();
                    RunStep(i);
                    times[i] = clock.Elapsed.TotalSeconds;
                    stdout.WriteLine(string.Create(c, $"-- step {i + 1}/{steps.Length} took {times[i]:0.00} s (exit {(failed == i + 1 ? failedExit : 0)})"));
                }
            }

            if (failed != 0)
            {
                error.WriteLine(string.Create(c, $"demo: step {failed} ({steps[failed - 1].Args[0]}) failed with exit code {failedExit}; stopping (its output: {Path.Combine(logs, steps[failed - 1].Args[0] + ".log")})."));
                return failedExit;
            }

            DemoSummary.Write(console, data, linksCsv, report);
            stdout.WriteLine(string.Create(c, $"== demo done in {total.Elapsed.TotalSeconds:0.00} s (generate {times[0]:0.0} s, link {times[1]:0.0} s, evaluate {times[2]:0.0} s, report {times[3]:0.0} s); outputs:"));
            stdout.WriteLine("  register, records, truth: " + data);
            stdout.WriteLine("  links:                    " + linksCsv);
            stdout.WriteLine("  people, doses, rejects:   " + eval);
            stdout.WriteLine("  indicators, work lists:   " + report);
            stdout.WriteLine("  HTML report:              " + Path.Combine(report, "report.html"));
            stdout.WriteLine("  each step's output:       " + logs);
            return 0;
        });
        return command;
    }
}
