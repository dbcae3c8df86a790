using Immunization.Core.Identity;
using Immunization.Core.Records;

namespace Immunization.Matching.Comparators.Vietnamese;

/// <summary>
/// Builds the compact <see cref="IdentityKey"/> of an identity record: interned name tokens, packed date, phone and
/// identity number, place tokens. Used by the built-in register matcher and by the configured engine's Vietnamese levels.
/// </summary>
internal static class IdentityKeys
{
    internal static IdentityKey KeyOf(IdentityRecord record, Dictionary<string, int> tokens, Dictionary<string, int> places,
        List<string>? nameTexts, bool intern) =>
        KeyOf(record, new Interning(tokens, nameTexts, intern), new Interning(places, null, intern));

    /// <summary>The key of a record probing a built index: tokens the index's tables do not hold are <see cref="IdentityKey.Unknown"/>.</summary>
    internal static IdentityKey KeyOf(IdentityRecord record, ITokenLookup tokens, ITokenLookup places) =>
        KeyOf(record, new Lookup(tokens), new Lookup(places));

    private static IdentityKey KeyOf<T>(IdentityRecord record, T tokens, T places)
        where T : struct, ITokenizer
    {
        var key = Empty();
        SetCitizenId(ref key, record.CitizenId, record.UnparsedCitizenIdLength, record.UnparsedCitizenIdDigits, record.HasUnreadableCitizenId);
        key.Unreadable = (byte)(record.UnreadableFields | (record.HasUnreadableCitizenId ? 1 << (int)IdentityField.CitizenId : 0));
        SetName(ref key, record.Name, tokens);
        SetDateOfBirth(ref key, record.DateOfBirth);
        SetSex(ref key, record.Sex);
        SetPhone(ref key, record.PhoneDigits);
        SetResidence(ref key, record.ProvinceCode, record.CommuneCode, record.CommuneCodeParts, places);
        return key;
    }

    /// <summary>A key with every field missing; the <c>Set</c> functions fill one field each.</summary>
    internal static IdentityKey Empty()
    {
        var key = new IdentityKey
        {
            Name = IdentityKey.Missing,
            Family = IdentityKey.Missing,
            Middle = IdentityKey.Missing,
            Given = IdentityKey.Missing,
            Sorted = IdentityKey.Missing,
            Province = IdentityKey.Missing,
            Commune = IdentityKey.Missing,
        };
        return key;
    }

    /// <summary>
    /// The identity number: a parsed CCCD or CMND, else the digits of 9 or 12 that did not parse
    /// (<paramref name="unparsedLength"/> 0 when there are none); <paramref name="unreadable"/> for text that is not a number.
    /// </summary>
    internal static void SetCitizenId(ref IdentityKey key, CitizenId cid, int unparsedLength, long unparsedDigits, bool unreadable)
    {
        if (cid.Kind != CitizenIdKind.None)
        {
            key.CitizenIdLength = (byte)(cid.Kind == CitizenIdKind.Cccd ? 12 : 9);
            key.CitizenId = cid.Number;
            key.CitizenIdValid = true;
        }
        else if (unparsedLength != 0)
        {
            key.CitizenIdLength = (byte)unparsedLength;
            key.CitizenId = unparsedDigits;
        }

        key.CitizenIdUnreadable = unreadable;
    }

    /// <summary>The name's tokens (interned when <paramref name="intern"/>; full names' texts added to <paramref name="nameTexts"/>).</summary>
    internal static void SetName(ref IdentityKey key, PersonName personName, Dictionary<string, int> tokens, List<string>? nameTexts, bool intern) =>
        SetName(ref key, personName, new Interning(tokens, nameTexts, intern));

    private static void SetName<T>(ref IdentityKey key, PersonName personName, T tokens)
        where T : struct, ITokenizer
    {
        var name = personName.MatchingKey;
        if (name.Length > 0)
        {
            var span = name.AsSpan();
            var firstSpace = span.IndexOf(' ');
            var lastSpace = span.LastIndexOf(' ');
            key.Name = tokens.Token(span, fullName: true);
            key.Given = tokens.Token(lastSpace < 0 ? span : span[(lastSpace + 1)..], fullName: false);
            if (firstSpace >= 0)
            {
                key.Family = tokens.Token(span[..firstSpace], fullName: false);
                key.Middle = firstSpace == lastSpace ? IdentityKey.Missing : tokens.Token(span[(firstSpace + 1)..lastSpace], fullName: false);
            }

            if (firstSpace >= 0)
            {
                // Syllables in sorted order, under their own prefix: any reordering of a name gives the same id. Written into a
                // buffer (a probe allocates nothing for it; only interning keeps a string).
                Span<char> sorted = span.Length < 256 ? stackalloc char[span.Length + 1] : new char[span.Length + 1];
                key.Sorted = tokens.Token(SortedSyllables(span, sorted), fullName: false);
            }

            key.TonedHash = Hash(personName.TonedKey);
        }
    }

    /// <summary>The date of birth, packed as year, month and day (0 when missing).</summary>
    internal static void SetDateOfBirth(ref IdentityKey key, PartialDate dob)
    {
        if (dob.Precision != DatePrecision.None)
        {
            key.DateOfBirth = (dob.Year << 9) | (dob.Month << 5) | dob.Day;
        }

    }

    /// <summary>The sex: 1 male, 2 female, 0 unknown.</summary>
    internal static void SetSex(ref IdentityKey key, Sex sex) => key.Sex = sex switch
    {
        Core.Identity.Sex.Male => 1,
        Core.Identity.Sex.Female => 2,
        _ => 0,
    };

    /// <summary>The phone's national number (0 when missing).</summary>
    internal static void SetPhone(ref IdentityKey key, long nationalNumber)
    {
        key.Phone = nationalNumber;
    }

    /// <summary>The residence in the current scheme: province, commune and, for a split commune, its parts (interned when <paramref name="intern"/>).</summary>
    internal static void SetResidence(ref IdentityKey key, string? provinceCode, string? communeCode, string[]? communeParts,
        Dictionary<string, int> places, bool intern) =>
        SetResidence(ref key, provinceCode, communeCode, communeParts, new Interning(places, null, intern));

    private static void SetResidence<T>(ref IdentityKey key, string? provinceCode, string? communeCode, string[]? communeParts, T places)
        where T : struct, ITokenizer
    {
        if (provinceCode is { } province)
        {
            key.Province = PlaceToken(places, 'p', province);
        }

        if (communeCode is { } commune)
        {
            key.Commune = PlaceToken(places, 'c', commune);
        }

        if (communeParts is { } parts)
        {
            key.CommuneParts = new int[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                key.CommuneParts[i] = PlaceToken(places, 'c', parts[i]);
            }
        }
    }

    /// <summary>
    /// Writes the syllables of a folded name (split at every space, as <see cref="string.Split(char, StringSplitOptions)"/>
    /// does) in ordinal order, joined by spaces, after the prefix <c>\u0002</c> into <paramref name="destination"/>
    /// (one longer than <paramref name="name"/>).
    /// </summary>
    internal static ReadOnlySpan<char> SortedSyllables(ReadOnlySpan<char> name, Span<char> destination)
    {
        var count = name.Count(' ') + 1;
        Span<Range> syllables = count <= 32 ? stackalloc Range[count] : new Range[count];
        name.Split(syllables, ' ');

        // Insertion sort: a name has a handful of syllables.
        for (var i = 1; i < count; i++)
        {
            var current = syllables[i];
            var k = i;
            for (; k > 0 && name[syllables[k - 1]].SequenceCompareTo(name[current]) > 0; k--)
            {
                syllables[k] = syllables[k - 1];
            }

            syllables[k] = current;
        }

        destination[0] = '\u0002';
        var length = 1;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                destination[length++] = ' ';
            }

            var syllable = name[syllables[i]];
            syllable.CopyTo(destination[length..]);
            length += syllable.Length;
        }

        return destination[..length];
    }

    // A place code under its prefix ('p' province, 'c' commune), looked up from a buffer: a probe allocates no string for it.
    private static int PlaceToken<T>(T places, char prefix, string code)
        where T : struct, ITokenizer
    {
        Span<char> buffer = code.Length < 64 ? stackalloc char[code.Length + 1] : new char[code.Length + 1];
        buffer[0] = prefix;
        code.CopyTo(buffer[1..]);
        return places.Token(buffer, fullName: false);
    }

    // A full name under its prefix: full names have their own id space, and a one-syllable name must not collide with a syllable.
    private static ReadOnlySpan<char> Prefixed(ReadOnlySpan<char> text, Span<char> buffer)
    {
        buffer[0] = '\u0001';
        text.CopyTo(buffer[1..]);
        return buffer[..(text.Length + 1)];
    }

    /// <summary>Where a key's tokens come from: an interning dictionary or a built index's table.</summary>
    private interface ITokenizer
    {
        /// <summary>The id of <paramref name="text"/> (a full name's in the full names' own id space), or <see cref="IdentityKey.Unknown"/>.</summary>
        int Token(ReadOnlySpan<char> text, bool fullName);
    }

    // Interns a token when asked to. Full names have their own id space (their index in nameTexts, whose text the
    // similarity test reads).
    private readonly struct Interning(Dictionary<string, int> tokens, List<string>? nameTexts, bool intern) : ITokenizer
    {
        public int Token(ReadOnlySpan<char> text, bool fullName)
        {
            var lookup = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
            if (fullName)
            {
                Span<char> buffer = text.Length < 256 ? stackalloc char[text.Length + 1] : new char[text.Length + 1];
                var prefixed = Prefixed(text, buffer);
                if (lookup.TryGetValue(prefixed, out var nameId))
                {
                    return nameId;
                }

                if (!intern || nameTexts is null)
                {
                    return IdentityKey.Unknown;
                }

                nameId = nameTexts.Count;
                nameTexts.Add(text.ToString());
                tokens.Add(new string(prefixed), nameId);
                return nameId;
            }

            if (lookup.TryGetValue(text, out var id))
            {
                return id;
            }

            if (!intern)
            {
                return IdentityKey.Unknown;
            }

            id = tokens.Count;
            tokens.Add(text.ToString(), id);
            return id;
        }
    }

    // Looks tokens up in a built index's table; never adds.
    private readonly struct Lookup(ITokenLookup table) : ITokenizer
    {
        public int Token(ReadOnlySpan<char> text, bool fullName)
        {
            if (fullName)
            {
                Span<char> buffer = text.Length < 256 ? stackalloc char[text.Length + 1] : new char[text.Length + 1];
                return table.TryGetValue(Prefixed(text, buffer), out var nameId) ? nameId : IdentityKey.Unknown;
            }

            return table.TryGetValue(text, out var id) ? id : IdentityKey.Unknown;
        }
    }

    internal static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
