using System.Reflection;
using Immunization.Tests.Shared;

namespace Immunization.Testing.Tests;

public sealed class ArchitectureTests
{
    private static readonly string[] s_allowed = ["Immunization.Core"];

    [Fact]
    public void Testing_ReferencesOnlyPackagesBelowIt()
    {
        var assembly = Assembly.Load("Immunization.Testing");

        Assert.Subset(s_allowed.ToHashSet(), ArchitectureRules.ReferencedImmunizationAssemblies(assembly).ToHashSet());
    }
}
