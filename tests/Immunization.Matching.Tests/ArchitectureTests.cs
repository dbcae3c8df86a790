using System.Reflection;
using Immunization.Tests.Shared;

namespace Immunization.Matching.Tests;

public sealed class ArchitectureTests
{
    private static readonly string[] s_allowed = ["Immunization.Core"];

    [Fact]
    public void Matching_ReferencesOnlyPackagesBelowIt()
    {
        var assembly = Assembly.Load("Immunization.Matching");

        Assert.Subset(s_allowed.ToHashSet(), ArchitectureRules.ReferencedImmunizationAssemblies(assembly).ToHashSet());
    }
}
