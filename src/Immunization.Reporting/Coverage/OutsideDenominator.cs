namespace Immunization.Reporting.Coverage;

/// <summary>A denominator from outside the register (for example a province's own target population), with its source.</summary>
/// <param name="Source">Where the figure comes from, written in reports.</param>
/// <param name="UnitCode">The new-scheme code of the unit (province or commune), or <c>VN</c> for the country.</param>
/// <param name="AgeGroup">The label of the age group it counts (one of the report's groups), or <c>all</c>.</param>
/// <param name="Population">The population.</param>
public sealed record OutsideDenominator(string Source, string UnitCode, string AgeGroup, long Population);
