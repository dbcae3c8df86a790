using System.Collections.ObjectModel;
using Immunization.Core.Vaccines;

namespace Immunization.Core.Schedules;

/// <summary>The checks of the vaccine codes a schedule's constructors take: none may be the empty code.</summary>
internal static class VaccineCodeGuard
{
    public static VaccineCode NotEmpty(VaccineCode code, string paramName) =>
        code.IsEmpty ? throw new ArgumentException("A vaccine code is empty.", paramName) : code;

    public static ReadOnlyCollection<VaccineCode> Copy(IEnumerable<VaccineCode> codes, string paramName)
    {
        var copy = ReadOnly.Copy(codes);
        foreach (var code in copy)
        {
            NotEmpty(code, paramName);
        }

        return copy;
    }

    /// <summary>As <see cref="Copy"/>, as an array (the caller wraps it read-only).</summary>
    public static VaccineCode[] CopyArray(IEnumerable<VaccineCode> codes, string paramName)
    {
        var copy = ReadOnly.ToArray(codes);
        foreach (var code in copy)
        {
            NotEmpty(code, paramName);
        }

        return copy;
    }
}
