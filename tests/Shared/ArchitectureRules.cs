using System.Reflection;

namespace Immunization.Tests.Shared;

/// <summary>Checks the package dependency rules of docs/architecture: arrows only point down the list.</summary>
internal static class ArchitectureRules
{
    public static IReadOnlyList<string> ReferencedImmunizationAssemblies(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Immunization.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
