using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>A vaccine dose given to the patient.</summary>
/// <param name="DateAdministered">The date it was given.</param>
/// <param name="Cvx">The CDC CVX code of the vaccine, e.g. <c>03</c> for MMR (leading zeros do not matter).</param>
/// <param name="Mvx">The CDC MVX code of the manufacturer, if known, e.g. <c>MSD</c>.</param>
/// <param name="Condition">A reason the dose cannot count (expired, recalled, cold-chain break...), or <see langword="null"/>.
/// A dose with a condition is evaluated as <see cref="DoseStatus.SubStandard"/>.</param>
public readonly record struct AdministeredDose(LocalDate DateAdministered, string Cvx, string? Mvx = null, string? Condition = null);
