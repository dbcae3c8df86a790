using System.Reflection;
using Immunization.Tests.Shared;

namespace Immunization.Core.Tests;

public sealed class ArchitectureTests
{
    private static readonly string[] s_allowed = [];

    [Fact]
    public void Core_ReferencesOnlyPackagesBelowIt()
    {
        var assembly = Assembly.Load("Immunization.Core");

        Assert.Subset(s_allowed.ToHashSet(), ArchitectureRules.ReferencedImmunizationAssemblies(assembly).ToHashSet());
    }
}
