using System.Diagnostics.CodeAnalysis;

namespace Immunization.Core.Places;

/// <summary>
/// One of Vietnam's administrative units (a province, an old district, or a commune) of one
/// <see cref="AdministrativeScheme"/>, as listed in <see cref="AdministrativeUnitCatalog.Vietnam"/>.
/// </summary>
/// <remarks>
/// <para>
/// A unit is a 4-byte handle into the catalogue: equality, hashing, <see cref="Scheme"/>, <see cref="Level"/> and the
/// mapping questions (<see cref="ToNewProvince"/>, <see cref="MapsToSameNewCommune"/>) read flat arrays and allocate
/// nothing, so a matching engine can compare millions of them. Obtain units from the catalogue
/// (<see cref="AdministrativeUnitCatalog.GetByCode(AdministrativeScheme, string)"/>,
/// <see cref="AdministrativeUnitCatalog.TryFindProvince"/>, <see cref="AdministrativeUnitCatalog.FindCommunes"/>, ...).
/// </para>
/// <para>
/// <c>default(AdministrativeUnit)</c> is no unit: <see cref="IsDefault"/> is <see langword="true"/>, and its other
/// members throw <see cref="InvalidOperationException"/>.
/// </para>
/// </remarks>
/// <threadsafety>This type is an immutable value type; it is thread-safe.</threadsafety>
public readonly struct AdministrativeUnit : IEquatable<AdministrativeUnit>
{
    // Index into the catalogue's arrays plus one, so that default(AdministrativeUnit) is no unit.
    private readonly int _id;

    internal AdministrativeUnit(int index) => _id = index + 1;

    internal int Index
    {
        get
        {
            if (_id == 0)
            {
                ThrowDefault();
            }

            return _id - 1;
        }
    }

    private static AdministrativeUnitCatalog Catalog => AdministrativeUnitCatalog.Vietnam;

    /// <summary>Gets a value indicating whether this is <c>default(AdministrativeUnit)</c>, which is no unit.</summary>
    public bool IsDefault => _id == 0;

    /// <summary>Gets the scheme this unit belongs to; its <see cref="Code"/> is only meaningful in that scheme.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(AdministrativeUnit)</c>.</exception>
    public AdministrativeScheme Scheme => Catalog.SchemeOf(Index);

    /// <summary>Gets the level of this unit.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(AdministrativeUnit)</c>.</exception>
    public AdministrativeLevel Level => Catalog.LevelOf(Index);

    /// <summary>Gets the official code: 2 digits for a province, 3 for a district, 5 for a commune (e.g. <c>"01"</c>, <c>"00004"</c>).</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(AdministrativeUnit)</c>.</exception>
    public string Code => Catalog.CodeOf(Index);

    /// <summary>Gets the official name with its type, e.g. <c>"Thành phố Hà Nội"</c>, <c>"Phường Ba Đình"</c>.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(AdministrativeUnit)</c>.</exception>
    public string Name => Catalog.NameOf(Index);

    /// <summary>Gets the official name without its type, e.g. <c>"Hà Nội"</c>, <c>"Ba Đình"</c>.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(AdministrativeUnit)</c>.</exception>
    public string ShortName => Catalog.ShortNameOf(Index);

    /// <summary>Gets the type of this unit (province, ward, commune, ...).</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(AdministrativeUnit)</c>.</exception>
    public AdministrativeUnitType Type => Catalog.TypeOf(Index);

    /// <summary>Gets the Vietnamese name of the type, as the official name starts: <c>"Tỉnh"</c>, <c>"Thành phố"</c>, <c>"Phường"</c>, ...</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(AdministrativeUnit)</c>.</exception>
    public string TypeName => AdministrativeUnitCatalog.TypeNameOf(Type);

    /// <summary>Gets the province this unit belongs to, in the same scheme (a province is its own province).</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(AdministrativeUnit)</c>.</exception>
    public AdministrativeUnit Province => new(Catalog.ProvinceIndexOf(Index));

    /// <summary>
    /// Gets the district of an old-scheme commune; <c>default(AdministrativeUnit)</c> for provinces, districts and
    /// new-scheme communes.
    /// </summary>
    /// <exception cref="InvalidOperationException">This is <c>default(AdministrativeUnit)</c>.</exception>
    public AdministrativeUnit District
    {
        get
        {
            var district = Catalog.DistrictIndexOf(Index);
            return district < 0 ? default : new AdministrativeUnit(district);
        }
    }

    /// <summary>Returns the new-scheme province this unit lies in (for a new-scheme unit, its own province).</summary>
    /// <remarks>Every old province went whole into exactly one new province, so the answer is always one unit. Allocates nothing.</remarks>
    /// <returns>A province of <see cref="AdministrativeScheme.New"/>.</returns>
    /// <exception cref="InvalidOperationException">This is <c>default(AdministrativeUnit)</c>.</exception>
    public AdministrativeUnit ToNewProvince() => new(Catalog.NewProvinceIndexOf(Index));

    /// <summary>
    /// Returns the new-scheme units this unit went into, each with whether only part of this unit went there.
    /// </summary>
    /// <remarks>
    /// An old province gives its one new province; an old commune gives one or more new communes (more when it was
    /// split); an old district gives the new communes its communes went into (all partial unless the whole district
    /// went into one commune, as the island districts did); a new-scheme unit gives itself, whole.
    /// </remarks>
    /// <returns>A span over the catalogue's data, in code order, never empty.</returns>
    /// <exception cref="InvalidOperationException">This is <c>default(AdministrativeUnit)</c>.</exception>
    public ReadOnlySpan<AdministrativeUnitShare> MapToNew() => Catalog.MapToNew(this);

    /// <summary>
    /// Returns <see langword="true"/> when this unit and <paramref name="other"/>, of any schemes, can denote the same
    /// place in the new scheme: some new commune received (part of) both.
    /// </summary>
    /// <param name="other">A commune (or old district) of either scheme.</param>
    /// <returns>Whether the new communes of both units overlap; <see langword="false"/> when either is a province.</returns>
    /// <remarks>
    /// The question a matching engine asks of two records' communes written in different schemes. A split old commune
    /// overlaps each of the new communes it went into, so "the same" here means "possibly the same". Allocates nothing.
    /// </remarks>
    /// <exception cref="InvalidOperationException">Either unit is <c>default(AdministrativeUnit)</c>.</exception>
    public bool MapsToSameNewCommune(AdministrativeUnit other) => Catalog.MapsToSameNewCommune(this, other);

    /// <summary>Returns <see langword="true"/> when this unit and <paramref name="other"/>, of any schemes and levels, lie in the same new province.</summary>
    /// <param name="other">Any unit.</param>
    /// <returns>Whether <see cref="ToNewProvince"/> is the same for both.</returns>
    /// <exception cref="InvalidOperationException">Either unit is <c>default(AdministrativeUnit)</c>.</exception>
    public bool MapsToSameNewProvince(AdministrativeUnit other) =>
        Catalog.NewProvinceIndexOf(Index) == Catalog.NewProvinceIndexOf(other.Index);

    /// <inheritdoc/>
    public bool Equals(AdministrativeUnit other) => _id == other._id;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is AdministrativeUnit other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _id;

    /// <summary>Returns the scheme, code and official name, e.g. <c>"New 01 Thành phố Hà Nội"</c>; <c>"(none)"</c> for the default value.</summary>
    /// <returns>A description for logs and debugging (unit names are public data, not personal data).</returns>
    public override string ToString() => _id == 0 ? "(none)" : $"{Scheme} {Code} {Name}";

    /// <summary>Compares two units for equality (same scheme and same unit).</summary>
    /// <param name="left">The first unit.</param>
    /// <param name="right">The second unit.</param>
    /// <returns>Whether both denote the same unit of the same scheme.</returns>
    public static bool operator ==(AdministrativeUnit left, AdministrativeUnit right) => left.Equals(right);

    /// <summary>Compares two units for inequality.</summary>
    /// <param name="left">The first unit.</param>
    /// <param name="right">The second unit.</param>
    /// <returns>Whether they denote different units.</returns>
    public static bool operator !=(AdministrativeUnit left, AdministrativeUnit right) => !left.Equals(right);

    [DoesNotReturn]
    private static void ThrowDefault() =>
        throw new InvalidOperationException("This is default(AdministrativeUnit), which is no unit; obtain units from AdministrativeUnitCatalog.");
}
