using Immunization.Core.Records;

namespace Immunization.Reporting.WorkLists;

/// <summary>A record the commune police must check.</summary>
/// <param name="RecordId">The record's id.</param>
/// <param name="PersonId">The register person it is linked to (for <c>differs</c>), or <see langword="null"/>.</param>
/// <param name="Outcome">Why it is on the list: <c>differs</c>, <c>not_found</c> or <c>ambiguous</c>.</param>
/// <param name="DifferingFields">The fields that differ from the register (for <c>differs</c>).</param>
/// <param name="Reason">Why the link is ambiguous (for <c>ambiguous</c>).</param>
public sealed record WorkListItem(
    string RecordId,
    string? PersonId,
    VerificationOutcome Outcome,
    IReadOnlyList<IdentityField> DifferingFields,
    string? Reason);
