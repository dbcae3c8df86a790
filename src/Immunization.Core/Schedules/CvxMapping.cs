using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Vaccines;

namespace Immunization.Core.Schedules;

/// <summary>An entry of the CVX map (CDSi "cvxMap"): a vaccine code and the antigens it protects against.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CvxMapping
{
    /// <summary>Creates an entry.</summary>
    /// <param name="cvx">The CVX (or local) code.</param>
    /// <param name="description">The vaccine's description.</param>
    /// <param name="associations">The antigens it counts for.</param>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> or <paramref name="associations"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="cvx"/> is the empty code.</exception>
    public CvxMapping(VaccineCode cvx, string description, IEnumerable<CvxAssociation> associations)
    {
        Cvx = VaccineCodeGuard.NotEmpty(cvx, nameof(cvx));
        Description = Guard.Against.Null(description);
        Guard.Against.Null(associations);
        AntigensArray = ReadOnly.ToArray(associations);
        Antigens = ReadOnly.Wrap(AntigensArray);
    }

    /// <summary>The CVX (or local) code, e.g. <c>3</c> for MMR.</summary>
    public VaccineCode Cvx { get; }

    /// <summary>The vaccine's description (CDC's short description).</summary>
    public string Description { get; }

    /// <summary>The antigens it counts for, each within optional ages.</summary>
    public ReadOnlyCollection<CvxAssociation> Antigens { get; }

    /// <summary>The same items as <see cref="Antigens"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal CvxAssociation[] AntigensArray { get; }

    /// <inheritdoc/>
    public override string ToString() => Cvx.Value;
}
