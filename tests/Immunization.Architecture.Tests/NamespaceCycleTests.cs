namespace Immunization.Architecture.Tests;

/// <summary>
/// No two namespaces of a package use each other, directly or through others: a package's folders can then be read
/// (and changed) from the bottom up. A use is any reference in a signature, base type, attribute or method body.
/// </summary>
public sealed class NamespaceCycleTests
{
    public static TheoryData<string> Packages => new()
    {
        "Immunization.Core", "Immunization.Matching", "Immunization.Reporting", "Immunization.Testing", "Immunization.Cli",
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Namespaces_OfEachPackage_FormNoCycle(string package)
    {
        var graph = new NamespaceGraph(AssemblyIl.Load(package), package);

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, $"{package} has namespace cycles:{Environment.NewLine}" +
            string.Join(Environment.NewLine, cycles.Select(c => $"[{string.Join(", ", c)}]{Environment.NewLine}{graph.Describe(c)}")));
    }

    [Fact]
    public void Cycles_TwoNamespacesUsingEachOther_AreFound()
    {
        // The check itself must be able to fail: this test assembly's fixture namespaces use each other on purpose.
        var graph = new NamespaceGraph(AssemblyIl.Load("Immunization.Architecture.Tests"), "Immunization.Architecture.Tests.Fixtures");

        var cycles = graph.Cycles();

        var cycle = Assert.Single(cycles);
        Assert.Equal(["Immunization.Architecture.Tests.Fixtures.Left", "Immunization.Architecture.Tests.Fixtures.Right"], cycle);
        Assert.True(graph.Uses("Immunization.Architecture.Tests.Fixtures.Left", "Immunization.Architecture.Tests.Fixtures.Below"));
        Assert.False(graph.Uses("Immunization.Architecture.Tests.Fixtures.Below", "Immunization.Architecture.Tests.Fixtures.Left"));
    }
}
