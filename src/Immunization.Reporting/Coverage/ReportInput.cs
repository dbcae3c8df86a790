using Ardalis.GuardClauses;

namespace Immunization.Reporting.Coverage;

/// <summary>Everything a report is computed from.</summary>
public sealed class ReportInput
{
    /// <summary>The register's people (the denominators). Required.</summary>
    public required IReadOnlyList<RegisterPerson> Register { get; init; }

    /// <summary>The dose records with their link outcomes. Required.</summary>
    public required IReadOnlyList<DoseEntry> Doses { get; init; }

    /// <summary>Each person's status from the schedule evaluation; <see langword="null"/> when not known (status indicators are then omitted).</summary>
    public IReadOnlyList<PersonStatus>? Statuses { get; init; }

    /// <summary>Denominators from outside the register, each with its source.</summary>
    public IReadOnlyList<OutsideDenominator> OutsideDenominators { get; init => field = Guard.Against.Null(value); } = [];

    /// <summary>Tallies of doses actually given per site and day.</summary>
    public IReadOnlyList<DoseTally> Tallies { get; init => field = Guard.Against.Null(value); } = [];
}
