using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Vaccines;

namespace Immunization.Core.Schedules;

/// <summary>A contraindication of an antigen (CDSi "contraindication"), for the whole vaccine group or for some vaccines.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Contraindication
{
    /// <summary>Creates a contraindication.</summary>
    /// <param name="observationCode">The observation code that contraindicates.</param>
    /// <param name="text">CDC's text.</param>
    /// <param name="beginAge">The age from which it applies, or <see langword="null"/>.</param>
    /// <param name="endAge">The age from which it no longer applies, or <see langword="null"/>.</param>
    /// <param name="cvx">The contraindicated vaccine codes; empty for the whole vaccine group.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A code of <paramref name="cvx"/> is the empty code.</exception>
    public Contraindication(string observationCode, string text, CdsiDuration? beginAge, CdsiDuration? endAge, IEnumerable<VaccineCode> cvx)
    {
        ObservationCode = Guard.Against.Null(observationCode);
        Text = Guard.Against.Null(text);
        Guard.Against.Null(cvx);
        BeginAge = beginAge;
        EndAge = endAge;
        Cvx = VaccineCodeGuard.Copy(cvx, nameof(cvx));
    }

    /// <summary>The observation code that contraindicates.</summary>
    public string ObservationCode { get; }

    /// <summary>CDC's text.</summary>
    public string Text { get; }

    /// <summary>The age from which it applies, or <see langword="null"/>.</summary>
    public CdsiDuration? BeginAge { get; }

    /// <summary>The age from which it no longer applies, or <see langword="null"/>.</summary>
    public CdsiDuration? EndAge { get; }

    /// <summary>The contraindicated vaccine codes; empty for a vaccine-group contraindication.</summary>
    public ReadOnlyCollection<VaccineCode> Cvx { get; }
}
