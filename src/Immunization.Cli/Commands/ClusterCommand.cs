using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Immunization.Cli.Matching;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Records.Files;
using Immunization.Matching.Cluster;
using Npgsql;

namespace Immunization.Cli;

/// <summary>
/// <c>immunization cluster</c>: preparing a production register cluster. <c>init-db</c> creates Orleans' membership tables
/// in PostgreSQL (or prints the script for psql); <c>split</c> splits the register into the shared folder as a snapshot.
/// </summary>
internal static class ClusterCommand
{
    private const int Failed = 1;

    public static Command Create()
    {
        var command = new Command("cluster",
            "Prepare a production register cluster: 'init-db' creates the membership tables in PostgreSQL, 'split' writes the " +
            "register's shard files into the shared folder. Then start silos with 'immunization silo' and link with " +
            "'immunization link --cluster'.");
        command.Subcommands.Add(InitDb());
        command.Subcommands.Add(Split());
        return command;
    }

    private static Command InitDb()
    {
        var config = new Option<string>("--config")
        {
            Description = "A silo's or client's settings file (silo.json, client.json): its membershipDatabase is the database.",
        };
        var connection = new Option<string>("--connection")
        {
            Description = "The database's Npgsql connection string instead of --config (it shows in the process list: prefer --config).",
        };
        var print = new Option<bool>("--print-sql")
        {
            Description = "Print the script (Orleans' PostgreSQL-Main.sql and PostgreSQL-Clustering.sql, MIT) instead of running it, for psql -f.",
        };
        var command = new Command("init-db",
            "Create Orleans' ADO.NET clustering tables (OrleansQuery, OrleansMembershipVersionTable, OrleansMembershipTable) in a " +
            "PostgreSQL database unless they exist, in one transaction. Exit codes: 0 created or present, 1 database error, 2 usage.")
        {
            config, connection, print,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                if (parse.GetValue(print))
                {
                    if (parse.GetValue(config) is not null || parse.GetValue(connection) is not null)
                    {
                        throw new CliInputException("--print-sql prints the script and connects nowhere: give it alone.");
                    }

                    stdout.Write(ClusterDatabase.PostgreSqlScript);
                    return 0;
                }

                var configPath = parse.GetValue(config);
                var text = parse.GetValue(connection);
                if ((configPath is null) == (text is null))
                {
                    throw new CliInputException("give --config (a silo.json or client.json) or --connection, one of them (or --print-sql).");
                }

                string connectionString;
                string source;
                if (configPath is not null)
                {
                    connectionString = ReadMembershipDatabase(configPath);
                    source = $"the membershipDatabase of {configPath}";
                }
                else
                {
                    connectionString = text!;
                    source = "--connection";
                }

                NpgsqlConnection database;
                try
                {
                    database = new NpgsqlConnection(connectionString);
                }
                catch (ArgumentException)
                {
                    // Never quote the connection string: it may hold a password.
                    throw new CliInputException($"{source}: not an Npgsql connection string (Host=...;Database=...;Username=...).");
                }

                using (database)
                {
                    try
                    {
                        var created = ClusterDatabase.CreateTablesAsync(database).GetAwaiter().GetResult();
                        stdout.WriteLine(created
                            ? $"init-db: created Orleans' membership tables in database {database.Database} on {database.Host}"
                            : $"init-db: Orleans' membership tables exist already in database {database.Database} on {database.Host}; nothing changed");
                        return 0;
                    }
                    catch (Exception e) when (e is DbException or TimeoutException or System.Net.Sockets.SocketException)
                    {
                        stderr.WriteLine($"init-db: {e.GetType().Name}: {JsonInput.Cap(e.Message)} (database from {source})");
                        return Failed;
                    }
                }
            }
            catch (CliInputException e)
            {
                stderr.WriteLine($"init-db: {e.Message}");
                return CliApp.UsageError;
            }
        });
        return command;
    }

    private static Command Split()
    {
        var config = new Option<string>("--config")
        {
            Description = "The client's settings (client.json): the snapshot is written under its 'snapshot' name into its 'storage' folder.",
            Required = true,
        };
        var register = new Option<string>("--register") { Description = "The population register (the standard register.csv).", Required = true };
        var shards = new Option<int>("--shards")
        {
            Description = "The number of shards (1 to 4,096): several per silo spreads the load; plan for the silos the register will need.",
            Required = true,
        };
        var command = new Command("split",
            "Split the register into shard files (each with the whole register's statistics) in the cluster's shared folder, as a " +
            "new snapshot named by client.json's 'snapshot'; silos load a shard when it is first asked for. A snapshot is never " +
            "overwritten (silos keep loaded shards in memory): name a new one for a new register. Exit codes: 0 done, 2 bad input.")
        {
            config, register, shards,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var clock = Stopwatch.StartNew();
                var configPath = parse.GetValue(config)!;
                var registerPath = parse.GetValue(register)!;
                var shardCount = parse.GetValue(shards);
                if (shardCount is < 1 or > 4096)
                {
                    throw new CliInputException("--shards takes 1 to 4,096.");
                }

                var options = ClusterConfigFiles.ReadClient(configPath);
                var storage = ClusterConfigFiles.OpenStorage(configPath, options.Storage);
                if (storage.Exists($"{options.Snapshot}/snapshot.json") || Directory.Exists(Path.Combine(storage.Root, options.Snapshot)))
                {
                    throw new CliInputException($"{configPath}: snapshot: {options.Snapshot} exists already in {storage.Root}; silos may hold its " +
                        "shards in memory, so it is never overwritten: name a new snapshot.");
                }

                if (!File.Exists(registerPath))
                {
                    throw new CliInputException($"{registerPath}: file not found.");
                }

                var stats = new IdentityFileStats(Path.GetFileName(registerPath));
                var people = ClusterLinkRun.ReadText(registerPath, "person_id").SelectMany(b => b).ToList();
                var snapshot = RegisterSnapshot.Write(people, shardCount, storage, options.Snapshot);
                snapshot.Save(storage);
                ClusterLinkRun.CountUnreadable(stats, people);

                if (stats.Summary() is { } summary)
                {
                    stdout.WriteLine(summary);
                }

                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"split: {snapshot.People} people into {shardCount} shards as snapshot {snapshot.Id} in {storage.Root} in {clock.Elapsed.TotalSeconds:0.00} s"));
                return 0;
            }
            catch (CliInputException e)
            {
                stderr.WriteLine($"split: {e.Message}");
                return CliApp.UsageError;
            }
            catch (StandardFileException e)
            {
                stderr.WriteLine($"split: {e.Message}");
                return CliApp.UsageError;
            }
        });
        return command;
    }

    private static string ReadMembershipDatabase(string path)
    {
        // Either settings file names the database; read it as the one it is.
        var json = JsonInput.Read(path, "settings");
        using var document = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions
        {
            CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && document.RootElement.TryGetProperty("snapshot", out _)
            ? ClusterConfigFiles.ReadClient(path).MembershipDatabase
            : ClusterConfigFiles.ReadSilo(path).MembershipDatabase;
    }
}
