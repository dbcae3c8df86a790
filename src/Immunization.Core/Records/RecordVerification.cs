using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace Immunization.Core.Records;

/// <summary>
/// What verifying one vaccination record against the population register concluded: the outcome, the register person,
/// the key fields that differ and, for an ambiguous record, why. Produced by the matcher, read by reporting (work lists)
/// and by the writers of <c>links.csv</c>; names in files are those of <see cref="VerificationNames"/>.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RecordVerification
{
    /// <summary>Initializes a new instance of the <see cref="RecordVerification"/> class.</summary>
    /// <param name="recordId">The record's id.</param>
    /// <param name="personId">
    /// The best candidate's id: the linked person for <see cref="VerificationOutcome.Verified"/> and
    /// <see cref="VerificationOutcome.Differs"/>, the unconfirmed best candidate for <see cref="VerificationOutcome.Ambiguous"/>,
    /// else <see langword="null"/>.
    /// </param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="differences">The key fields missing, invalid or differing from the best candidate; the default value is read as empty.</param>
    /// <param name="weight">The best candidate's match weight, or <see cref="double.NaN"/> without a candidate.</param>
    /// <param name="ambiguityReason">Why the record is ambiguous; only for <see cref="VerificationOutcome.Ambiguous"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="recordId"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ComponentModel.InvalidEnumArgumentException">
    /// <paramref name="outcome"/> or <paramref name="ambiguityReason"/> is not a defined value.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="ambiguityReason"/> is given for an outcome other than <see cref="VerificationOutcome.Ambiguous"/>.
    /// </exception>
    public RecordVerification(string recordId, string? personId, VerificationOutcome outcome, ImmutableArray<IdentityDifference> differences,
        double weight, AmbiguityReason? ambiguityReason = null)
    {
        Guard.Against.Null(recordId);
        // Not Guard.Against.EnumOutOfRange: its Enum.IsDefined costs about 25 µs and 400 B after every full collection (see DefinedEnum).
        DefinedEnum<VerificationOutcome>.Check(outcome, nameof(outcome));
        if (ambiguityReason is { } reason)
        {
            DefinedEnum<AmbiguityReason>.Check(reason, nameof(ambiguityReason));
            if (outcome != VerificationOutcome.Ambiguous)
            {
                throw new ArgumentException("An ambiguity reason is given only for an ambiguous outcome.", nameof(ambiguityReason));
            }
        }

        RecordId = recordId;
        PersonId = personId;
        Outcome = outcome;
        Differences = differences.IsDefault ? [] : differences;
        Weight = weight;
        AmbiguityReason = ambiguityReason;
    }

    /// <summary>Gets the record's id.</summary>
    public string RecordId { get; }

    /// <summary>
    /// Gets the best candidate's id: the linked person for <see cref="VerificationOutcome.Verified"/> and
    /// <see cref="VerificationOutcome.Differs"/>, the unconfirmed best candidate for <see cref="VerificationOutcome.Ambiguous"/>
    /// (not a link), or <see langword="null"/>.
    /// </summary>
    public string? PersonId { get; }

    /// <summary>Gets the person the record is linked to: <see cref="PersonId"/> when verified or differing, else <see langword="null"/>.</summary>
    public string? LinkedPersonId => IsLinked ? PersonId : null;

    /// <summary>Gets whether the record is linked to a person (<see cref="VerificationOutcome.Verified"/> or <see cref="VerificationOutcome.Differs"/>).</summary>
    public bool IsLinked => Outcome is VerificationOutcome.Verified or VerificationOutcome.Differs;

    /// <summary>Gets the outcome.</summary>
    public VerificationOutcome Outcome { get; }

    /// <summary>Gets the key fields missing, invalid or differing from the best candidate.</summary>
    public ImmutableArray<IdentityDifference> Differences { get; }

    /// <summary>Gets the best candidate's match weight, or <see cref="double.NaN"/> without a candidate.</summary>
    public double Weight { get; }

    /// <summary>Gets why an <see cref="VerificationOutcome.Ambiguous"/> record is not linked, or <see langword="null"/> for other outcomes.</summary>
    public AmbiguityReason? AmbiguityReason { get; }

    /// <summary>
    /// Formats the differences as <c>links.csv</c> writes them (<see cref="VerificationNames.FormatDifferences"/>), e.g.
    /// <c>ambiguous:tie;full_name:tone_marks</c>.
    /// </summary>
    /// <returns>The text, empty when there is none.</returns>
    public string DifferencesText() => VerificationNames.FormatDifferences(Differences, AmbiguityReason);

    /// <summary>A text with the record id and the outcome (no personal data).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => RecordId + ": " + VerificationNames.Name(Outcome);
}
