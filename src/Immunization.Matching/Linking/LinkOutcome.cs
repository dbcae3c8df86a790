namespace Immunization.Matching.Linking;

/// <summary>What linking a vaccination record to the population register concluded.</summary>
public enum LinkOutcome
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

/// <summary>The fields the Vietnamese matcher compares.</summary>
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
