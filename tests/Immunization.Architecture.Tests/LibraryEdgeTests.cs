using Mono.Cecil;

namespace Immunization.Architecture.Tests;

/// <summary>
/// A library never opens files by path or writes to the console: it takes and returns domain values, streams and
/// options, and the tool does the rest (<c>../shared/architecture.md</c>). Checked on every call in the libraries' IL.
/// </summary>
public sealed class LibraryEdgeTests
{
    public static TheoryData<string> Libraries => new()
    {
        "Immunization.Core", "Immunization.Matching", "Immunization.Reporting", "Immunization.Testing", "Immunization.Matching.Cluster",
    };

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Calls_OfALibrary_NoFilePathOrConsole(string package)
    {
        var il = AssemblyIl.Load(package);

        var offending = il.MemberUses
            .Where(u => IsFileOrConsole(u.To))
            .Select(u => $"{u.From.DeclaringType.FullName}.{u.From.Name} calls {u.To.DeclaringType.FullName}.{u.To.Name}")
            .Distinct()
            .ToArray();

        Assert.True(offending.Length == 0, $"{package} reaches the file system or the console:{Environment.NewLine}" + string.Join(Environment.NewLine, offending));
    }

    [Fact]
    public void IsFileOrConsole_ThisAssemblysOwnConsoleCall_IsFound()
    {
        // The check must be able to fail: Probe below writes to the console.
        var il = AssemblyIl.Load("Immunization.Architecture.Tests");

        Assert.Contains(il.MemberUses, u => u.From.Name == nameof(Probe) && IsFileOrConsole(u.To));
    }

    internal static void Probe() => Console.Out.Flush();

    private static bool IsFileOrConsole(MemberReference member)
    {
        var type = member.DeclaringType.FullName;
        if (type is "System.Console" or "System.IO.File" or "System.IO.Directory" or "System.IO.FileInfo" or "System.IO.DirectoryInfo")
        {
            return true;
        }

        // Opening by path: a FileStream, or a reader or writer whose first argument is a path.
        return member is MethodReference { Name: ".ctor" } ctor
            && (type == "System.IO.FileStream"
                || (type is "System.IO.StreamReader" or "System.IO.StreamWriter"
                    && ctor.Parameters.Count > 0 && ctor.Parameters[0].ParameterType.FullName == "System.String"));
    }
}
