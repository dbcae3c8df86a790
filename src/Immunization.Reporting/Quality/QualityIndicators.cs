namespace Immunization.Reporting.Quality;

/// <summary>The names of the data-quality indicators in the tidy table.</summary>
public static class QualityIndicators
{
    /// <summary>Records per verification outcome, per 100 records (disaggregation <c>outcome:…</c>).</summary>
    public const string RecordsByOutcome = "records_by_outcome";

    /// <summary>Records without an identity number, per 100 records.</summary>
    public const string IdentityMissing = "records_identity_missing";

    /// <summary>Records whose identity number does not parse, per 100 records.</summary>
    public const string IdentityInvalid = "records_identity_invalid";

    /// <summary>Records repeating another record of the same person, date and product, per 100 linked records.</summary>
    public const string DuplicateDoses = "records_duplicate_dose";

    /// <summary>Register rows repeating a person id already seen (a count).</summary>
    public const string DuplicatePeople = "register_duplicate_person";

    /// <summary>Dose records dated after the reference date, which the dose counts leave out (a count).</summary>
    public const string DosesAfterReferenceDate = "doses_after_reference_date";

    /// <summary>Doses entered per 100 doses given on the tallies (over 100 % means over-reporting), per site and overall.</summary>
    public const string DosesEnteredPerGiven = "doses_entered_per_given";

    /// <summary>Doses given on the tallies but not entered (a count; negative when more were entered than given).</summary>
    public const string Backlog = "doses_backlog";

    /// <summary>Coverage figures of the report over 100 % (a count).</summary>
    public const string CoverageOverOneHundred = "coverage_over_100";

    /// <summary>Drop-out figures of the report that are negative (a count).</summary>
    public const string NegativeDropOut = "dropout_negative";
}
