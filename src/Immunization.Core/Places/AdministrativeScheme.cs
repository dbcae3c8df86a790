namespace Immunization.Core.Places;

/// <summary>
/// A scheme of Vietnam's administrative units: the set of units, and the meaning of their codes, in force over a period.
/// </summary>
/// <remarks>
/// The reform of 1 July 2025 re-used codes with new meanings (province 24 was Bắc Giang before, and is Bắc Ninh after),
/// so a code is only meaningful together with its scheme.
/// </remarks>
public enum AdministrativeScheme
{
    /// <summary>
    /// The three-level scheme in force until 30 June 2025: 63 provinces, 696 districts, 10,035 communes
    /// (as of 1 March 2025, Resolution 1365/NQ-UBTVQH15).
    /// </summary>
    Old = 1,

    /// <summary>
    /// The two-level scheme in force from 1 July 2025 (Decision 19/2025/QĐ-TTg): 34 provinces and 3,321 communes, no districts.
    /// </summary>
    New = 2,
}
