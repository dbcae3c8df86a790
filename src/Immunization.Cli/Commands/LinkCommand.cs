using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Immunization.Cli.Matching;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Records.Files;
using Immunization.Matching.Linking;

namespace Immunization.Cli;

/// <summary>
/// <c>immunization link</c>: links vaccination records to the register with the built-in Vietnamese matcher
/// (<c>--register --records</c>), or two CSV files as a JSON configuration says (<c>--config --left --right</c>).
/// </summary>
internal static class LinkCommand
{
    public static Command Create()
    {
        // Two modes with their own options; each option's description says which mode it belongs to, and mixing is refused.
        var register = new Option<string>("--register") { Description = "[register mode] The population register (the standard register.csv)." };
        var records = new Option<string>("--records") { Description = "[register mode] The vaccination records (the standard records.csv)." };
        var indexFile = new Option<string>("--index")
        {
            Description = "[register mode] A register index saved with --save-index, used instead of --register (the register file is not read: " +
                "the index holds the person ids).",
        };
        var saveIndex = new Option<string>("--save-index")
        {
            Description = "[register mode] Also save the index built from --register to this file, for later runs with --index.",
        };
        var config = new Option<string>("--config") { Description = "[config mode] The match configuration (JSON): fields, levels, blocking, thresholds." };
        var left = new Option<string>("--left") { Description = "[config mode] The first CSV file (header row; fields are trimmed)." };
        var right = new Option<string>("--right") { Description = "[config mode] The second CSV file." };
        var output = new Option<string>("--out")
        {
            Description = "[both] The output folder (created if missing): links.csv and explanations.csv in register mode, " +
                "links.csv and model.json in config mode.",
            Required = true,
        };
        var truth = new Option<string?>("--truth")
        {
            Description = "[both] Score against the truth and print precision, recall and F1. Register mode: the truth file " +
                "(truth.csv). Config mode: no value; the configuration's 'truth' section says how to read it.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var silos = new Option<int>("--silos")
        {
            Description = "[register mode] Link on an Orleans cluster of this many silos started in this process (the register split " +
                "into 4 shards per silo); the output is that of the single-machine run. 0 (default): no cluster.",
        };
        var clusterConfig = new Option<string>("--cluster")
        {
            Description = "[register mode] Link on a running production cluster (silos started with 'immunization silo'), connecting as " +
                "its client with this settings file (client.json: clusterId, membershipDatabase, storage, snapshot); give --records, " +
                "not --register: the register is the snapshot split into the shared storage by 'immunization cluster split'.",
        };
        var registerRows = new Option<bool>("--register-rows")
        {
            Description = "[register mode] Add a register_row column to links.csv: the linked person's data row in register.csv, counted " +
                "from 0 (with --index, in the register the index was saved from; empty when not linked), which 'report' checks instead " +
                "of looking the person up. Not with --silos or --cluster (a shard numbers only its own people).",
        };
        var train = new Option<bool>("--train-on-truth")
        {
            Description = "[config mode] Count m from the labelled pairs instead of estimating it by EM (optimistic accuracy).",
        };
        var command = new Command("link",
            "Link records. Register mode (--register, --records): every vaccination record against the population register with " +
            "the built-in Vietnamese matcher. Config mode (--config, --left, --right): two CSV files as a JSON configuration says: " +
            "candidate pairs by blocking, Fellegi-Sunter weights, explained decisions. Exit codes: 0 done, 2 bad input or usage.")
        {
            register, records, indexFile, saveIndex, config, left, right, output, truth, train, silos, clusterConfig, registerRows,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var truthGiven = parse.GetResult(truth) is not null;
                var registerPath = parse.GetValue(register);
                var indexPath = parse.GetValue(indexFile);
                if (parse.GetValue(clusterConfig) is { } clusterPath)
                {
                    return RunOnCluster(stdout, clusterPath, registerPath ?? indexPath ?? parse.GetValue(saveIndex) ?? parse.GetValue(config)
                        ?? parse.GetValue(left) ?? parse.GetValue(right), truthGiven || parse.GetValue(train) || parse.GetValue(silos) != 0 || parse.GetValue(registerRows),
                        parse.GetValue(records), parse.GetValue(output)!);
                }

                if (registerPath is not null || indexPath is not null)
                {
                    if (registerPath is not null && indexPath is not null)
                    {
                        throw new CliInputException("give --register or --index, not both: --index replaces the register with its saved index.");
                    }

                    if (indexPath is not null && parse.GetValue(saveIndex) is not null)
                    {
                        throw new CliInputException("--save-index saves the index built from --register; with --index the index is already saved.");
                    }

                    var recordsPath = parse.GetValue(records)
                        ?? throw new CliInputException($"--records is required with {(registerPath is null ? "--index" : "--register")}.");
                    if (parse.GetValue(config) is not null || parse.GetValue(left) is not null || parse.GetValue(right) is not null)
                    {
                        throw new CliInputException("--register/--records and --config/--left/--right are two different modes; use one.");
                    }

                    if (parse.GetValue(train))
                    {
                        throw new CliInputException("--train-on-truth belongs to config mode (--config); the register matcher fixes m from data-entry error " +
                            "rates and needs no labels, so there is nothing to train with --register.");
                    }

                    var truthPath = parse.GetValue(truth);
                    if (truthGiven && truthPath is null)
                    {
                        throw new CliInputException("--truth needs the truth file (truth.csv) with --register.");
                    }

                    var siloCount = parse.GetValue(silos);
                    if (siloCount is < 0 or > 64)
                    {
                        throw new CliInputException("--silos takes 1 to 64 (or 0 for no cluster).");
                    }

                    if (siloCount > 0 && truthPath is not null)
                    {
                        throw new CliInputException("--truth is not available with --silos: its blocking recall needs the whole register's index on one machine.");
                    }

                    if (siloCount > 0 && (indexPath is not null || parse.GetValue(saveIndex) is not null))
                    {
                        throw new CliInputException("--silos splits the register file into shards: give --register, not --index or --save-index, with it.");
                    }

                    if (siloCount > 0 && parse.GetValue(registerRows))
                    {
                        throw new CliInputException("--register-rows is not available with --silos: each shard numbers only its own people, so the " +
                            "cluster's links carry no register row.");
                    }

                    return RegisterLinkRun.Run(stdout, new RegisterSource(registerPath, indexPath, parse.GetValue(saveIndex)), recordsPath,
                        parse.GetValue(output)!, truthPath,
                        siloCount > 0 ? stats => ClusterLinkRun.Start(registerPath!, recordsPath, siloCount, stats) : null,
                        parse.GetValue(registerRows));
                }

                if (parse.GetValue(silos) != 0)
                {
                    throw new CliInputException("--silos belongs to register mode: give --register and --records with it.");
                }

                if (parse.GetValue(records) is not null || parse.GetValue(saveIndex) is not null || parse.GetValue(registerRows))
                {
                    throw new CliInputException("--records, --save-index and --register-rows belong to register mode: give --register (or --index) with them.");
                }

                var configPath = parse.GetValue(config)
                    ?? throw new CliInputException("give --register and --records, or --config with --left and --right.");
                var leftPath = parse.GetValue(left) ?? throw new CliInputException("--left is required with --config.");
                var rightPath = parse.GetValue(right) ?? throw new CliInputException("--right is required with --config.");
                if (parse.GetValue(truth) is not null)
                {
                    throw new CliInputException("with --config, --truth takes no value: the configuration's 'truth' section describes it.");
                }

                return RunGeneric(stdout, stderr, configPath, leftPath, rightPath, parse.GetValue(output)!, truthGiven, parse.GetValue(train));
            }
            catch (CliInputException e)
            {
                stderr.WriteLine($"link: {e.Message}");
                return 2;
            }
            catch (StandardFileException e)
            {
                // Names the file, row and column; never a value.
                stderr.WriteLine($"link: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // File-system messages name paths, never row contents.
                stderr.WriteLine($"link: {e.Message}");
                return 2;
            }
            catch (ClusterRunException e)
            {
                // Names the cluster, the job and what failed; never a record.
                stderr.WriteLine($"link: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary><c>link --cluster client.json --records --out</c>: the records linked on a running production cluster.</summary>
    private static int RunOnCluster(TextWriter stdout, string clusterPath, string? otherSource, bool otherOption, string? recordsPath,
        string outDir)
    {
        if (otherSource is not null)
        {
            throw new CliInputException("--cluster links against the snapshot in the cluster's storage: give --records and --out with it, not " +
                "--register, --index, --save-index or the config mode's --config, --left, --right.");
        }

        if (otherOption)
        {
            throw new CliInputException("--truth, --train-on-truth, --silos and --register-rows are not available with --cluster (blocking recall " +
                "needs the whole register's index on one machine; --silos starts a cluster of its own; a shard numbers only its own people).");
        }

        if (recordsPath is null)
        {
            throw new CliInputException("--records is required with --cluster.");
        }

        var options = ClusterConfigFiles.ReadClient(clusterPath);
        return RegisterLinkRun.Run(stdout, new RegisterSource(null, null, null), recordsPath, outDir, null,
            _ => ClusterLinkRun.Connect(clusterPath, options, recordsPath));
    }

    private static int RunGeneric(TextWriter stdout, TextWriter stderr, string configPath, string leftPath, string rightPath, string outDir, bool truth,
        bool train)
    {
        var clock = Stopwatch.StartNew();
        var plan = MatchingOutput.LoadPlan(configPath);
        var configuration = plan.Configuration;
        if ((truth || train) && configuration.Truth is null)
        {
            throw new CliInputException($"{configPath}: --truth needs a 'truth' section in the configuration (column and pattern).");
        }

        var leftTable = CsvRecordTables.Read(leftPath, configuration.IdColumn);
        var rightTable = CsvRecordTables.Read(rightPath, configuration.IdColumn);
        MatchingOutput.CheckColumns(configuration, leftTable, leftPath, configPath, truth || train);
        MatchingOutput.CheckColumns(configuration, rightTable, rightPath, configPath, truth || train);
        var leftIds = MatchingOutput.Ids(leftTable, configuration.IdColumn, leftPath, configPath);
        var rightIds = MatchingOutput.Ids(rightTable, configuration.IdColumn, rightPath, configPath);
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
        var idName = configuration.IdColumn ?? "row";
        MatchingOutput.WritePairs(Path.Combine(outDir, "links.csv"), plan, result.Explain, "left_" + idName, "right_" + idName, leftIds,
            rightIds, result.Matches, result.Reviews);
        MatchingOutput.WriteModel(Path.Combine(outDir, "model.json"), result.Model, result.CandidatePairs, result.EmIterations);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"link: {leftTable.Count} x {rightTable.Count} records, {result.CandidatePairs} candidate pairs, " +
            $"{(train ? "m from labels" : $"EM {result.EmIterations} iterations")}, lambda {result.Model.Lambda:0.####}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"matches: {result.Matches.Count}, review: {result.Reviews.Count}"));
        MatchingOutput.WarnIfDegenerate(stderr, "link", configuration, result.Model, result.CandidatePairs, train);
        if (truth && result.Evaluation is { } evaluation)
        {
            MatchingOutput.WriteEvaluation(stdout, evaluation);
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {Path.Combine(outDir, "links.csv")}, {Path.Combine(outDir, "model.json")} in {clock.Elapsed.TotalSeconds:0.000} s"));
        return 0;
    }
}
