using System.Collections.Immutable;
using Immunization.Core.Records;
using Immunization.Matching.Scoring;

namespace Immunization.Matching.Verification;

/// <summary>
/// The link of one record to the register: the <see cref="RecordVerification"/> (outcome, person, weight, differences,
/// ambiguity reason) that other packages read, with what only the matcher knows: the weight of each field, the runner-up
/// and the blocks skipped.
/// </summary>
/// <remarks>Obtain one from <see cref="RegisterIndex.Link"/>.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RecordLink
{
    internal RecordLink(RecordVerification verification, int personIndex, double runnerUpWeight, IReadOnlyList<FieldContribution> explanation,
        string? runnerUpPersonId = null, int skippedBlocks = 0)
    {
        Verification = verification;
        PersonIndex = personIndex;
        RunnerUpWeight = runnerUpWeight;
        Explanation = explanation;
        RunnerUpPersonId = runnerUpPersonId;
        SkippedBlocks = skippedBlocks;
    }

    /// <summary>Gets the verification: what reporting and the files see of this link.</summary>
    public RecordVerification Verification { get; }

    /// <summary>Gets the outcome (<see cref="RecordVerification.Outcome"/>).</summary>
    public VerificationOutcome Outcome => Verification.Outcome;

    /// <summary>
    /// Gets the best candidate's position among the people the index was built from, in the order
    /// <see cref="RegisterIndex.Build"/> was given them (a saved and loaded index keeps it), also for an ambiguous record; -1
    /// without a candidate, and for a link made on a cluster (a shard numbers only its own people).
    /// </summary>
    /// <remarks>
    /// Built from a register file read in order, it is the person's data row: a report can check that row instead of
    /// looking the person id up (<c>Immunization.Reporting</c>'s <c>DoseEntry.RegisterRow</c>).
    /// </remarks>
    public int PersonIndex { get; }

    /// <summary>
    /// Gets the best candidate's id (<see cref="RecordVerification.PersonId"/>): the linked person for
    /// <see cref="VerificationOutcome.Verified"/> and <see cref="VerificationOutcome.Differs"/>, the unconfirmed best candidate
    /// for <see cref="VerificationOutcome.Ambiguous"/> (not a link), or <see langword="null"/>.
    /// </summary>
    public string? PersonId => Verification.PersonId;

    /// <summary>Gets the best candidate's match weight, or <see cref="double.NaN"/> without a candidate.</summary>
    public double Weight => Verification.Weight;

    /// <summary>Gets the second-best candidate's weight, or <see cref="double.NaN"/>.</summary>
    public double RunnerUpWeight { get; }

    /// <summary>Gets the key fields missing, invalid or differing from the best candidate (<see cref="RecordVerification.Differences"/>).</summary>
    public ImmutableArray<IdentityDifference> Differences => Verification.Differences;

    /// <summary>Gets each field's level and weight against the best candidate; empty without a candidate.</summary>
    public IReadOnlyList<FieldContribution> Explanation { get; }

    /// <summary>
    /// Gets why an <see cref="VerificationOutcome.Ambiguous"/> record is not linked, or <see langword="null"/> for other
    /// outcomes (<see cref="RecordVerification.AmbiguityReason"/>): the best candidate holds another valid identity number,
    /// two register people with the record's identity number are too close to call, the runner-up
    /// (<see cref="RunnerUpPersonId"/>) is within the ambiguity margin, the best weight lies between the review and the
    /// match weights, or the best candidate shares the record's folded name, birth year and sex and the record's other
    /// evidence does not set it apart from the people, in the register or outside it, who share them too
    /// (<see cref="RegisterMatchOptions.UnregisteredShare"/>). Checked in that order; the first that applies is given.
    /// </summary>
    public AmbiguityReason? AmbiguityReason => Verification.AmbiguityReason;

    /// <summary>Gets the runner-up's id when it is within the ambiguity margin of the best candidate, else <see langword="null"/>.</summary>
    public string? RunnerUpPersonId { get; }

    /// <summary>
    /// Gets how many of the record's blocking keys were skipped because their block holds more than
    /// <see cref="RegisterMatchOptions.MaxBlockSize"/> people (the identity-number key is never skipped); candidates found only
    /// through such a key were not compared.
    /// </summary>
    public int SkippedBlocks { get; }

    /// <summary>
    /// Formats the differences as <c>links.csv</c> writes them (<see cref="RecordVerification.DifferencesText"/>):
    /// <c>field:kind</c> joined by <c>;</c>, preceded by <c>ambiguous:</c><i>reason</i> for an ambiguous record.
    /// </summary>
    /// <returns>The text, empty when there is none.</returns>
    public string DifferencesText() => Verification.DifferencesText();

    /// <summary>A text with the record id and the outcome (no personal data).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Verification.ToString();
}
