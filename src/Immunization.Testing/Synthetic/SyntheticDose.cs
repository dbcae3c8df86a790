using Immunization.Core.Vaccines;
using NodaTime;

namespace Immunization.Testing.Synthetic;

/// <summary>One dose of a generated vaccination history: when, which product, and its rank in the person's history.</summary>
/// <param name="Date">The date the dose was given.</param>
/// <param name="Product">The vaccine product.</param>
/// <param name="DoseNumber">The dose's rank in the person's history, from 1.</param>
/// <param name="IsBooster">Whether the dose comes after a completed primary series.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public readonly record struct SyntheticDose(LocalDate Date, VaccineProduct Product, int DoseNumber, bool IsBooster);

/// <summary>A person's generated COVID-19 vaccination history, doses in date order.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record DoseHistory
{
    /// <summary>Creates a history.</summary>
    /// <param name="dateOfBirth">The person's date of birth.</param>
    /// <param name="doses">The doses, in date order, numbered from 1.</param>
    public DoseHistory(LocalDate dateOfBirth, IReadOnlyList<SyntheticDose> doses)
    {
        DateOfBirth = dateOfBirth;
        Doses = doses;
    }

    /// <summary>The person's date of birth.</summary>
    public LocalDate DateOfBirth { get; init; }

    /// <summary>The doses, in date order, numbered from 1.</summary>
    public IReadOnlyList<SyntheticDose> Doses { get; init; }
}
