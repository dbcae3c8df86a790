using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>The status of a patient series or of a vaccine group forecast.</summary>
public enum SeriesStatus : byte
{
    /// <summary>More doses are needed; see the forecast dates.</summary>
    NotComplete = 0,

    /// <summary>Every dose of the series is satisfied.</summary>
    Complete,

    /// <summary>The patient has evidence of immunity (e.g. born before 1957 for measles).</summary>
    Immune,

    /// <summary>An observation contraindicates the vaccine.</summary>
    Contraindicated,

    /// <summary>The patient is past the maximum age and cannot finish the series.</summary>
    AgedOut,

    /// <summary>No dose is recommended at this time (past the season, or all remaining doses skipped).</summary>
    NotRecommended,
}
