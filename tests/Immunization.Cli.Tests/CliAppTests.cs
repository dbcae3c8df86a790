using Immunization.Cli;

namespace Immunization.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public void Run_UnknownCommand_FailsWithMessage()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = CliApp.Run(["no-such-command"], output, error);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("no-such-command", error.ToString(), StringComparison.Ordinal);
    }
}
