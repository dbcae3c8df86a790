namespace Immunization.Core.Identity;

/// <summary>Forms of text <see cref="PartialDate.TryParse(ReadOnlySpan{char}, PartialDateStyles, out PartialDate)"/> accepts beside the usual ones.</summary>
[Flags]
public enum PartialDateStyles
{
    /// <summary>Only the forms of <see cref="PartialDate.TryParse(ReadOnlySpan{char}, out PartialDate)"/>.</summary>
    None = 0,

    /// <summary>
    /// Also the ISO 8601 basic form <c>yyyyMMdd</c> (eight digits, a date known to the day), as exports such as FEBRL write
    /// dates of birth. A day or month <c>00</c> is not read as unknown: such a text is not a date.
    /// </summary>
    AllowIsoBasic = 1,
}
