using Immunization.Core.Places;
using Immunization.Core.Records;
using NodaTime;

namespace Immunization.Reporting.Coverage;

/// <summary>A dose record as entered, with its link outcome against the register and whether the evaluation found it valid.</summary>
/// <param name="RecordId">The record's id.</param>
/// <param name="PersonId">The register person the record was linked to, or <see langword="null"/>.</param>
/// <param name="Outcome">The verification outcome of the link.</param>
/// <param name="Date">The date the dose was given.</param>
/// <param name="Product">The product code.</param>
/// <param name="IsValid">Whether the evaluation found the dose valid.</param>
public sealed record DoseEntry(
    string RecordId,
    string? PersonId,
    VerificationOutcome Outcome,
    LocalDate Date,
    string Product,
    bool IsValid)
{
    /// <summary>How the key fields differ from the register (for <see cref="VerificationOutcome.Differs"/>), as the matcher gave them.</summary>
    public IReadOnlyList<IdentityDifference> Differences { get; init; } = [];

    /// <summary>Why the link is ambiguous (for <see cref="VerificationOutcome.Ambiguous"/>).</summary>
    public AmbiguityReason? AmbiguityReason { get; init; }

    /// <summary>The commune written on the record (either scheme); used for unlinked records' work lists.</summary>
    public AdministrativeUnit RecordCommune { get; init; }

    /// <summary>The vaccination site's code, to compare with tallies of doses given.</summary>
    public string? SiteCode { get; init; }

    /// <summary>The state of the identity number on the record.</summary>
    public IdentityNumberState IdentityNumber { get; init; }

    /// <summary>
    /// The register row the record was linked to, when the linker handed it over: a position in
    /// <see cref="ReportInput.Register"/> (from 0) that holds <see cref="PersonId"/>; <see langword="null"/> when not known.
    /// </summary>
    /// <remarks>
    /// Only a hint that saves looking the person id up: the report checks that the row holds exactly this person id
    /// (ordinal comparison) and is the first row with it. A row that is negative, past the register's end, holds another
    /// person id, or repeats an id an earlier row already has is ignored and the id is looked up as without a row, so a
    /// wrong row costs time, never a dose counted for another person. Ignored when <see cref="PersonId"/> is
    /// <see langword="null"/>.
    /// </remarks>
    public int? RegisterRow { get; init; }
}
