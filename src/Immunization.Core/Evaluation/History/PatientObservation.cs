using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>An observation about a patient, coded as in CDSi's observation list (e.g. <c>007</c> pregnant, <c>048</c> travelling internationally).</summary>
/// <param name="Code">The CDSi observation code, three digits.</param>
/// <param name="Date">When it was observed, if known (used by intervals measured from an observation).</param>
public readonly record struct PatientObservation(string Code, LocalDate? Date = null);
