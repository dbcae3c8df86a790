namespace Immunization.Core.Identity;

/// <summary>The kind of a Vietnamese citizen identity number.</summary>
public enum CitizenIdKind : byte
{
    /// <summary>No number: the <see langword="default"/> value of <see cref="CitizenId"/>.</summary>
    None = 0,

    /// <summary>The legacy 9-digit identity card number (Chứng minh nhân dân, CMND). It encodes nothing about its holder.</summary>
    Cmnd = 9,

    /// <summary>The 12-digit citizen identity number (Căn cước công dân, CCCD), which encodes province, sex and birth year.</summary>
    Cccd = 12,
}
