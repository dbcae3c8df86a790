using System.Diagnostics;
using System.Globalization;

namespace Immunization.Tests.Shared;

/// <summary>
/// A throw-away PostgreSQL server from the machine's own binaries (<c>/usr/lib/postgresql/N/bin</c>, the newest; or the folder
/// in <c>IMMUNIZATION_PG_BIN</c>): a new data folder under the temporary folder, a free loopback port, trust authentication,
/// no fsync; stopped and deleted on dispose. As root (CI), the server runs as the <c>postgres</c> user, since PostgreSQL
/// refuses to run as root. Missing binaries fail the test with what to install: it is never skipped.
/// </summary>
internal sealed class TemporaryPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;

    private TemporaryPostgres(string bin, string folder, bool asPostgresUser, int port)
    {
        _bin = bin;
        _folder = folder;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Gets the connection string of the server's <c>postgres</c> database as its superuser <c>postgres</c>.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=30;Command Timeout=60");

    public static async Task<TemporaryPostgres> StartAsync()
    {
        var bin = FindBinaries();
        var asPostgresUser = Environment.UserName == "root";
        var folder = Directory.CreateTempSubdirectory("immunization-pg-").FullName;
        if (asPostgresUser)
        {
            await RunAsync("chown", ["postgres:postgres", folder], asPostgresUser: false);
        }

        var port = LoopbackPorts.Free(1)[0];
        var server = new TemporaryPostgres(bin, folder, asPostgresUser, port);
        try
        {
            var data = Path.Combine(folder, "data");
            await server.RunToolAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
            var settings = string.Create(CultureInfo.InvariantCulture,
                $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=16MB");
            await server.RunToolAsync("pg_ctl", ["-D", data, "-o", settings, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start"]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var data = Path.Combine(_folder, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                await RunToolAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held; the temporary folder is cleaned by the system.
        }
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("IMMUNIZATION_PG_BIN") is { Length: > 0 } given)
        {
            return File.Exists(Path.Combine(given, "initdb"))
                ? given
                : throw new InvalidOperationException($"IMMUNIZATION_PG_BIN={given} has no initdb.");
        }

        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Folder, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Folder)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL's server binaries are not installed (no /usr/lib/postgresql/*/bin/initdb): install Debian's postgresql package " +
            "(apt-get install postgresql; .ci/run does it) or set IMMUNIZATION_PG_BIN to the folder of initdb and pg_ctl.");
    }

    private Task RunToolAsync(string tool, string[] arguments) =>
        RunAsync(Path.Combine(_bin, tool), arguments, _asPostgresUser);

    private static async Task RunAsync(string program, string[] arguments, bool asPostgresUser)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgresUser)
        {
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {await output} {await error}");
        }
    }
}
