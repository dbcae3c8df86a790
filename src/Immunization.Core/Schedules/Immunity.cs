using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using NodaTime;

namespace Immunization.Core.Schedules;

/// <summary>Evidence of immunity to an antigen (CDSi "immunity"): clinical history or a birth date before a date.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Immunity
{
    /// <summary>Creates the immunity rules.</summary>
    /// <param name="clinicalHistoryCodes">Observation codes that are evidence of immunity.</param>
    /// <param name="birthDateBefore">Persons born before this date are presumed immune, or <see langword="null"/>.</param>
    /// <param name="exclusionCodes">Observation codes that exclude the birth-date presumption.</param>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/>.</exception>
    public Immunity(IEnumerable<string> clinicalHistoryCodes, LocalDate? birthDateBefore, IEnumerable<string> exclusionCodes)
    {
        Guard.Against.Null(clinicalHistoryCodes);
        Guard.Against.Null(exclusionCodes);
        ClinicalHistoryCodes = ReadOnly.Copy(clinicalHistoryCodes);
        BirthDateBefore = birthDateBefore;
        ExclusionCodes = ReadOnly.Copy(exclusionCodes);
    }

    /// <summary>Observation codes that are evidence of immunity.</summary>
    public ReadOnlyCollection<string> ClinicalHistoryCodes { get; }

    /// <summary>Persons born before this date are presumed immune (e.g. 1957-01-01 for measles), or <see langword="null"/>.</summary>
    public LocalDate? BirthDateBefore { get; }

    /// <summary>Observation codes that exclude the birth-date presumption.</summary>
    public ReadOnlyCollection<string> ExclusionCodes { get; }
}
