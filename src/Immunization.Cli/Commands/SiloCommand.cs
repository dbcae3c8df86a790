using System.CommandLine;
using System.Globalization;
using Immunization.Cli.Matching;
using Immunization.Cli.StandardFiles;
using Immunization.Matching.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Immunization.Cli;

/// <summary>
/// <c>immunization silo --config silo.json</c>: a production silo of the register cluster. It joins the cluster through the
/// membership table in PostgreSQL, hosts shard grains (each loads its shard file from the shared folder when first asked),
/// routers and link jobs, and runs until Ctrl-C or SIGTERM, when it leaves the cluster cleanly.
/// </summary>
internal static class SiloCommand
{
    private const int CouldNotStart = 1;

    public static Command Create()
    {
        var config = new Option<string>("--config")
        {
            Description = "The silo's settings (silo.json): clusterId, serviceId, membershipDatabase (Npgsql connection string), storage " +
                "(the shared folder), advertisedAddress, siloPort, gatewayPort.",
            Required = true,
        };
        var logLevel = new Option<string>("--log-level")
        {
            Description = "The least severe Orleans log entries written to the console: trace, debug, information, warning, error, critical.",
            DefaultValueFactory = _ => "warning",
        };
        logLevel.AcceptOnlyFromAmong("trace", "debug", "information", "warning", "error", "critical");
        var command = new Command("silo",
            "Run a silo of the register cluster (production mode) until Ctrl-C or SIGTERM: membership through Orleans' ADO.NET " +
            "clustering on PostgreSQL (create its tables once with 'immunization cluster init-db'), shard files from the shared folder " +
            "(written by 'immunization cluster split'). Exit codes: 0 stopped, 1 could not start, 2 bad settings.")
        {
            config, logLevel,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(config)!;
            try
            {
                var options = ClusterConfigFiles.ReadSilo(path);
                var storage = ClusterConfigFiles.OpenStorage(path, options.Storage);
                var level = Enum.Parse<LogLevel>(parse.GetValue(logLevel)!, ignoreCase: true);
                var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
                builder.Logging.SetMinimumLevel(level);
                builder.Logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
                });
                builder.UseOrleans(silo => silo.UseRegisterCluster(options, storage));
                using var host = builder.Build();
                try
                {
                    host.StartAsync().GetAwaiter().GetResult();
                }
                catch (Exception e)
                {
                    stderr.WriteLine($"silo: could not start ({e.GetType().Name}: {e.Message}); check membershipDatabase in {path}, " +
                        "that 'immunization cluster init-db' created the membership tables, and that the ports are free.");
                    return CouldNotStart;
                }

                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"silo: running in cluster {options.ClusterId} (service {options.ServiceId}), silo port {options.SiloPort}, gateway port " +
                    $"{options.GatewayPort}, storage {storage.Root}; stop with Ctrl-C or SIGTERM"));
                host.WaitForShutdownAsync().GetAwaiter().GetResult();
                stdout.WriteLine("silo: stopped");
                return 0;
            }
            catch (CliInputException e)
            {
                stderr.WriteLine($"silo: {e.Message}");
                return CliApp.UsageError;
            }
        });
        return command;
    }
}
