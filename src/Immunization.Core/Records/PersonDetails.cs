using Immunization.Core.Identity;
using Immunization.Core.Places;

namespace Immunization.Core.Records;

/// <summary>
/// The identifying details of a person as they were written in the population register or in a vaccination record:
/// text as entered, not yet parsed, so that a record can carry what was really typed (a mistyped number, a name
/// without tone marks, a passport number in the citizen-id field).
/// </summary>
/// <remarks>
/// <para>
/// Every member may be <see langword="null"/> (or <see cref="Sex.Unknown"/>) where the data is missing. The values that
/// can only be written one valid way are typed (<see cref="DateOfBirth"/>, <see cref="Sex"/>, <see cref="AdminScheme"/>);
/// the others keep the text as entered. <see cref="Nationality"/> is an ISO 3166 alpha-2 code.
/// </para>
/// <para>
/// <see cref="ToString"/> never shows the details themselves (they are personal data): log record ids instead.
/// </para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record PersonDetails
{
    /// <summary>The identity number as written: a 12-digit CCCD, a 9-digit CMND, a passport number, or anything typed.</summary>
    public string? CitizenId { get; init; }

    /// <summary>The full name as written, family name first (<c>"Nguyễn Thị Minh Anh"</c>).</summary>
    public string? FullName { get; init; }

    /// <summary>The date of birth, known to the day, the month or only the year.</summary>
    public PartialDate? DateOfBirth { get; init; }

    /// <summary>The recorded sex; <see cref="Sex.Unknown"/> when it was not recorded.</summary>
    public Sex Sex { get; init; }

    /// <summary>The phone number as written (any of the usual writings, old 11-digit mobile numbers included).</summary>
    public string? Phone { get; init; }

    /// <summary>The province code of the residence, in the scheme given by <see cref="AdminScheme"/>.</summary>
    public string? ProvinceCode { get; init; }

    /// <summary>The 5-digit commune code of the residence, in the scheme given by <see cref="AdminScheme"/>.</summary>
    public string? CommuneCode { get; init; }

    /// <summary>
    /// The administrative scheme <see cref="ProvinceCode"/> and <see cref="CommuneCode"/> belong to (before or from
    /// 1 July 2025). Codes were reused by the reform, so a code means nothing without its scheme.
    /// </summary>
    public AdministrativeScheme? AdminScheme { get; init; }

    /// <summary>The address as written (house, street or hamlet, commune, province).</summary>
    public string? Address { get; init; }

    /// <summary>The nationality as an ISO 3166 alpha-2 code (<c>VN</c> for Vietnamese citizens).</summary>
    public string? Nationality { get; init; }

    /// <summary>A fixed text that hides the personal data.</summary>
    public override string ToString() => nameof(PersonDetails) + " { personal data not shown }";
}
