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
/// the others keep the text as entered. <see cref="Nationality"/> is an ISO 3166 alpha-2 code. The details are built
/// once (named arguments of the constructor) and never change; other details are new details.
/// </para>
/// <para>
/// <see cref="ToString"/> never shows the details themselves (they are personal data): log record ids instead.
/// </para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record PersonDetails
{
    /// <summary>Creates the details; every value is optional (a missing value is <see langword="null"/>).</summary>
    /// <param name="citizenId">The identity number as written.</param>
    /// <param name="fullName">The full name as written, family name first.</param>
    /// <param name="dateOfBirth">The date of birth, known to the day, the month or only the year.</param>
    /// <param name="sex">The recorded sex; <see cref="Sex.Unknown"/> when it was not recorded.</param>
    /// <param name="phone">The phone number as written.</param>
    /// <param name="provinceCode">The province code of the residence, in the scheme given by <paramref name="adminScheme"/>.</param>
    /// <param name="communeCode">The 5-digit commune code of the residence, in the scheme given by <paramref name="adminScheme"/>.</param>
    /// <param name="adminScheme">The administrative scheme the province and commune codes belong to.</param>
    /// <param name="address">The address as written.</param>
    /// <param name="nationality">The nationality as an ISO 3166 alpha-2 code.</param>
    /// <exception cref="System.ComponentModel.InvalidEnumArgumentException"><paramref name="sex"/> or <paramref name="adminScheme"/> is not a defined value.</exception>
    public PersonDetails(string? citizenId = null, string? fullName = null, PartialDate? dateOfBirth = null, Sex sex = Sex.Unknown,
        string? phone = null, string? provinceCode = null, string? communeCode = null, AdministrativeScheme? adminScheme = null,
        string? address = null, string? nationality = null)
    {
        // DefinedEnum, not Guard.Against.EnumOutOfRange: this runs once per record read or generated (see DefinedEnum).
        DefinedEnum<Sex>.Check(sex, nameof(sex));
        if (adminScheme is { } scheme)
        {
            DefinedEnum<AdministrativeScheme>.Check(scheme, nameof(adminScheme));
        }

        CitizenId = citizenId;
        FullName = fullName;
        DateOfBirth = dateOfBirth;
        Sex = sex;
        Phone = phone;
        ProvinceCode = provinceCode;
        CommuneCode = communeCode;
        AdminScheme = adminScheme;
        Address = address;
        Nationality = nationality;
    }

    /// <summary>The identity number as written: a 12-digit CCCD, a 9-digit CMND, a passport number, or anything typed.</summary>
    public string? CitizenId { get; }

    /// <summary>The full name as written, family name first (<c>"Nguyễn Thị Minh Anh"</c>).</summary>
    public string? FullName { get; }

    /// <summary>The date of birth, known to the day, the month or only the year.</summary>
    public PartialDate? DateOfBirth { get; }

    /// <summary>The recorded sex; <see cref="Sex.Unknown"/> when it was not recorded.</summary>
    public Sex Sex { get; }

    /// <summary>The phone number as written (any of the usual writings, old 11-digit mobile numbers included).</summary>
    public string? Phone { get; }

    /// <summary>The province code of the residence, in the scheme given by <see cref="AdminScheme"/>.</summary>
    public string? ProvinceCode { get; }

    /// <summary>The 5-digit commune code of the residence, in the scheme given by <see cref="AdminScheme"/>.</summary>
    public string? CommuneCode { get; }

    /// <summary>
    /// The administrative scheme <see cref="ProvinceCode"/> and <see cref="CommuneCode"/> belong to (before or from
    /// 1 July 2025). Codes were reused by the reform, so a code means nothing without its scheme.
    /// </summary>
    public AdministrativeScheme? AdminScheme { get; }

    /// <summary>The address as written (house, street or hamlet, commune, province).</summary>
    public string? Address { get; }

    /// <summary>The nationality as an ISO 3166 alpha-2 code (<c>VN</c> for Vietnamese citizens).</summary>
    public string? Nationality { get; }

    /// <summary>A fixed text that hides the personal data.</summary>
    public override string ToString() => nameof(PersonDetails) + " { personal data not shown }";
}
