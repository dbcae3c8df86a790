using System.Text;

namespace Immunization.Testing.Synthetic;

/// <summary>
/// The ways data entry changes a Vietnamese name: tone marks dropped (all or some), <c>Đ</c> typed as <c>D</c>, Unicode
/// decomposed, case and spacing, a mistyped letter, family and given name swapped.
/// </summary>
/// <remarks>
/// Decomposition and case use the tables below rather than <see cref="string.Normalize()"/> and culture casing, so the
/// output is the same on every machine whatever its ICU version or globalization mode.
/// </remarks>
internal static class NameNoise
{
    // The 132 precomposed Vietnamese vowels: 66 lower case, then the same 66 in upper case.
    private const string Composed =
        "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ" +
        "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ";

    // The same letters without their tone mark (ă, â, ê, ô, ơ, ư keep their shape).
    private const string WithoutTone =
        "aaaaaăăăăăăââââââeeeeeêêêêêêiiiiioooooôôôôôôơơơơơơuuuuuưưưưưưyyyyy" +
        "AAAAAĂĂĂĂĂĂÂÂÂÂÂÂEEEEEÊÊÊÊÊÊIIIIIOOOOOÔÔÔÔÔÔƠƠƠƠƠƠUUUUUƯƯƯƯƯƯYYYYY";

    // The same letters with every diacritic removed.
    private const string Plain =
        "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy" +
        "AAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYY";

    // Canonical decompositions (NFD) of the letters above, in the same order.
    private const string Decompositions =
        "a\u0300|a\u0301|a\u0309|a\u0303|a\u0323|a\u0306|a\u0306\u0300|a\u0306\u0301|a\u0306\u0309|a\u0306\u0303|a\u0323\u0306|" +
        "a\u0302|a\u0302\u0300|a\u0302\u0301|a\u0302\u0309|a\u0302\u0303|a\u0323\u0302|e\u0300|e\u0301|e\u0309|e\u0303|e\u0323|" +
        "e\u0302|e\u0302\u0300|e\u0302\u0301|e\u0302\u0309|e\u0302\u0303|e\u0323\u0302|i\u0300|i\u0301|i\u0309|i\u0303|i\u0323|" +
        "o\u0300|o\u0301|o\u0309|o\u0303|o\u0323|o\u0302|o\u0302\u0300|o\u0302\u0301|o\u0302\u0309|o\u0302\u0303|o\u0323\u0302|" +
        "o\u031B|o\u031B\u0300|o\u031B\u0301|o\u031B\u0309|o\u031B\u0303|o\u031B\u0323|u\u0300|u\u0301|u\u0309|u\u0303|u\u0323|" +
        "u\u031B|u\u031B\u0300|u\u031B\u0301|u\u031B\u0309|u\u031B\u0303|u\u031B\u0323|y\u0300|y\u0301|y\u0309|y\u0303|y\u0323|" +
        "A\u0300|A\u0301|A\u0309|A\u0303|A\u0323|A\u0306|A\u0306\u0300|A\u0306\u0301|A\u0306\u0309|A\u0306\u0303|A\u0323\u0306|" +
        "A\u0302|A\u0302\u0300|A\u0302\u0301|A\u0302\u0309|A\u0302\u0303|A\u0323\u0302|E\u0300|E\u0301|E\u0309|E\u0303|E\u0323|" +
        "E\u0302|E\u0302\u0300|E\u0302\u0301|E\u0302\u0309|E\u0302\u0303|E\u0323\u0302|I\u0300|I\u0301|I\u0309|I\u0303|I\u0323|" +
        "O\u0300|O\u0301|O\u0309|O\u0303|O\u0323|O\u0302|O\u0302\u0300|O\u0302\u0301|O\u0302\u0309|O\u0302\u0303|O\u0323\u0302|" +
        "O\u031B|O\u031B\u0300|O\u031B\u0301|O\u031B\u0309|O\u031B\u0303|O\u031B\u0323|U\u0300|U\u0301|U\u0309|U\u0303|U\u0323|" +
        "U\u031B|U\u031B\u0300|U\u031B\u0301|U\u031B\u0309|U\u031B\u0303|U\u031B\u0323|Y\u0300|Y\u0301|Y\u0309|Y\u0303|Y\u0323";

    private const int LowerCount = 66;

    // Per code unit below 0x1F00: index into Composed + 1, or 0 when the character is not a precomposed vowel.
    private static readonly short[] s_index = BuildIndex();
    private static readonly string[] s_decompositions = Decompositions.Split('|');

    // Neighbouring keys on a QWERTY keyboard, for mistyped letters.
    private static readonly string[] s_neighbours =
    [
        "qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko", "huikmn", "jiolm", "kop", "njk",
        "bhjm", "iklp", "ol", "wa", "edft", "awedxz", "rfgy", "yhji", "cfgb", "qase", "zsdc", "tghu", "asx",
    ];

    private static short[] BuildIndex()
    {
        var index = new short[0x1F00];
        for (var i = 0; i < Composed.Length; i++)
        {
            index[Composed[i]] = (short)(i + 1);
        }

        return index;
    }

    private static int IndexOf(char c) => c < 0x1F00 ? s_index[c] - 1 : -1;

    public static bool IsMarked(char c) => IndexOf(c) >= 0 || c is 'đ' or 'Đ';

    public static bool HasMarks(string text)
    {
        foreach (var c in text)
        {
            if (IsMarked(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasDStroke(string text) => text.Contains('đ', StringComparison.Ordinal) || text.Contains('Đ', StringComparison.Ordinal);

    public static bool HasComposedVowel(string text)
    {
        foreach (var c in text)
        {
            if (IndexOf(c) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts the syllables that carry at least one mark on a vowel.</summary>
    public static int MarkedSyllables(string text)
    {
        var count = 0;
        var marked = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                count += marked ? 1 : 0;
                marked = false;
            }
            else if (IndexOf(c) >= 0)
            {
                marked = true;
            }
        }

        return count + (marked ? 1 : 0);
    }

    /// <summary>Every diacritic removed and <c>Đ</c> written <c>D</c>: a name typed without a Vietnamese keyboard.</summary>
    public static string DropAllMarks(string text)
    {
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                var k = IndexOf(c);
                span[i] = k >= 0 ? Plain[k] : c switch { 'đ' => 'd', 'Đ' => 'D', _ => c };
            }
        });
    }

    /// <summary>
    /// Marks dropped from some syllables but not all (only for names with two or more marked syllables): each marked
    /// syllable loses its tone mark or all its marks, or keeps them; at least one changes and at least one keeps them.
    /// <c>Đ</c> is left alone (it has its own error kind).
    /// </summary>
    public static string DropSomeMarks(ref Xoshiro256StarStar rng, string text)
    {
        var syllables = text.Split(' ');
        var marked = new List<int>(syllables.Length);
        for (var i = 0; i < syllables.Length; i++)
        {
            if (HasComposedVowel(syllables[i]))
            {
                marked.Add(i);
            }
        }

        // Choose a non-empty, proper subset of the marked syllables to change.
        var keep = marked[rng.Next(marked.Count)];
        var changeFirst = marked[rng.Next(marked.Count)];
        while (changeFirst == keep)
        {
            changeFirst = marked[rng.Next(marked.Count)];
        }

        foreach (var i in marked)
        {
            if (i == keep || (i != changeFirst && !rng.Chance(0.5)))
            {
                continue;
            }

            var toneOnly = rng.Chance(0.5);
            syllables[i] = string.Create(syllables[i].Length, (syllables[i], toneOnly), static (span, state) =>
            {
                for (var j = 0; j < state.Item1.Length; j++)
                {
                    var c = state.Item1[j];
                    var k = IndexOf(c);
                    span[j] = k < 0 ? c : state.toneOnly ? WithoutTone[k] : Plain[k];
                }
            });
        }

        var result = string.Join(' ', syllables);

        // A syllable whose only mark was a shape mark with no tone ("Ân" with toneOnly) is unchanged; force one change.
        return string.Equals(result, text, StringComparison.Ordinal) ? PlainSyllable(syllables, changeFirst) : result;
    }

    private static string PlainSyllable(string[] syllables, int index)
    {
        syllables[index] = string.Create(syllables[index].Length, syllables[index], static (span, source) =>
        {
            for (var j = 0; j < source.Length; j++)
            {
                var k = IndexOf(source[j]);
                span[j] = k < 0 ? source[j] : Plain[k];
            }
        });
        return string.Join(' ', syllables);
    }

    /// <summary><c>Đ</c> written <c>D</c> (and <c>đ</c> written <c>d</c>).</summary>
    public static string DStrokeAsD(string text) => text.Replace('Đ', 'D').Replace('đ', 'd');

    /// <summary>The canonical decomposition (NFD) of every precomposed vowel: base letter and combining marks.</summary>
    public static string Decompose(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            var k = IndexOf(c);
            if (k >= 0)
            {
                builder.Append(s_decompositions[k]);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string ToUpper(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            var k = IndexOf(c);
            span[i] = k is >= 0 and < LowerCount ? Composed[k + LowerCount] : c == 'đ' ? 'Đ' : char.IsAsciiLetterLower(c) ? (char)(c - 32) : c;
        }
    });

    public static string ToLower(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            var k = IndexOf(c);
            span[i] = k >= LowerCount ? Composed[k - LowerCount] : c == 'Đ' ? 'đ' : char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c;
        }
    });

    /// <summary>Upper or lower case, a doubled space, or spaces around the name.</summary>
    public static string CaseAndSpacing(ref Xoshiro256StarStar rng, string text)
    {
        var kind = rng.Next(4);
        switch (kind)
        {
            case 0:
                var upper = ToUpper(text);
                if (!string.Equals(upper, text, StringComparison.Ordinal))
                {
                    return upper;
                }

                break;
            case 1:
                var lower = ToLower(text);
                if (!string.Equals(lower, text, StringComparison.Ordinal))
                {
                    return lower;
                }

                break;
            case 2:
                var space = text.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0)
                {
                    var spaces = rng.Next(text.Length);
                    var at = text.IndexOf(' ', spaces);
                    at = at < 0 ? space : at;
                    return text.Insert(at, " ");
                }

                break;
            default:
                break;
        }

        return rng.Chance(0.5) ? " " + text : text + " ";
    }

    /// <summary>One letter of one syllable replaced by a neighbouring key, doubled or left out.</summary>
    public static string MistypeSyllable(ref Xoshiro256StarStar rng, string text)
    {
        var chars = text.ToCharArray();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var i = rng.Next(chars.Length);
            var c = chars[i];
            var k = IndexOf(c);
            var plain = k >= 0 ? Plain[k] : c;
            var lowerPlain = char.ToLowerInvariant(plain);
            if (!char.IsAsciiLetterLower(lowerPlain))
            {
                continue;
            }

            switch (rng.Next(3))
            {
                case 0:
                    var neighbours = s_neighbours[lowerPlain - 'a'];
                    var replacement = neighbours[rng.Next(neighbours.Length)];
                    chars[i] = char.IsUpper(plain) ? char.ToUpperInvariant(replacement) : replacement;
                    return new string(chars);
                case 1:
                    return text.Insert(i, c.ToString());
                default:
                    var syllableLength = SyllableLength(text, i);
                    if (syllableLength > 2)
                    {
                        return text.Remove(i, 1);
                    }

                    goto case 1;
            }
        }

        return text + "h";
    }

    private static int SyllableLength(string text, int i)
    {
        var start = text.LastIndexOf(' ', i) + 1;
        var end = text.IndexOf(' ', i);
        return (end < 0 ? text.Length : end) - start;
    }

    /// <summary>The given name moved to the front: "Anh Nguyễn Thị Minh" (the two name fields of a form swapped).</summary>
    public static string SwapFamilyAndGiven(string text)
    {
        var last = text.LastIndexOf(' ');
        return last <= 0 ? text : string.Concat(text.AsSpan(last + 1), " ", text.AsSpan(0, last));
    }
}
