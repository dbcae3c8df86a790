namespace Immunization.Testing.Synthetic;

/// <summary>The kinds of error the synthetic data generator puts into vaccination records, each with its own rate in <see cref="ErrorRates"/>.</summary>
/// <remarks>
/// Record-level kinds apply to one record (one dose as entered). The three <c>Absent…</c> kinds apply to a vaccinated
/// person: that person is left out of the register, and every record of theirs carries the kind.
/// </remarks>
public enum ErrorKind
{
    /// <summary>The identity number was left empty.</summary>
    CitizenIdMissing = 0,

    /// <summary>One digit of the identity number was mistyped.</summary>
    CitizenIdMistyped,

    /// <summary>Two adjacent characters of the identity number were swapped.</summary>
    CitizenIdTransposed,

    /// <summary>Every diacritic of the name was dropped, <c>Đ</c> included ("Nguyen Thi Minh Anh").</summary>
    ToneMarksDropped,

    /// <summary>Diacritics were dropped from some syllables of the name but not all ("Nguyễn Thi Minh Ánh").</summary>
    ToneMarksPartlyDropped,

    /// <summary><c>Đ</c> was written <c>D</c> (names containing <c>Đ</c> only).</summary>
    DStrokeAsD,

    /// <summary>The name was written in decomposed Unicode (base letters followed by combining marks).</summary>
    DecomposedUnicode,

    /// <summary>The name was written in upper or lower case, or with extra spaces.</summary>
    CaseAndSpacing,

    /// <summary>One letter of one syllable of the name was mistyped, doubled or left out.</summary>
    SyllableMistyped,

    /// <summary>The given name was written first ("Anh Nguyễn Thị Minh").</summary>
    NameOrderSwapped,

    /// <summary>Only the year of birth was entered.</summary>
    BirthDateYearOnly,

    /// <summary>Day and month of the date of birth were swapped (dates whose day is 12 or less and differs from the month only).</summary>
    BirthDateDayMonthSwapped,

    /// <summary>One digit of the date of birth was mistyped (the result is still a valid date).</summary>
    BirthDateMistyped,

    /// <summary>The other sex was recorded.</summary>
    SexWrong,

    /// <summary>The phone number was written in its 11-digit form from before the 2018 renumbering (numbers whose prefix changed only).</summary>
    PhoneOldForm,

    /// <summary>One digit of the phone number was mistyped.</summary>
    PhoneMistyped,

    /// <summary>The residence was written with the commune and province codes of before 1 July 2025 (<c>admin_scheme</c> <c>old</c>).</summary>
    CommuneOldScheme,

    /// <summary>Another commune of the same province was recorded.</summary>
    CommuneWrong,

    /// <summary>
    /// The dose was entered a second time, at another site, with details typed again (other errors drawn afresh; when the
    /// retyping happens to match the first entry, the address is left empty). The record carrying this kind is the second
    /// entry.
    /// </summary>
    DuplicateAtSecondSite,

    /// <summary>The person is not in the register because they moved in: an identity number the register does not hold,
    /// drawn as for residents (a valid CCCD, or only a CMND for the same share of older people).</summary>
    AbsentMovedIn,

    /// <summary>The person is not in the register because they were born abroad (no CCCD; a Vietnamese passport number or nothing).</summary>
    AbsentBornAbroad,

    /// <summary>The person is a foreigner: a passport number in <c>citizen_id</c> and a nationality other than <c>VN</c>.</summary>
    AbsentForeigner,
}
