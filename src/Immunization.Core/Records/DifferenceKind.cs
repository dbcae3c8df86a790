namespace Immunization.Core.Records;

/// <summary>
/// How a key field of a vaccination record differs from the register person it is verified against
/// (<see cref="IdentityDifference.Kind"/>). The name each kind has in files is given by <see cref="VerificationNames"/>.
/// </summary>
public enum DifferenceKind
{
    /// <summary>Empty in the record (<c>missing</c>).</summary>
    Missing = 1,

    /// <summary>Present in the record but not readable, e.g. a date <c>1990-13-45</c> or a sex <c>X</c> (<c>invalid</c>).</summary>
    Invalid = 2,

    /// <summary>Empty in the register (<c>missing_in_register</c>).</summary>
    MissingInRegister = 3,

    /// <summary>Present in the register but not readable (<c>invalid_in_register</c>).</summary>
    InvalidInRegister = 4,

    /// <summary>Both present and readable, and different beyond any recognised error (<c>different</c>).</summary>
    Different = 5,

    /// <summary>Identity number: two adjacent digits swapped (<c>transposition</c>).</summary>
    Transposition = 6,

    /// <summary>Identity number: one digit replaced (<c>substitution</c>).</summary>
    Substitution = 7,

    /// <summary>Identity number: a CCCD whose encoded sex contradicts the register person's (<c>inconsistent_sex</c>).</summary>
    InconsistentSex = 8,

    /// <summary>Identity number: a CCCD whose encoded birth year contradicts the register person's (<c>inconsistent_birth_year</c>).</summary>
    InconsistentBirthYear = 9,

    /// <summary>Name: a middle name missing or different (<c>middle_name</c>).</summary>
    MiddleName = 10,

    /// <summary>Name: the same words in another order (<c>reordered</c>).</summary>
    Reordered = 11,

    /// <summary>Name: similar spelling (<c>similar</c>).</summary>
    Similar = 12,

    /// <summary>Name: only the given name agrees (<c>given_only</c>).</summary>
    GivenOnly = 13,

    /// <summary>Name: the same letters with other tone marks (<c>tone_marks</c>).</summary>
    ToneMarks = 14,

    /// <summary>
    /// Date of birth: one side known only to the month or year, and the other within it; identity number: a 12-digit CCCD
    /// against a 9-digit CMND, which cannot be compared digit by digit (a record's CCCD that contradicts the person's sex or
    /// birth year is <see cref="InconsistentSex"/> or <see cref="InconsistentBirthYear"/> instead) (<c>compatible</c>).
    /// </summary>
    Compatible = 15,

    /// <summary>Date of birth: day and month swapped (<c>day_month_swapped</c>).</summary>
    DayMonthSwapped = 16,

    /// <summary>One digit different (a date of birth or a phone number) (<c>one_digit</c>).</summary>
    OneDigit = 17,

    /// <summary>Date of birth: only the year agrees (<c>same_year</c>).</summary>
    SameYear = 18,
}
