namespace Immunization.Core.Places;

/// <summary>
/// One link between units of the two schemes: a unit of the other scheme, and whether the whole unit or only part of it
/// is concerned.
/// </summary>
/// <remarks>
/// From an old commune, <see cref="IsPartial"/> says that only part of the old commune went into <see cref="Unit"/>
/// (the old commune was split); from a new commune, that only part of the old unit <see cref="Unit"/> came into it.
/// </remarks>
/// <threadsafety>This type is an immutable value type; it is thread-safe.</threadsafety>
/// <param name="Unit">The unit of the other scheme.</param>
/// <param name="IsPartial"><see langword="true"/> when only part of the old unit is concerned; <see langword="false"/> when all of it is.</param>
public readonly record struct AdministrativeUnitShare(AdministrativeUnit Unit, bool IsPartial);
