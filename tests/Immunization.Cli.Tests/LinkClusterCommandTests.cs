using Immunization.Cli;

namespace Immunization.Cli.Tests;

/// <summary><c>immunization link --silos N</c>: an in-process Orleans cluster writes what the single-machine run writes.</summary>
public sealed class LinkClusterCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "link-cluster-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public void Run_LinkWithThreeSilos_WritesTheLocalRunsFilesByteForByte()
    {
        var data = Path.Combine(_out, "data");
        Assert.Equal(0, CliApp.Run(["generate", "--people", "1500", "--seed", "9", "--out", data], new StringWriter(), new StringWriter()));
        string[] files = ["--register", Path.Combine(data, "register.csv"), "--records", Path.Combine(data, "records.csv")];

        Assert.Equal(0, CliApp.Run(["link", .. files, "--out", Path.Combine(_out, "local")], new StringWriter(), new StringWriter()));
        var output = new StringWriter();
        var code = CliApp.Run(["link", .. files, "--out", Path.Combine(_out, "cluster"), "--silos", "3"], output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("cluster: 3 silos, 12 shards", output.ToString(), StringComparison.Ordinal);
        foreach (var name in (string[])["links.csv", "explanations.csv"])
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_out, "local", name)), File.ReadAllBytes(Path.Combine(_out, "cluster", name)));
        }
    }

    [Theory]
    [InlineData("65")]
    [InlineData("-1")]
    public void Run_SilosOutOfRange_ExitsWithTwo(string silos)
    {
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--register", "r.csv", "--records", "x.csv", "--out", _out, "--silos", silos], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("--silos takes 1 to 64", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SilosWithTruth_ExitsWithTwoSayingWhy()
    {
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--register", "r.csv", "--records", "x.csv", "--truth", "t.csv", "--out", _out, "--silos", "2"],
            new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("--truth is not available with --silos", error.ToString(), StringComparison.Ordinal);
    }
}
