using Immunization.Core.Records;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Verification;

/// <summary>One difference between a record and the register person it is linked to.</summary>
/// <param name="Field">The field.</param>
/// <param name="Kind">How it differs: <c>missing</c> (empty in the record), <c>missing_in_register</c> (empty in the register),
/// <c>invalid_in_register</c> (present in the register but not readable), <c>invalid</c> (present in the record but not
/// readable, e.g. a date <c>1990-13-45</c> or a sex <c>X</c>), or the comparison level reached, e.g.
/// <c>transposition</c>, <c>day_month_swapped</c>, <c>tone_marks</c>, <c>different</c>.</param>
public readonly record struct IdentityDifference(IdentityField Field, string Kind)
{
    /// <summary>Formats the difference as <c>field:kind</c>, e.g. <c>date_of_birth:day_month_swapped</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IdentityLevels.FieldNames[(int)Field] + ":" + Kind;
}
