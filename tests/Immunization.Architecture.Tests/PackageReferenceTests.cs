using System.Reflection;

namespace Immunization.Architecture.Tests;

/// <summary>
/// Each package references only the packages of ours that <c>../shared/architecture.md</c> allows (arrows point down:
/// Core, then Matching / Reporting / Testing, then the tool), and no library takes the tool's file, command-line or
/// console libraries.
/// </summary>
public sealed class PackageReferenceTests
{
    private static readonly string[] s_toolOnly = ["Sep", "System.CommandLine", "Spectre.Console"];

    public static TheoryData<string, string[]> Allowed => new()
    {
        { "Immunization.Core", [] },
        { "Immunization.Matching", ["Immunization.Core"] },
        { "Immunization.Reporting", ["Immunization.Core"] },
        { "Immunization.Testing", ["Immunization.Core"] },
        { "Immunization.Matching.Cluster", ["Immunization.Core", "Immunization.Matching"] },
        { "Immunization.Cli", ["Immunization.Core", "Immunization.Matching", "Immunization.Matching.Cluster", "Immunization.Reporting", "Immunization.Testing"] },
    };

    public static TheoryData<string> Libraries => new()
    {
        "Immunization.Core", "Immunization.Matching", "Immunization.Reporting", "Immunization.Testing", "Immunization.Matching.Cluster",
    };

    /// <summary>The packages of ours that only the tool may reference (besides tests).</summary>
    public static TheoryData<string> ToolOnlyPackagesOfOurs => new() { "Immunization.Matching.Cluster" };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void References_OfEachPackage_OnlyPackagesOfOursTheArchitectureAllows(string package, string[] allowed)
    {
        var ours = References(package).Where(n => n.StartsWith("Immunization.", StringComparison.Ordinal)).ToArray();

        Assert.All(ours, name => Assert.Contains(name, allowed));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void References_OfALibrary_NoneOfTheToolsLibraries(string package)
    {
        var references = References(package);

        Assert.DoesNotContain(references, s_toolOnly.Contains);
    }

    [Theory]
    [MemberData(nameof(ToolOnlyPackagesOfOurs))]
    public void References_ToAToolOnlyPackage_OnlyFromTheTool(string package)
    {
        string[] ours = ["Immunization.Core", "Immunization.Matching", "Immunization.Reporting", "Immunization.Testing", "Immunization.Matching.Cluster", "Immunization.Cli"];
        var referrers = ours.Where(p => p != package && References(p).Contains(package)).ToArray();

        Assert.All(referrers, referrer => Assert.Equal("Immunization.Cli", referrer));
        Assert.Contains("Immunization.Cli", referrers);
    }

    [Fact]
    public void References_OfTheCluster_OnlyOursTheRuntimeOrleansAndHosting()
    {
        var references = References("Immunization.Matching.Cluster");

        Assert.All(references, name => Assert.True(
            name.StartsWith("Immunization.", StringComparison.Ordinal) || name.StartsWith("Orleans", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name.StartsWith("System", StringComparison.Ordinal)
            || name is "Ardalis.GuardClauses" or "NodaTime" or "netstandard",
            $"Immunization.Matching.Cluster references {name}"));
    }

    [Fact]
    public void References_OfCore_OnlyTheRuntimeNodaTimeAndGuardClauses()
    {
        var references = References("Immunization.Core");

        Assert.All(references, name => Assert.True(
            name is "System.Runtime" or "NodaTime" or "Ardalis.GuardClauses" || name.StartsWith("System.", StringComparison.Ordinal),
            $"Immunization.Core references {name}"));
    }

    private static string[] References(string package) =>
        [.. Assembly.Load(new AssemblyName(package)).GetReferencedAssemblies().Select(a => a.Name!)];
}
