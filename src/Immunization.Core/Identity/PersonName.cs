using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Ardalis.GuardClauses;
using Immunization.Core.Text;

namespace Immunization.Core.Identity;

/// <summary>
/// A Vietnamese personal name, written family name, middle name(s), given name: <c>Nguyễn Thị Minh Anh</c>.
/// </summary>
/// <remarks>
/// <para>Parsing produces three forms of the name:</para>
/// <list type="bullet">
/// <item>
/// <see cref="DisplayName"/>: Unicode NFC, single spaces, each syllable in title case (also after a hyphen or an apostrophe,
/// as in <c>H'Hen Niê</c>), tone marks placed by one rule (below).
/// </item>
/// <item><see cref="TonedKey"/>: the display form in lower case; tells <c>Hòa</c> from <c>Hoa</c>.</item>
/// <item>
/// <see cref="MatchingKey"/>: lower case, tone marks and all other diacritics removed, <c>đ</c> written <c>d</c>
/// (<c>nguyen thi minh anh</c>); what data entry without a Vietnamese keyboard still gets right.
/// </item>
/// </list>
/// <para>
/// <b>Tone placement.</b> Vietnamese has two conventions for where the tone mark goes in open syllables ending in
/// <c>oa</c>, <c>oe</c>, <c>uy</c>: the traditional one (<c>hòa</c>, <c>khỏe</c>, <c>thủy</c>) and the modern one, which puts
/// the mark on the main vowel (<c>hoà</c>, <c>khoẻ</c>, <c>thuỷ</c>; "kiểu mới"). The display form uses the modern placement
/// for every syllable that is a regular Vietnamese syllable with one tone mark (a misplaced mark, as in <c>Qúy</c>, is moved
/// too), so both spellings give the same <see cref="DisplayName"/>, <see cref="TonedKey"/> and <see cref="MatchingKey"/>;
/// a syllable that is not Vietnamese (or carries two tone marks) keeps its marks where they are. In a closed syllable both
/// conventions agree (<c>hoàng</c>, <c>thuyền</c>); <c>qu</c> and <c>gi</c> count as consonants (<c>quý</c>, <c>giữ</c>).
/// </para>
/// <para>
/// <b>Parts.</b> Syllables are separated by spaces. The first is the family name, the last the given name, any in between
/// the middle names. A one-syllable name is only a given name. Composed (NFC) and decomposed (NFD) input give equal values.
/// </para>
/// <para>
/// Accepted: 1–<see cref="MaxLength"/> characters of Latin letters (Basic Latin, Latin-1, Latin Extended-A to -E and Latin
/// Extended Additional, which holds the precomposed Vietnamese letters), combining diacritical marks (U+0300–U+036F) each
/// following a letter or another mark, white space, hyphens and apostrophes, with at least one letter; any white space
/// separates syllables. Rejected, with the reason:
/// </para>
/// <list type="bullet">
/// <item>
/// a letter of another script, even one that looks Latin (Cyrillic <c>Т</c>, Greek <c>Α</c>): its matching key would never
/// equal the Latin spelling's, so one person would silently become two; full-width letters (<c>Ｎ</c>) likewise;
/// </item>
/// <item>a combining mark with no letter before it (at the start, or after a space, hyphen or apostrophe): it marks nothing;</item>
/// <item>digits, punctuation other than hyphens and apostrophes, symbols (emoji), control and formatting characters.</item>
/// </list>
/// <para>
/// Equality compares <see cref="DisplayName"/> ordinally; compare <see cref="MatchingKey"/> to match records. Exception
/// messages never contain the name nor any character of it: an unexpected character is described by its kind and
/// position ("a letter outside the Latin alphabet at position 8").
/// </para>
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for more information.</threadsafety>
public readonly struct PersonName : IEquatable<PersonName>
{
    /// <summary>The longest name text accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 200;

    private const char Grave = '\u0300';
    private const char Acute = '\u0301';
    private const char Tilde = '\u0303';
    private const char HookAbove = '\u0309';
    private const char DotBelow = '\u0323';

    // Distinct syllables as written, and their display form: a name's syllables come from a small set (a few thousand
    // spellings in a register of millions), so each is normalised once. Bounded; past the bound, syllables are normalised
    // every time. Only a run that can be one Vietnamese syllable is kept (letters and marks only, at most
    // MaxCachedLetters letters: the longest syllable, "nghiêng", has seven), so a name written without spaces or with
    // hyphens is never kept whole: a syllable alone identifies nobody.
    private const int MaxCachedSyllables = 1 << 16;
    private const int MaxCachedLetters = 7;

    private static readonly ConcurrentDictionary<string, string> s_syllables = new(StringComparer.Ordinal);

    // The number of syllables in s_syllables (its Count property would take every lock of the dictionary).
    private static int s_cachedSyllables;

    private readonly string? _display;
    private readonly string? _tonedKey;
    private readonly string? _matchingKey;
    private readonly int _familyEnd;
    private readonly int _givenStart;

    private PersonName(string display)
    {
        _display = display;
        _tonedKey = display.ToLowerInvariant();
        _matchingKey = VietnameseText.Fold(display);
        _familyEnd = display.IndexOf(' ', StringComparison.Ordinal);
        _givenStart = display.LastIndexOf(' ') + 1;
    }

    /// <summary>Gets the name as it should be displayed: NFC, single spaces, title case, modern tone placement.</summary>
    public string DisplayName => _display ?? string.Empty;

    /// <summary>Gets the display form in lower case (diacritics and tone marks kept).</summary>
    public string TonedKey => _tonedKey ?? string.Empty;

    /// <summary>Gets the matching key: lower case, without tone marks or other diacritics, <c>đ</c> as <c>d</c>, single spaces.</summary>
    public string MatchingKey => _matchingKey ?? string.Empty;

    /// <summary>Gets the family name (the first syllable), or an empty string for a one-syllable name.</summary>
    public string FamilyName => _familyEnd < 0 ? string.Empty : DisplayName[.._familyEnd];

    /// <summary>Gets the middle names (the syllables between the first and the last, space-separated), or an empty string.</summary>
    public string MiddleNames => _familyEnd < 0 || _familyEnd + 1 >= _givenStart
        ? string.Empty
        : DisplayName[(_familyEnd + 1)..(_givenStart - 1)];

    /// <summary>Gets the given name (the last syllable).</summary>
    public string GivenName => DisplayName[_givenStart..];

    /// <summary>Returns whether two names have the same display form.</summary>
    /// <param name="left">The first name.</param>
    /// <param name="right">The second name.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(PersonName left, PersonName right) => left.Equals(right);

    /// <summary>Returns whether two names have different display forms.</summary>
    /// <param name="left">The first name.</param>
    /// <param name="right">The second name.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(PersonName left, PersonName right) => !left.Equals(right);

    /// <summary>Reads a name.</summary>
    /// <param name="text">The name as written, in any case, composed or decomposed, with any spacing.</param>
    /// <returns>The name.</returns>
    /// <exception cref="FormatException">The text is not a name; the message says why (never the name).</exception>
    public static PersonName Parse(ReadOnlySpan<char> text)
    {
        var error = TryParseCore(text, out var result);
        return error is null ? result : throw new FormatException(error);
    }

    /// <summary>Tries to read a name.</summary>
    /// <param name="text">The name as written.</param>
    /// <param name="result">The name, or <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when the text is a name.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out PersonName result) => TryParseCore(text, out result) is null;

    /// <summary>
    /// Writes the matching key of a name as written (the same text as <see cref="MatchingKey"/> of the parsed name) into
    /// <paramref name="destination"/>, without allocating and without validating the name. For bulk matching.
    /// </summary>
    /// <param name="name">The name as written.</param>
    /// <param name="destination">The buffer; at least as long as <paramref name="name"/> (the key is never longer).</param>
    /// <returns>The number of characters written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="name"/>.</exception>
    public static int WriteMatchingKey(ReadOnlySpan<char> name, Span<char> destination)
    {
        if (destination.Length < name.Length)
        {
            ThrowDestinationTooShort();
        }

        return VietnameseText.Fold(name, destination);
    }

    /// <inheritdoc/>
    public bool Equals(PersonName other) => string.Equals(DisplayName, other.DisplayName, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is PersonName other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(DisplayName);

    /// <summary>Returns the <see cref="DisplayName"/>.</summary>
    /// <returns>The display form.</returns>
    public override string ToString() => DisplayName;

    [DoesNotReturn]
    private static void ThrowDestinationTooShort() =>
        throw new ArgumentException("The destination must be at least as long as the name.", "destination");

    private static string? TryParseCore(ReadOnlySpan<char> text, out PersonName result)
    {
        result = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return "A name is empty.";
        }

        if (text.Length > MaxLength)
        {
            return $"A name has at most {MaxLength} characters; the text has {text.Length}.";
        }

        var letters = 0;
        var afterLetter = false; // whether a combining mark here has a letter (with its marks) to attach to
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                if (!IsLatinLetter(c))
                {
                    return c is (>= '\uFF21' and <= '\uFF3A') or (>= '\uFF41' and <= '\uFF5A')
                        ? $"A name has a full-width letter at position {i + 1}; write it as an ordinary letter."
                        : $"A name has a letter outside the Latin alphabet at position {i + 1}.";
                }

                letters++;
                afterLetter = true;
            }
            else if (c is >= '\u0300' and <= '\u036F')
            {
                if (!afterLetter)
                {
                    return $"A name has a combining mark with no letter before it at position {i + 1}.";
                }
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '\'')
            {
                afterLetter = false;
            }
            else
            {
                return $"A name has only letters, spaces, hyphens and apostrophes; found {InputCharacters.Describe(c)} at position {i + 1}.";
            }
        }

        if (letters == 0)
        {
            return "A name must contain at least one letter.";
        }

        result = new PersonName(DisplayForm(text));
        return null;
    }

    /// <summary>
    /// The display form of a validated name text: its syllables (the runs between white space) each in display form, joined by
    /// single spaces. A syllable's display form depends on its own text only (decomposition and the canonical ordering of marks
    /// never cross white space), so each distinct syllable is normalised once and then read from <see cref="s_syllables"/>.
    /// </summary>
    private static string DisplayForm(ReadOnlySpan<char> text)
    {
        var parts = default(SyllableParts);
        var count = 0;
        var length = -1;
        var start = -1;
        var lookup = s_syllables.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start < 0)
            {
                continue;
            }

            if (count == SyllableParts.Length)
            {
                return DisplayFormWholeText(text);
            }

            var raw = text[start..i];
            if (!lookup.TryGetValue(raw, out var syllable))
            {
                syllable = SyllableDisplayForm(raw);
                if (IsOneSyllable(raw) && Volatile.Read(ref s_cachedSyllables) < MaxCachedSyllables && lookup.TryAdd(raw, syllable))
                {
                    Interlocked.Increment(ref s_cachedSyllables);
                }
            }

            parts[count++] = syllable;
            length += syllable.Length + 1;
            start = -1;
        }

        if (count == 1)
        {
            return parts[0]!;
        }

        return string.Create(length, parts, static (destination, parts) =>
        {
            var written = 0;
            for (var k = 0; k < SyllableParts.Length && parts[k] is { } part; k++)
            {
                if (k > 0)
                {
                    destination[written++] = ' ';
                }

                part.CopyTo(destination[written..]);
                written += part.Length;
            }
        });
    }

    /// <summary>Whether <paramref name="raw"/> (no white space) can be one syllable: letters and combining marks only, at most
    /// <see cref="MaxCachedLetters"/> letters.</summary>
    internal static bool IsOneSyllable(ReadOnlySpan<char> raw)
    {
        var letters = 0;
        foreach (var c in raw)
        {
            if (char.IsLetter(c))
            {
                if (++letters > MaxCachedLetters)
                {
                    return false;
                }
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The display form of one syllable as written (no white space): decomposed, lower case, modern tone, title case, NFC.</summary>
    private static string SyllableDisplayForm(ReadOnlySpan<char> raw)
    {
        var syllable = new StringBuilder(16);
        WriteSyllable(LatinNormalization.ToFormD(raw), syllable);
        return LatinNormalization.ToFormC(syllable.ToString());
    }

    /// <summary>
    /// The display form computed over the whole text at once (decomposed, then split at white space): the definition
    /// <see cref="DisplayForm"/> caches syllable by syllable, kept for names of more syllables than it holds and for the tests.
    /// </summary>
    internal static string DisplayFormWholeText(ReadOnlySpan<char> text)
    {
        var decomposed = LatinNormalization.ToFormD(text).AsSpan();
        var display = new StringBuilder(decomposed.Length);
        var syllable = new StringBuilder(16);
        var wordStart = -1;
        for (var i = 0; i <= decomposed.Length; i++)
        {
            var atSpace = i == decomposed.Length || char.IsWhiteSpace(decomposed[i]);
            if (!atSpace)
            {
                wordStart = wordStart < 0 ? i : wordStart;
                continue;
            }

            if (wordStart < 0)
            {
                continue;
            }

            if (display.Length > 0)
            {
                display.Append(' ');
            }

            syllable.Clear();
            WriteSyllable(decomposed[wordStart..i], syllable);
            display.Append(LatinNormalization.ToFormC(syllable.ToString()));
            wordStart = -1;
        }

        return display.ToString();
    }

    // Lower-cases a decomposed syllable, moves its tone mark to the modern position, and title-cases it.
    private static void WriteSyllable(ReadOnlySpan<char> word, StringBuilder output)
    {
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        var start = output.Length;
        if (!TryWriteWithModernTone(lower, output))
        {
            output.Append(lower);
        }

        var capitalise = true;
        for (var i = start; i < output.Length; i++)
        {
            var c = output[i];
            if (char.IsLetter(c) && capitalise)
            {
                output[i] = char.ToUpperInvariant(c);
                capitalise = false;
            }
            else if (c is '-' or '\'')
            {
                capitalise = true;
            }
        }
    }

    private static bool TryWriteWithModernTone(ReadOnlySpan<char> s, StringBuilder output)
    {
        // Units: a base letter with its vowel modifiers (circumflex, breve, horn); the one tone mark is taken out.
        Span<char> bases = stackalloc char[s.Length];
        Span<char> modifier = stackalloc char[s.Length];
        modifier.Clear();
        var units = 0;
        var tone = '\0';
        foreach (var c in s)
        {
            switch (c)
            {
                case Grave or Acute or Tilde or HookAbove or DotBelow:
                    if (tone != '\0' || units == 0)
                    {
                        return false;
                    }

                    tone = c;
                    break;
                case '\u0302' or '\u0306' or '\u031B':
                    if (units == 0)
                    {
                        return false;
                    }

                    modifier[units - 1] = c;
                    break;
                case (>= 'a' and <= 'z') or 'đ':
                    bases[units++] = c;
                    break;
                default:
                    return false;
            }
        }

        if (tone == '\0')
        {
            return false;
        }

        // The vowel cluster: one contiguous run of vowels, with the consonant "u" of "qu" and "i" of "gi" left out.
        var first = -1;
        var last = -1;
        for (var i = 0; i < units; i++)
        {
            if (IsVowel(bases[i]))
            {
                if (first < 0)
                {
                    first = i;
                }
                else if (last != i - 1)
                {
                    return false;
                }

                last = i;
            }
        }

        if (first < 0)
        {
            return false;
        }

        if (first == 1 && last > first && ((bases[0] == 'q' && bases[1] == 'u') || (bases[0] == 'g' && bases[1] == 'i')))
        {
            first++;
        }

        var target = -1;
        for (var i = first; i <= last; i++)
        {
            if (modifier[i] != '\0')
            {
                target = i; // ươ: the last modified vowel
            }
        }

        if (target < 0)
        {
            var length = last - first + 1;
            if (last < units - 1 || length == 1)
            {
                target = last; // closed syllable: the last vowel (hoàng, huýt)
            }
            else if (length == 3)
            {
                target = first + 1; // hoài, khuỷu
            }
            else
            {
                var pair = (bases[first], bases[last]);
                target = pair is ('o', 'a') or ('o', 'e') or ('u', 'y') ? last : first; // hoà, khoẻ, thuỷ; but mùa, cái
            }
        }

        for (var i = 0; i < units; i++)
        {
            output.Append(bases[i]);
            if (modifier[i] != '\0')
            {
                output.Append(modifier[i]);
            }

            if (i == target)
            {
                output.Append(tone);
            }
        }

        return true;
    }

    // The Latin blocks: Basic Latin, Latin-1 Supplement, Latin Extended-A and -B, IPA Extensions, Latin Extended Additional
    // (the precomposed Vietnamese letters), Latin Extended-C, -D and -E. Only called for letters.
    private static bool IsLatinLetter(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '\u00C0' and <= '\u02AF') or (>= '\u1E00' and <= '\u1EFF')
            or (>= '\u2C60' and <= '\u2C7F') or (>= '\uA720' and <= '\uA7FF') or (>= '\uAB30' and <= '\uAB6F');

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
