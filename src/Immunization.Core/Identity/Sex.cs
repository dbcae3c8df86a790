namespace Immunization.Core.Identity;

/// <summary>
/// The sex of a person as recorded in the population register and in vaccination records.
/// </summary>
/// <remarks>
/// <see cref="Unknown"/> is the default value, so an uninitialised field never claims a sex that was not recorded.
/// </remarks>
public enum Sex : byte
{
    /// <summary>The sex was not recorded, or could not be read.</summary>
    Unknown = 0,

    /// <summary>Male (<c>M</c>, <c>Nam</c>).</summary>
    Male = 1,

    /// <summary>Female (<c>F</c>, <c>Nữ</c>).</summary>
    Female = 2,
}
