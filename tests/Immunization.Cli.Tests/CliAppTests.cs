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

    [Fact]
    public void Run_Help_NamesTheToolImmunization()
    {
        var output = new StringWriter();

        var exitCode = CliApp.Run(["--help"], output, new StringWriter());

        Assert.Equal(0, exitCode);
        var help = output.ToString().ReplaceLineEndings("\n");
        Assert.Contains("Usage:\n  immunization [command] [options]", help, StringComparison.Ordinal);
        Assert.DoesNotContain("Immunization.Cli", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SubcommandHelp_UsageStartsWithImmunization()
    {
        var output = new StringWriter();

        var exitCode = CliApp.Run(["units", "--help"], output, new StringWriter());

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:\n  immunization units <query> [options]", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownOption_ExitsWithTwo()
    {
        var error = new StringWriter();

        var exitCode = CliApp.Run(["units", "01", "--no-such-option"], new StringWriter(), error);

        Assert.Equal(2, exitCode);
        Assert.Contains("--no-such-option", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Version_PrintsAVersion()
    {
        var output = new StringWriter();

        var exitCode = CliApp.Run(["--version"], output, new StringWriter());

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.ToString());
    }
}
