namespace Immunization.Core.Records;

/// <summary>
/// What verifying a vaccination record against the population register concluded (step 3 of the cleaning process). A
/// Core type so that reporting (commune work lists) can read outcomes without depending on the matching engine.
/// </summary>
public enum VerificationOutcome
{
    /// <summary>Matched to one person, and the key fields (identity number, name, date of birth, sex) agree with the register.</summary>
    Verified = 1,

    /// <summary>Matched to one person, but some key fields are missing or differ from the register; the link lists them.</summary>
    Differs = 2,

    /// <summary>
    /// A candidate is in the review band, two candidates are too close to call, or the best candidate holds a different valid
    /// identity number: a person must decide.
    /// </summary>
    Ambiguous = 3,

    /// <summary>No person in the register is close enough.</summary>
    NotFound = 4,

    /// <summary>Not a Vietnamese citizen: not checked against the register.</summary>
    NotApplicable = 5,
}

/// <summary>The identity fields a vaccination record is verified on against the register.</summary>
public enum IdentityField
{
    /// <summary>The identity number (CCCD or CMND).</summary>
    CitizenId = 0,

    /// <summary>The full name.</summary>
    FullName = 1,

    /// <summary>The date of birth.</summary>
    DateOfBirth = 2,

    /// <summary>The sex.</summary>
    Sex = 3,

    /// <summary>The phone number.</summary>
    Phone = 4,

    /// <summary>The commune and province of residence.</summary>
    Residence = 5,
}
