using System.Reflection;
using Immunization.Tests.Shared;

namespace Immunization.Reporting.Tests;

public sealed class ArchitectureTests
{
    private static readonly string[] s_allowed = ["Immunization.Core"];

    [Fact]
    public void Reporting_ReferencesOnlyPackagesBelowIt()
    {
        var assembly = Assembly.Load("Immunization.Reporting");

        Assert.Subset(s_allowed.ToHashSet(), ArchitectureRules.ReferencedImmunizationAssemblies(assembly).ToHashSet());
    }
}
