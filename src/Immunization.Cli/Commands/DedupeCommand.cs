using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Immunization.Cli.Matching;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Records.Files;
using Immunization.Matching.Linking;
using Immunization.Matching.Deduplication;

namespace Immunization.Cli;

/// <summary><c>immunization dedupe</c>: finds the records of one CSV file that belong to one entity, as clusters.</summary>
internal static class DedupeCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The match configuration (JSON).", Required = true };
        var input = new Option<string>("--input") { Description = "The CSV file (header row; fields are trimmed).", Required = true };
        var output = new Option<string>("--out") { Description = "The output folder (pairs.csv, clusters.csv, model.json).", Required = true };
        var truth = new Option<bool>("--truth")
        {
            Description = "Print pairwise precision, recall and F1 of the clusters against the configuration's truth.",
        };
        var train = new Option<bool>("--train-on-truth")
        {
            Description = "Count m from the labelled pairs instead of estimating it by EM (optimistic accuracy).",
        };
        var command = new Command("dedupe", "Find duplicate records in one file: pairs, then clusters guarded against chaining.")
        {
            config, input, output, truth, train,
        };
        command.SetAction(parse =>
        {
            try
            {
                return Run(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(config)!, parse.GetValue(input)!, parse.GetValue(output)!,
                    parse.GetValue(truth), parse.GetValue(train));
            }
            catch (CliInputException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dedupe: {e.Message}");
                return 2;
            }
            catch (StandardFileException e)
            {
                // Names the file, row and column; never a value.
                parse.InvocationConfiguration.Error.WriteLine($"dedupe: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dedupe: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static int Run(TextWriter stdout, TextWriter stderr, string configPath, string inputPath, string outDir, bool truth, bool train)
    {
        var clock = Stopwatch.StartNew();
        var plan = MatchingOutput.LoadPlan(configPath);
        var configuration = plan.Configuration;
        if ((truth || train) && configuration.Truth is null)
        {
            throw new CliInputException($"{configPath}: --truth needs a 'truth' section in the configuration (column and pattern).");
        }

        var table = CsvRecordTables.Read(inputPath, configuration.IdColumn);
        MatchingOutput.CheckColumns(configuration, table, inputPath, configPath, truth || train);
        var ids = MatchingOutput.Ids(table, configuration.IdColumn, inputPath, configPath);
        Immunization.Matching.Deduplication.DeduplicationResult result;
        try
        {
            result = new RecordLinker(plan).Deduplicate(table, new LinkageOptions { TrainOnTruth = train });
        }
        catch (ArgumentException e)
        {
            throw new CliInputException(e.Message);
        }

        MatchingOutput.Prepare(outDir);
        var idName = configuration.IdColumn ?? "row";
        MatchingOutput.WritePairs(Path.Combine(outDir, "pairs.csv"), plan, result.Explain, idName + "_1", idName + "_2", ids, ids,
            result.Matches, result.Reviews);
        MatchingOutput.WriteModel(Path.Combine(outDir, "model.json"), result.Model, result.CandidatePairs, result.EmIterations);

        // A cluster is named by its smallest record id (the library's rule), so the name does not depend on the input order.
        var names = Immunization.Matching.Deduplication.ClusterNames.Representatives(result, table, ids.Column);
        using (var writer = new StandardCsvWriter(File.Create(Path.Combine(outDir, "clusters.csv"))))
        {
            writer.Row(idName, "cluster_id");
            for (var i = 0; i < table.Count; i++)
            {
                ids.Write(writer, i);
                ids.Write(writer, names[result.Clusters[i]]);
                writer.EndRow();
            }
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dedupe: {table.Count} records, {result.CandidatePairs} candidate pairs, " +
            $"{(train ? "m from labels" : $"EM {result.EmIterations} iterations")}, lambda {result.Model.Lambda:0.####}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"matches: {result.Matches.Count}, review: {result.Reviews.Count}, clusters: {result.ClusterCount}, " +
            $"joins refused by the chaining guard: {result.RefusedJoins}"));
        MatchingOutput.WarnIfDegenerate(stderr, "dedupe", configuration, result.Model, result.CandidatePairs, train);
        if (truth && result.Evaluation is { } evaluation)
        {
            MatchingOutput.WriteEvaluation(stdout, evaluation);
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote pairs.csv, clusters.csv, model.json to {outDir} in {clock.Elapsed.TotalSeconds:0.000} s"));
        return 0;
    }
}
