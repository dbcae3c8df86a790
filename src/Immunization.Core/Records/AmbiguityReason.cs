namespace Immunization.Core.Records;

/// <summary>
/// Why an <see cref="VerificationOutcome.Ambiguous"/> record is not linked. The matcher checks them in this order and gives
/// the first that applies. The name each reason has in files is given by <see cref="VerificationNames"/>.
/// </summary>
public enum AmbiguityReason
{
    /// <summary>The best candidate holds another valid identity number (<c>different_valid_citizen_id</c>).</summary>
    DifferentValidCitizenId = 1,

    /// <summary>Two register people with the record's identity number are too close to call (<c>shared_citizen_id</c>).</summary>
    SharedCitizenId = 2,

    /// <summary>The runner-up is within the ambiguity margin of the best candidate (<c>tie</c>).</summary>
    Tie = 3,

    /// <summary>The best weight lies between the review and the match weights (<c>review_band</c>).</summary>
    ReviewBand = 4,

    /// <summary>
    /// The best candidate shares the record's folded full name, birth year and sex, and the record's other evidence does not
    /// lead it by the ambiguity margin over the people, in the register or outside it, who share them too (<c>lookalikes</c>).
    /// </summary>
    Lookalikes = 5,

    /// <summary>
    /// The record's identity number agrees with the best candidate's, but its name and its birth date both differ outright
    /// (<c>citizen_id_only</c>): a number alone does not confirm a person, it may have been entered in another person's record.
    /// </summary>
    CitizenIdOnly = 6,
}
