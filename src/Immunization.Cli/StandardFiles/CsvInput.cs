using System.Globalization;
using System.Text;

namespace Immunization.Cli.StandardFiles;

/// <summary>How the tool shows what it read in a message: columns by position, values cut short, never personal data.</summary>
internal static class CsvInput
{
    /// <summary>At most this many characters of an offending value are shown in a message.</summary>
    public const int MaxShown = 40;

    /// <summary>"column 3": a column by its 1-based position.</summary>
    public static string Position(int index) => string.Create(CultureInfo.InvariantCulture, $"{index + 1}");

    /// <summary>
    /// A value as it may appear in a message: at most <see cref="MaxShown"/> characters, control characters escaped.
    /// Never use it for personal fields (names, identity numbers, phones, dates of birth): those are not shown at all.
    /// </summary>
    public static string Shown(string value)
    {
        var text = new StringBuilder(Math.Min(value.Length, MaxShown) + 32);
        foreach (var c in value.Length <= MaxShown ? value : value[..MaxShown])
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        if (value.Length > MaxShown)
        {
            text.Append(CultureInfo.InvariantCulture, $"… ({value.Length:N0} characters)");
        }

        return text.ToString();
    }
}
