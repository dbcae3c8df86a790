using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Immunization.Cli;

/// <summary>The <c>immunization</c> command tree. Each command lives in its own file under <c>Commands/</c>.</summary>
internal static class CliApp
{
    /// <summary>The tool's name, as installed (<c>ToolCommandName</c>) and as its help shows it.</summary>
    public const string Name = "immunization";

    /// <summary>The exit code of a usage error: a command line that does not parse, or a value a command rejects.</summary>
    public const int UsageError = 2;

    public static Command Build()
    {
        // Not a RootCommand: its name comes from the running executable ("Immunization.Cli" under dotnet run, the test
        // host in tests), and System.CommandLine 2.0 does not let it be renamed. So the root is a plain command named as
        // the tool, with the two standard options RootCommand would add (its directives, [suggest] and [diagram], are
        // not offered).
        var root = new Command(Name, "Immunization: generate synthetic registers and vaccination records, verify records against the population register, find duplicates, evaluate Viet Nam's COVID-19 doses and status, report coverage, data quality and commune work lists, run CDC's CDSi test cases, look up administrative units.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Runs the tool with its output sent to the given writers (the console, or a test's buffer).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var config = new InvocationConfiguration { Output = output, Error = error };
        var parse = Build().Parse(args);
        var exitCode = parse.Invoke(config);

        // A command line that does not parse is a usage error: 2, as the commands' own usage errors.
        return parse.Action is ParseErrorAction ? UsageError : exitCode;
    }

    private static IEnumerable<Command> Commands()
    {
        yield return LinkCommand.Create();
        yield return DedupeCommand.Create();
        yield return UnitsLookupCommand.Create();
        yield return GenerateCommand.Create();
        yield return CdsiCommand.Create();
        yield return EvaluateCommand.Create();
        yield return ReportCommand.Create();
        yield return WorklistCommand.Create();
        yield return DemoCommand.Create();
        yield return SiloCommand.Create();
        yield return ClusterCommand.Create();
    }
}
