namespace Immunization.Reporting.Coverage;

/// <summary>One row of the tidy long table: an indicator for a unit, period and disaggregation.</summary>
/// <param name="Indicator">The indicator's name, for example <c>people_1plus</c>.</param>
/// <param name="Scheme">The administrative scheme of the unit code (<c>2025-07</c> for the new scheme, <c>none</c> for the country).</param>
/// <param name="UnitCode">The unit's code (<c>VN</c> for the country; a province code followed by <c>-unresolved</c> for people whose commune is not known in the new scheme).</param>
/// <param name="UnitName">The unit's name.</param>
/// <param name="Period">The period, for example the reference date.</param>
/// <param name="Disaggregation">The disaggregation, <c>all</c> or <c>dimension:value</c> (<c>age:18+</c>, <c>sex:female</c>, …).</param>
/// <param name="Figure">The figure.</param>
public sealed record IndicatorRow(
    string Indicator,
    string Scheme,
    string UnitCode,
    string UnitName,
    string Period,
    string Disaggregation,
    Figure Figure);
