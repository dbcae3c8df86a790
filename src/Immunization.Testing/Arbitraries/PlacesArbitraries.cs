using FsCheck;
using FsCheck.Fluent;
using Immunization.Core.Places;

namespace Immunization.Testing.Arbitraries;

/// <summary>
/// FsCheck generators of real administrative units of Vietnam, drawn uniformly from
/// <see cref="AdministrativeUnitCatalog.Vietnam"/>.
/// </summary>
/// <remarks>
/// Units are real (their codes, names and mappings are those of the catalogue), so properties can use every lookup.
/// Units have no natural shrink order; the generators do not shrink.
/// </remarks>
/// <example>
/// <code>
/// Prop.ForAll(PlacesArbitraries.OldCommunes(), commune => commune.MapToNew().Length &gt;= 1);
/// </code>
/// </example>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class PlacesArbitraries
{
    /// <summary>Returns a generator of the units of one scheme and level.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="level">The level; <see cref="AdministrativeLevel.District"/> exists only in the old scheme.</param>
    /// <returns>A generator of units of that scheme and level.</returns>
    /// <exception cref="ArgumentException">The scheme has no units of that level.</exception>
    public static Gen<AdministrativeUnit> Units(AdministrativeScheme scheme, AdministrativeLevel level)
    {
        var units = AdministrativeUnitCatalog.Vietnam.GetUnits(scheme, level).ToArray();
        if (units.Length == 0)
        {
            throw new ArgumentException($"The {scheme} scheme has no units of level {level}.", nameof(level));
        }

        return Gen.Elements(units);
    }

    /// <summary>Returns an arbitrary of the 3,321 communes of the new scheme (from 1 July 2025).</summary>
    /// <returns>An arbitrary of new-scheme communes.</returns>
    public static Arbitrary<AdministrativeUnit> NewCommunes() =>
        Units(AdministrativeScheme.New, AdministrativeLevel.Commune).ToArbitrary();

    /// <summary>Returns an arbitrary of the 10,035 communes of the old scheme (until 30 June 2025).</summary>
    /// <returns>An arbitrary of old-scheme communes.</returns>
    public static Arbitrary<AdministrativeUnit> OldCommunes() =>
        Units(AdministrativeScheme.Old, AdministrativeLevel.Commune).ToArbitrary();

    /// <summary>Returns an arbitrary of the 696 districts of the old scheme.</summary>
    /// <returns>An arbitrary of old-scheme districts.</returns>
    public static Arbitrary<AdministrativeUnit> OldDistricts() =>
        Units(AdministrativeScheme.Old, AdministrativeLevel.District).ToArbitrary();

    /// <summary>Returns an arbitrary of the 34 provinces of the new scheme.</summary>
    /// <returns>An arbitrary of new-scheme provinces.</returns>
    public static Arbitrary<AdministrativeUnit> NewProvinces() =>
        Units(AdministrativeScheme.New, AdministrativeLevel.Province).ToArbitrary();

    /// <summary>Returns an arbitrary of the 63 provinces of the old scheme.</summary>
    /// <returns>An arbitrary of old-scheme provinces.</returns>
    public static Arbitrary<AdministrativeUnit> OldProvinces() =>
        Units(AdministrativeScheme.Old, AdministrativeLevel.Province).ToArbitrary();

    /// <summary>
    /// Returns an arbitrary of communes of either scheme (old and new equally likely), as a register holding records
    /// from both sides of the reform would carry.
    /// </summary>
    /// <returns>An arbitrary of communes of either scheme.</returns>
    public static Arbitrary<AdministrativeUnit> Communes() =>
        Gen.OneOf(
            Units(AdministrativeScheme.Old, AdministrativeLevel.Commune),
            Units(AdministrativeScheme.New, AdministrativeLevel.Commune)).ToArbitrary();
}
