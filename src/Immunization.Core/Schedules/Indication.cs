using Ardalis.GuardClauses;

namespace Immunization.Core.Schedules;

/// <summary>An indication of a risk series (CDSi "indication"): an observation that makes the series relevant within ages.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Indication
{
    /// <summary>Creates an indication.</summary>
    /// <param name="observationCode">The observation code, e.g. <c>007</c>.</param>
    /// <param name="beginAge">The age from which it applies, or <see langword="null"/>.</param>
    /// <param name="endAge">The age from which it no longer applies, or <see langword="null"/>.</param>
    /// <param name="description">CDC's description.</param>
    /// <exception cref="ArgumentNullException"><paramref name="observationCode"/> or <paramref name="description"/> is <see langword="null"/>.</exception>
    public Indication(string observationCode, CdsiDuration? beginAge, CdsiDuration? endAge, string description)
    {
        ObservationCode = Guard.Against.Null(observationCode);
        BeginAge = beginAge;
        EndAge = endAge;
        Description = Guard.Against.Null(description);
    }

    /// <summary>The observation code, e.g. <c>007</c>.</summary>
    public string ObservationCode { get; }

    /// <summary>The age from which the indication applies, or <see langword="null"/>.</summary>
    public CdsiDuration? BeginAge { get; }

    /// <summary>The age from which it no longer applies, or <see langword="null"/>.</summary>
    public CdsiDuration? EndAge { get; }

    /// <summary>CDC's description.</summary>
    public string Description { get; }
}
