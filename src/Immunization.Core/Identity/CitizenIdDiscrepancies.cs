namespace Immunization.Core.Identity;

/// <summary>
/// The parts of a CCCD that disagree with a person's sex and birth year, as returned by
/// <see cref="CitizenId.CheckAgainst(Sex, int)"/>. <see cref="None"/> means the number is consistent with the person.
/// </summary>
[Flags]
public enum CitizenIdDiscrepancies
{
    /// <summary>Every part that could be checked agrees.</summary>
    None = 0,

    /// <summary>The sex encoded in the 4th digit differs from the person's sex.</summary>
    Sex = 1,

    /// <summary>The century encoded in the 4th digit differs from the century of the person's birth year.</summary>
    Century = 2,

    /// <summary>The 5th–6th digits differ from the last two digits of the person's birth year.</summary>
    Year = 4,

    /// <summary>
    /// The number encodes neither sex nor birth year (a 9-digit CMND, or the <see langword="default"/> value), so nothing
    /// could be checked. Never combined with the other flags.
    /// </summary>
    NotEncoded = 8,
}
