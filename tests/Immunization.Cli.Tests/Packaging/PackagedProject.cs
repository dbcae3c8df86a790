using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Immunization.Cli.Tests.Packaging;

/// <summary>
/// Packs every package of the repository into one temporary folder, once for the test class, and runs
/// <c>dotnet</c> there the way a user would: restores come from that folder, from the machine's package cache (read as a
/// local feed, so nothing is downloaded twice) and from nuget.org, into a package folder of its own, so a package built
/// here never lands in (nor is served stale from) the user's cache. Everything is deleted on dispose.
/// </summary>
public sealed class PackagedProject : IDisposable
{
    /// <summary>The package ids packed, the tool last.</summary>
    public static readonly string[] PackageIds =
        ["Immunization.Core", "Immunization.Matching", "Immunization.Reporting", "Immunization.Testing", "Immunization.Cli"];

    public PackagedProject()
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Directory.CreateTempSubdirectory("immunization-packaging-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        PackagesFolder = Path.Combine(Root, "packages");
        NuGetConfig = Path.Combine(Root, "nuget.config");

        var userCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cacheSource = Directory.Exists(userCache) ? $"""    <add key="cache" value="{userCache}" />""" + "\n" : "";
        File.WriteAllText(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{PackagesFolder}" /></config>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
            {cacheSource}    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        // The test assembly was built with the packages' own build (same configuration): pack those outputs.
        var configuration = typeof(PackagedProject).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        try
        {
            foreach (var id in PackageIds)
            {
                var project = Path.Combine(RepositoryRoot, "src", id, id + ".csproj");
                Run(RepositoryRoot, "pack", project, "--no-build", "--no-restore", "-c", configuration, "-o", Feed, "--nologo");
            }
            Version = ReadVersion(Path.Combine(Feed, "Immunization.Core." + "*.nupkg"));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string RepositoryRoot { get; }

    public string Root { get; }

    public string Feed { get; }

    public string PackagesFolder { get; }

    public string NuGetConfig { get; }

    public string Version { get; }

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    /// <summary>Reads one entry of a package as text.</summary>
    public string ReadEntry(string id, string entry)
    {
        using var zip = ZipFile.OpenRead(PackagePath(id));
        var e = zip.GetEntry(entry) ?? throw new InvalidOperationException($"{id} has no entry {entry}: {string.Join(", ", zip.Entries.Select(x => x.FullName))}");
        using var reader = new StreamReader(e.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public IReadOnlyList<string> Entries(string id, string extension = "nupkg")
    {
        using var zip = ZipFile.OpenRead(PackagePath(id, extension));
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    /// <summary>Runs dotnet (or <paramref name="fileName"/>) in <paramref name="workingDirectory"/>; throws with its output when it fails.</summary>
    public string Run(string workingDirectory, params string[] arguments) => RunFile("dotnet", workingDirectory, arguments);

    public string RunFile(string fileName, string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        // A child dotnet must not inherit the test host's MSBuild settings; its restores go to our own package folder.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment["NUGET_PACKAGES"] = PackagesFolder;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // Leave no build servers or MSBuild nodes running after the test.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        info.Environment["UseSharedCompilation"] = "false";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // An installed tool's command is an app host: it finds the runtime this test runs on through DOTNET_ROOT.
        if (!info.Environment.TryGetValue("DOTNET_ROOT", out var root) || string.IsNullOrEmpty(root))
        {
            info.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} ran over 5 minutes");
        }
        process.WaitForExit();
        var output = stdout.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited {process.ExitCode}\n{output}\n{stderr.Result}");
        }
        return output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that is still closing may hold a file; the folder is in the temp directory.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string ReadVersion(string pattern)
    {
        var file = Directory.GetFiles(Path.GetDirectoryName(pattern)!, Path.GetFileName(pattern))
            .Single(f => !f.EndsWith(".snupkg", StringComparison.Ordinal));
        var name = Path.GetFileNameWithoutExtension(file);
        return name["Immunization.Core.".Length..];
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Immunization.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Immunization.sln not found above " + AppContext.BaseDirectory);
    }
}
