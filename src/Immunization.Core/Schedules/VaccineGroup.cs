using System.Collections.ObjectModel;
using Ardalis.GuardClauses;

namespace Immunization.Core.Schedules;

/// <summary>A vaccine group (e.g. <c>MMR</c>) and its antigens.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class VaccineGroup
{
    /// <summary>Creates a vaccine group.</summary>
    /// <param name="name">The name, e.g. <c>DTaP/Tdap/Td</c>.</param>
    /// <param name="administerFullVaccineGroup">Whether a dose for the group must cover all its antigens.</param>
    /// <param name="antigens">The names of its antigens.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public VaccineGroup(string name, bool administerFullVaccineGroup, IEnumerable<string> antigens)
    {
        Name = Guard.Against.Null(name);
        Guard.Against.Null(antigens);
        AdministerFullVaccineGroup = administerFullVaccineGroup;
        AntigensArray = ReadOnly.ToArray(antigens);
        Antigens = ReadOnly.Wrap(AntigensArray);
    }

    /// <summary>The vaccine group name, e.g. <c>DTaP/Tdap/Td</c>.</summary>
    public string Name { get; }

    /// <summary>Whether a dose for the group must cover all its antigens (forecast the lowest dose number).</summary>
    public bool AdministerFullVaccineGroup { get; }

    /// <summary>The names of its antigens.</summary>
    public ReadOnlyCollection<string> Antigens { get; }

    /// <summary>The same items as <see cref="Antigens"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal string[] AntigensArray { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
