using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using Immunization.Core.Vaccines;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>A vaccine dose given to the patient.</summary>
/// <param name="DateAdministered">The date it was given.</param>
/// <param name="Cvx">The CDC CVX code of the vaccine, e.g. <c>03</c> for MMR (leading zeros do not matter).</param>
/// <param name="Mvx">The CDC MVX code of the manufacturer, if known, e.g. <c>MSD</c>.</param>
/// <param name="Condition">A reason the dose cannot count (expired, recalled, cold-chain break...), or <see langword="null"/>.
/// A dose with a condition is evaluated as <see cref="DoseStatus.SubStandard"/>.</param>
public readonly record struct AdministeredDose(LocalDate DateAdministered, string Cvx, string? Mvx = null, string? Condition = null)
{
    /// <summary>A dose identified by a normalised <see cref="VaccineCode"/> (CVX or local code).</summary>
    /// <param name="dateAdministered">The date it was given.</param>
    /// <param name="code">The vaccine code.</param>
    /// <param name="mvx">The CDC MVX code of the manufacturer, if known.</param>
    /// <param name="condition">A reason the dose cannot count, or <see langword="null"/>.</param>
    /// <returns>The dose, its <see cref="Cvx"/> being <paramref name="code"/>'s normalised value.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty.</exception>
    public static AdministeredDose FromCode(LocalDate dateAdministered, VaccineCode code, string? mvx = null, string? condition = null) =>
        code.IsEmpty
            ? throw new ArgumentException("The vaccine code is empty.", nameof(code))
            : new(dateAdministered, code.Value, mvx, condition);

    /// <summary>The vaccine code, normalised (trimmed, no leading zeros); empty if <see cref="Cvx"/> is blank.</summary>
    public VaccineCode Code => VaccineCode.TryParse(Cvx, out var code) ? code : default;
}
