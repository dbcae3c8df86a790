using Immunization.Cli;

namespace Immunization.Cli.Tests;

public sealed class LinkIndexCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "link-index-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _register;
    private readonly string _records;
    private readonly string _index;

    public LinkIndexCommandTests()
    {
        Directory.CreateDirectory(_dir);
        var generated = Path.Combine(_dir, "generated");
        Assert.Equal(0, CliApp.Run(["generate", "--people", "1500", "--seed", "13", "--out", generated], new StringWriter(), new StringWriter()));
        _register = Path.Combine(generated, "register.csv");
        _records = Path.Combine(generated, "records.csv");
        _index = Path.Combine(_dir, "register.index");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_SavedIndexInsteadOfRegister_WritesByteIdenticalLinksAndExplanations()
    {
        var error = new StringWriter();
        var output = new StringWriter();
        Assert.Equal(0, CliApp.Run(["link", "--register", _register, "--records", _records, "--out", Path.Combine(_dir, "built"), "--save-index", _index],
            output, error));
        Assert.Contains("index: saved to " + _index, output.ToString(), StringComparison.Ordinal);

        var code = CliApp.Run(["link", "--index", _index, "--records", _records, "--out", Path.Combine(_dir, "loaded")], new StringWriter(), error);

        Assert.True(code == 0, error.ToString());
        foreach (var file in new[] { "links.csv", "explanations.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "built", file)), File.ReadAllBytes(Path.Combine(_dir, "loaded", file)));
        }

        Assert.False(File.Exists(_index + ".partial"));
    }

    [Fact]
    public void Run_CorruptIndex_ExitsWithTwoNamingTheFile()
    {
        Assert.Equal(0, CliApp.Run(["link", "--register", _register, "--records", _records, "--out", Path.Combine(_dir, "built"), "--save-index", _index],
            new StringWriter(), new StringWriter()));
        var bytes = File.ReadAllBytes(_index);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(_index, bytes);
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--index", _index, "--records", _records, "--out", Path.Combine(_dir, "loaded")], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("--index " + _index, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("corrupt", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "loaded", "links.csv")));
    }

    [Fact]
    public void Run_RegisterCsvGivenAsIndex_ExitsWithTwoSayingItIsNoSnapshot()
    {
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--index", _register, "--records", _records, "--out", Path.Combine(_dir, "loaded")], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains(_register, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("not a register index snapshot", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingIndex_ExitsWithTwoNamingTheFile()
    {
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--index", _index, "--records", _records, "--out", Path.Combine(_dir, "loaded")], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains(_index, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--register")]
    [InlineData("--save-index")]
    public void Run_IndexWithRegisterOrSaveIndex_IsAUsageError(string other)
    {
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--index", _index, other, _register, "--records", _records, "--out", Path.Combine(_dir, "loaded")],
            new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains(other, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SaveIndexInConfigMode_IsAUsageError()
    {
        var error = new StringWriter();

        var code = CliApp.Run(["link", "--config", "c.json", "--left", "a.csv", "--right", "b.csv", "--save-index", _index, "--out", _dir],
            new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("--save-index", error.ToString(), StringComparison.Ordinal);
    }
}
