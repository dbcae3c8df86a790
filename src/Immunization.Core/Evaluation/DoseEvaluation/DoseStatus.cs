using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>The evaluation status of a dose for one antigen (CDSi "evaluation status").</summary>
public enum DoseStatus : byte
{
    /// <summary>The dose counts towards the series.</summary>
    Valid = 0,

    /// <summary>The dose does not count (too young, too soon, wrong vaccine...); see <see cref="DoseEvaluation.Reason"/>.</summary>
    NotValid = 1,

    /// <summary>The dose was not needed (series already complete, or given after the maximum age).</summary>
    Extraneous = 2,

    /// <summary>The dose has a condition (expired, recalled, mishandled) and was not evaluated.</summary>
    SubStandard = 3,
}
