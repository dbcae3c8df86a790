namespace Immunization.Core.Identity;

/// <summary>The kind of a Vietnamese phone number.</summary>
public enum PhoneNumberKind : byte
{
    /// <summary>No number: the <see langword="default"/> value of <see cref="PhoneNumber"/>.</summary>
    None = 0,

    /// <summary>A mobile number: 10 digits nationally, <c>03x</c>, <c>05x</c>, <c>07x</c>, <c>08x</c> or <c>09x</c>.</summary>
    Mobile = 1,

    /// <summary>A fixed-line number: 11 digits nationally, a <c>02x</c> area code (the numbering in force since 2017).</summary>
    Landline = 2,
}
