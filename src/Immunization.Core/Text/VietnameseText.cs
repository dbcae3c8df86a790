using System.Runtime.CompilerServices;

namespace Immunization.Core.Text;

/// <summary>
/// Folding of Vietnamese text into matching keys: lower case, tone marks and other diacritics removed,
/// <c>đ</c> written <c>d</c>, white space collapsed to single spaces and trimmed.
/// </summary>
/// <remarks>
/// A 64K-entry table maps each UTF-16 code unit to its folded form once, at type initialisation; combining marks
/// (U+0300–U+036F) map to nothing, so composed and decomposed input fold alike. Folding a span into a caller's
/// buffer allocates nothing.
/// </remarks>
internal static class VietnameseText
{
    private const char Drop = '\0';

    // Index: UTF-16 code unit. Value: folded character, '\0' to drop it, ' ' for any white space.
    private static readonly char[] s_fold = BuildFoldTable();

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/> and returns the number of characters written.</summary>
    /// <remarks><paramref name="destination"/> must be at least as long as <paramref name="source"/>; folding never lengthens text.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        var table = s_fold;
        var written = 0;
        var pendingSpace = false;
        foreach (var c in source)
        {
            var f = table[c];
            if (f == Drop)
            {
                continue;
            }

            if (f == ' ')
            {
                pendingSpace = written > 0;
                continue;
            }

            if (pendingSpace)
            {
                destination[written++] = ' ';
                pendingSpace = false;
            }

            destination[written++] = f;
        }

        return written;
    }

    /// <summary>Folds <paramref name="source"/> into a new string.</summary>
    public static string Fold(ReadOnlySpan<char> source)
    {
        if (source.IsEmpty)
        {
            return string.Empty;
        }

        Span<char> buffer = source.Length <= 256 ? stackalloc char[source.Length] : new char[source.Length];
        var length = Fold(source, buffer);
        return new string(buffer[..length]);
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            table[i] = c switch
            {
                _ when char.IsSurrogate(c) => c,
                _ when char.IsWhiteSpace(c) => ' ',
                >= '\u0300' and <= '\u036F' => Drop,
                'đ' or 'Đ' or 'ð' or 'Ð' => 'd',
                _ => BaseLetter(c),
            };
        }

        table[0] = Drop;
        return table;
    }

    private static char BaseLetter(char c) =>
        LatinNormalization.TryGetDecomposition(c, out var decomposition)
            ? char.ToLowerInvariant(decomposition[0])
            : char.ToLowerInvariant(c);
}
