using System.Globalization;

namespace Immunization.Core.Identity;

/// <summary>
/// Describes an unexpected input character for an error message by its kind ("a letter", "a symbol"), never by the
/// character itself: the input is personal data, and a single UTF-16 unit cut out of it may be half of a surrogate pair,
/// which would make the message invalid text.
/// </summary>
internal static class InputCharacters
{
    public static string Describe(char c)
    {
        if (char.IsSurrogate(c))
        {
            return "a character outside the Basic Multilingual Plane (such as an emoji)";
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.DecimalDigitNumber when char.IsAsciiDigit(c) => "a digit",
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber =>
                "a digit or number other than 0–9",
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => "a letter",
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark =>
                "a combining mark",
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator =>
                "a white-space character",
            UnicodeCategory.Control when char.IsWhiteSpace(c) => "a white-space character",
            UnicodeCategory.Control => "a control character",
            UnicodeCategory.Format => "an invisible formatting character",
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => "a punctuation mark",
            UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.OtherSymbol => "a symbol",
            UnicodeCategory.PrivateUse => "a private-use character",
            _ => "an unassigned character",
        };
    }
}
