using Immunization.Core.Records;
using Immunization.Matching.Scoring;

namespace Immunization.Matching.Verification;

/// <summary>The link of one record to the register: outcome, person, weight, differences and the weight of each field.</summary>
/// <remarks>Obtain one from <see cref="RegisterIndex.Link"/>.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record RecordLink
{
    internal RecordLink(VerificationOutcome outcome, int personIndex, string? personId, double weight, double runnerUpWeight,
        IReadOnlyList<IdentityDifference> differences, IReadOnlyList<FieldContribution> explanation)
    {
        Outcome = outcome;
        PersonIndex = personIndex;
        PersonId = personId;
        Weight = weight;
        RunnerUpWeight = runnerUpWeight;
        Differences = differences;
        Explanation = explanation;
    }

    /// <summary>Gets the outcome.</summary>
    public VerificationOutcome Outcome { get; init; }

    /// <summary>The index of the best candidate in the register (also for an ambiguous record), or -1.</summary>
    internal int PersonIndex { get; }

    /// <summary>
    /// Gets the best candidate's id: the linked person for <see cref="VerificationOutcome.Verified"/> and
    /// <see cref="VerificationOutcome.Differs"/>, the unconfirmed best candidate for <see cref="VerificationOutcome.Ambiguous"/>
    /// (not a link), or <see langword="null"/>.
    /// </summary>
    public string? PersonId { get; init; }

    /// <summary>Gets the best candidate's match weight, or <see cref="double.NaN"/> without a candidate.</summary>
    public double Weight { get; init; }

    /// <summary>Gets the second-best candidate's weight, or <see cref="double.NaN"/>.</summary>
    public double RunnerUpWeight { get; init; }

    /// <summary>Gets the key fields missing, invalid or differing from the best candidate.</summary>
    public IReadOnlyList<IdentityDifference> Differences { get; init; }

    /// <summary>Gets each field's level and weight against the best candidate; empty without a candidate.</summary>
    public IReadOnlyList<FieldContribution> Explanation { get; init; }

    /// <summary>
    /// Gets why an <see cref="VerificationOutcome.Ambiguous"/> record is not linked, or <see langword="null"/> for other outcomes:
    /// <c>different_valid_citizen_id</c> (the best candidate holds another valid identity number), <c>shared_citizen_id</c>
    /// (two register people with the record's identity number are too close to call), <c>tie</c> (the runner-up,
    /// <see cref="RunnerUpPersonId"/>, is within the ambiguity margin) or <c>review_band</c> (the best weight lies between the
    /// review and the match weights). Checked in that order; the first that applies is given.
    /// </summary>
    public string? AmbiguityReason { get; init; }

    /// <summary>Gets the runner-up's id when it is within the ambiguity margin of the best candidate, else <see langword="null"/>.</summary>
    public string? RunnerUpPersonId { get; init; }

    /// <summary>
    /// Gets how many of the record's blocking keys were skipped because their block holds more than
    /// <see cref="RegisterMatchOptions.MaxBlockSize"/> people (the identity-number key is never skipped); candidates found only
    /// through such a key were not compared.
    /// </summary>
    public int SkippedBlocks { get; init; }

    /// <summary>
    /// Formats the differences as <c>field:kind</c> joined by <c>;</c>, preceded by <c>ambiguous:</c><see cref="AmbiguityReason"/>
    /// for an ambiguous record.
    /// </summary>
    /// <returns>The text, empty when there is none.</returns>
    public string DifferencesText() => AmbiguityReason is null
        ? string.Join(';', Differences)
        : Differences.Count == 0 ? "ambiguous:" + AmbiguityReason : "ambiguous:" + AmbiguityReason + ";" + string.Join(';', Differences);
}
