using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Immunization.Cli.Matching;
using Immunization.Matching.Linking;

namespace Immunization.Cli;

/// <summary>
/// <c>immunization link</c>: links two CSV files as a JSON configuration says (<c>--config --left --right</c>).
/// </summary>
internal static class LinkCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The match configuration (JSON): fields, levels, blocking, thresholds." };
        var left = new Option<string>("--left") { Description = "The first CSV file (header row; fields are trimmed)." };
        var right = new Option<string>("--right") { Description = "The second CSV file." };
        var output = new Option<string>("--out") { Description = "The output folder (links.csv, model.json).", Required = true };
        var truth = new Option<bool>("--truth")
        {
            Description = "Print precision, recall and F1 against the truth the configuration describes (its 'truth' section).",
        };
        var train = new Option<bool>("--train-on-truth")
        {
            Description = "Count m from the labelled pairs instead of estimating it by EM (optimistic accuracy).",
        };
        var command = new Command("link", "Link two files of records: candidate pairs by blocking, Fellegi-Sunter weights, explained decisions.")
        {
            config, left, right, output, truth, train,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var configPath = parse.GetValue(config) ?? throw new CliInputException("--config is required (with --left and --right).");
                var leftPath = parse.GetValue(left) ?? throw new CliInputException("--left is required with --config.");
                var rightPath = parse.GetValue(right) ?? throw new CliInputException("--right is required with --config.");
                return RunGeneric(stdout, configPath, leftPath, rightPath, parse.GetValue(output)!, parse.GetValue(truth), parse.GetValue(train));
            }
            catch (CliInputException e)
            {
                stderr.WriteLine($"link: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static int RunGeneric(TextWriter stdout, string configPath, string leftPath, string rightPath, string outDir, bool truth,
        bool train)
    {
        var clock = Stopwatch.StartNew();
        var plan = MatchingOutput.LoadPlan(configPath);
        if ((truth || train) && plan.Configuration.Truth is null)
        {
            throw new CliInputException($"{configPath}: --truth needs a 'truth' section in the configuration (column and pattern).");
        }

        var leftTable = CsvRecordTables.Read(leftPath);
        var rightTable = CsvRecordTables.Read(rightPath);
        var leftIds = MatchingOutput.Ids(leftTable, plan.Configuration.IdColumn, leftPath);
        var rightIds = MatchingOutput.Ids(rightTable, plan.Configuration.IdColumn, rightPath);
        LinkageResult result;
        try
        {
            result = new RecordLinker(plan).Link(leftTable, rightTable, new LinkageOptions { TrainOnTruth = train });
        }
        catch (ArgumentException e)
        {
            throw new CliInputException(e.Message);
        }

        MatchingOutput.Prepare(outDir);
        var idName = plan.Configuration.IdColumn ?? "row";
        MatchingOutput.WritePairs(Path.Combine(outDir, "links.csv"), plan, result.Explain, "left_" + idName, "right_" + idName, leftIds,
            rightIds, result.Matches, result.Reviews);
        MatchingOutput.WriteModel(Path.Combine(outDir, "model.json"), result.Model, result.CandidatePairs, result.EmIterations);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"link: {leftTable.Count} x {rightTable.Count} records, {result.CandidatePairs} candidate pairs, " +
            $"{(train ? "m from labels" : $"EM {result.EmIterations} iterations")}, lambda {result.Model.Lambda:0.####}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"matches: {result.Matches.Count}, review: {result.Reviews.Count}"));
        if (truth && result.Evaluation is { } evaluation)
        {
            MatchingOutput.WriteEvaluation(stdout, evaluation);
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {Path.Combine(outDir, "links.csv")}, {Path.Combine(outDir, "model.json")} in {clock.Elapsed.TotalSeconds:0.000} s"));
        return 0;
    }
}
