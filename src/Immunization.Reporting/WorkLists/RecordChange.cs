using Immunization.Core.Records;

namespace Immunization.Reporting.WorkLists;

/// <summary>A record a returned list changed: corrected and linked again against the register.</summary>
/// <param name="RecordId">The record's id.</param>
/// <param name="CorrectedFields">The fields the police corrected.</param>
/// <param name="Before">The outcome before.</param>
/// <param name="After">The outcome after linking again.</param>
/// <param name="PersonBefore">The person linked before.</param>
/// <param name="PersonAfter">The person linked after.</param>
public sealed record RecordChange(
    string RecordId,
    IReadOnlyList<IdentityField> CorrectedFields,
    VerificationOutcome Before,
    VerificationOutcome After,
    string? PersonBefore,
    string? PersonAfter);
