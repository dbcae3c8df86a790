using Ardalis.GuardClauses;

namespace Immunization.Core.Schedules;

/// <summary>An antigen a CVX code counts for, within optional ages (CDSi "association").</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CvxAssociation
{
    /// <summary>Creates an association.</summary>
    /// <param name="antigen">The antigen name.</param>
    /// <param name="beginAge">The age from which the vaccine counts for the antigen, or <see langword="null"/>.</param>
    /// <param name="endAge">The age from which it no longer counts, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="antigen"/> is <see langword="null"/>.</exception>
    public CvxAssociation(string antigen, CdsiDuration? beginAge, CdsiDuration? endAge)
    {
        Antigen = Guard.Against.Null(antigen);
        BeginAge = beginAge;
        EndAge = endAge;
    }

    /// <summary>The antigen name.</summary>
    public string Antigen { get; }

    /// <summary>The age from which the vaccine counts for the antigen, or <see langword="null"/>.</summary>
    public CdsiDuration? BeginAge { get; }

    /// <summary>The age from which it no longer counts, or <see langword="null"/>.</summary>
    public CdsiDuration? EndAge { get; }
}
