using Immunization.Core.Text;

namespace Immunization.Core.Places;

/// <summary>
/// Builds the lookup key of a unit name as people write it: folded (no case, no diacritics, đ→d), punctuation dropped,
/// the type word of the level stripped once from the front ("Tỉnh", "TP.", "Phường", ...) and from the back ("city",
/// "ward", ...), then the spaces removed, so "TP. Hồ Chí Minh", "Ho Chi Minh city" and "HoChiMinh" share one key.
/// </summary>
internal static class AdministrativeNameKey
{
    /// <summary>Longest name accepted; longer text is not a unit name and finds nothing.</summary>
    public const int MaxLength = 128;

    // Longest first, so "thi xa" is tried before a shorter prefix of it.
    private static readonly string[] s_provincePrefixes = ["thanh pho ", "tinh ", "tp "];
    private static readonly string[] s_provinceSuffixes = [" province", " city", " municipality"];
    private static readonly string[] s_districtPrefixes = ["thanh pho ", "thi xa ", "huyen ", "quan ", "tp ", "tx ", "q ", "h "];
    private static readonly string[] s_districtSuffixes = [" district", " town", " city"];
    private static readonly string[] s_communePrefixes = ["thi tran ", "dac khu ", "phuong ", "xa ", "tt ", "p "];
    private static readonly string[] s_communeSuffixes = [" special zone", " commune", " township", " ward", " town"];

    /// <summary>
    /// Writes the key of <paramref name="name"/> into <paramref name="destination"/> (at least <see cref="MaxLength"/> long)
    /// and returns its length, or 0 when the name is empty or longer than <see cref="MaxLength"/>.
    /// </summary>
    /// <param name="name">The name as written.</param>
    /// <param name="level">The level whose type words may be stripped.</param>
    /// <param name="stripType">Whether to strip the type words of <paramref name="level"/>.</param>
    /// <param name="destination">The buffer for the key.</param>
    public static int Build(ReadOnlySpan<char> name, AdministrativeLevel level, bool stripType, Span<char> destination)
    {
        if (name.Length > MaxLength)
        {
            return 0;
        }

        Span<char> folded = stackalloc char[MaxLength];
        var foldedLength = VietnameseText.Fold(name, folded);

        // Words: runs of letters and digits, single spaces between them.
        Span<char> words = stackalloc char[MaxLength];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in folded[..foldedLength])
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace)
                {
                    words[length++] = ' ';
                    pendingSpace = false;
                }

                words[length++] = c;
            }
            else
            {
                pendingSpace = length > 0;
            }
        }

        ReadOnlySpan<char> text = words[..length];
        if (stripType)
        {
            var (prefixes, suffixes) = level switch
            {
                AdministrativeLevel.Province => (s_provincePrefixes, s_provinceSuffixes),
                AdministrativeLevel.District => (s_districtPrefixes, s_districtSuffixes),
                _ => (s_communePrefixes, s_communeSuffixes),
            };
            foreach (var prefix in prefixes)
            {
                if (text.Length > prefix.Length && text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    text = text[prefix.Length..];
                    break;
                }
            }

            foreach (var suffix in suffixes)
            {
                if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
                {
                    text = text[..^suffix.Length];
                    break;
                }
            }
        }

        var written = 0;
        foreach (var c in text)
        {
            if (c != ' ')
            {
                destination[written++] = c;
            }
        }

        return written;
    }

    /// <summary>Returns the key of <paramref name="name"/> as a string (for building indexes).</summary>
    public static string BuildString(ReadOnlySpan<char> name, AdministrativeLevel level, bool stripType)
    {
        Span<char> key = stackalloc char[MaxLength];
        return new string(key[..Build(name, level, stripType, key)]);
    }
}
