namespace Immunization.Core.Schedules;

/// <summary>
/// An indication or contraindication compiled for the engine: the observation as the antigen's own small number (see
/// <see cref="AntigenObservations"/>), the ages it applies between, and for a vaccine contraindication the vaccines.
/// </summary>
/// <param name="Id">The observation's number within its antigen.</param>
/// <param name="BeginAge">The age from which it applies, or <see langword="null"/>.</param>
/// <param name="EndAge">The age from which it no longer applies, or <see langword="null"/>.</param>
/// <param name="Cvx">The contraindicated vaccine codes (a vaccine contraindication); empty otherwise.</param>
internal readonly record struct ObservationRule(int Id, CdsiDuration? BeginAge, CdsiDuration? EndAge, string[] Cvx);
