namespace Immunization.Core.Records;

/// <summary>One difference between a vaccination record and the register person it is verified against.</summary>
/// <param name="Field">The field.</param>
/// <param name="Kind">How it differs.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public readonly record struct IdentityDifference(IdentityField Field, DifferenceKind Kind)
{
    /// <summary>Formats the difference as <c>field:kind</c>, e.g. <c>date_of_birth:day_month_swapped</c> (see <see cref="VerificationNames"/>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => VerificationNames.Format(this);
}
