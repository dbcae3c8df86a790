using System.CommandLine;
using Immunization.Core.Identity;

namespace Immunization.Cli;

/// <summary>Placeholder until the administrative-unit catalogue lands.</summary>
internal static class UnitsCommand
{
    public static Command Create()
    {
        var command = new Command("sexes", "List the sexes the register knows.");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            foreach (var sex in Enum.GetValues<Sex>())
            {
                output.WriteLine(sex);
            }

            return 0;
        });
        return command;
    }
}
