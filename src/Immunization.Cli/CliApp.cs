using System.CommandLine;

namespace Immunization.Cli;

/// <summary>The <c>immunization</c> command tree. Each command lives in its own file under <c>Commands/</c>.</summary>
internal static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Immunization: model vaccination doses and schedules, verify records against the population register, report coverage.");
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
        return Build().Parse(args).Invoke(config);
    }

    private static IEnumerable<Command> Commands()
    {
        yield return LinkCommand.Create();
        yield return DedupeCommand.Create();
        yield return UnitsLookupCommand.Create();
        yield return GenerateCommand.Create();
        yield return CdsiCommand.Create();
    }
}
