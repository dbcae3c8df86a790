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
        List<string>? nameTexts, bool intern)
    {
        var key = Empty();
        SetCitizenId(ref key, record.CitizenId, record.UnparsedCitizenIdLength, record.UnparsedCitizenIdDigits, record.HasUnreadableCitizenId);
        key.Unreadable = (byte)(record.UnreadableFields | (record.HasUnreadableCitizenId ? 1 << (int)IdentityField.CitizenId : 0));
        SetName(ref key, record.Name, tokens, nameTexts, intern);
        SetDateOfBirth(ref key, record.DateOfBirth);
        SetSex(ref key, record.Sex);
        SetPhone(ref key, record.PhoneDigits);
        SetResidence(ref key, record.ProvinceCode, record.CommuneCode, record.CommuneCodeParts, places, intern);
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
    internal static void SetName(ref IdentityKey key, PersonName personName, Dictionary<string, int> tokens, List<string>? nameTexts, bool intern)
    {
        var name = personName.MatchingKey;
        if (name.Length > 0)
        {
            var span = name.AsSpan();
            var firstSpace = span.IndexOf(' ');
            var lastSpace = span.LastIndexOf(' ');
            key.Name = Token(tokens, span, intern, fullName: true, nameTexts);
            key.Given = Token(tokens, lastSpace < 0 ? span : span[(lastSpace + 1)..], intern, fullName: false, null);
            if (firstSpace >= 0)
            {
                key.Family = Token(tokens, span[..firstSpace], intern, fullName: false, null);
                key.Middle = firstSpace == lastSpace ? IdentityKey.Missing : Token(tokens, span[(firstSpace + 1)..lastSpace], intern, fullName: false, null);
            }

            if (firstSpace >= 0)
            {
                // Syllables in sorted order, under their own prefix: any reordering of a name gives the same id. Written into a
                // buffer (a probe allocates nothing for it; only interning keeps a string).
                Span<char> sorted = span.Length < 256 ? stackalloc char[span.Length + 1] : new char[span.Length + 1];
                key.Sorted = Token(tokens, SortedSyllables(span, sorted), intern, fullName: false, null);
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
        Dictionary<string, int> places, bool intern)
    {
        if (provinceCode is { } province)
        {
            key.Province = PlaceToken(places, 'p', province, intern);
        }

        if (communeCode is { } commune)
        {
            key.Commune = PlaceToken(places, 'c', commune, intern);
        }

        if (communeParts is { } parts)
        {
            key.CommuneParts = new int[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                key.CommuneParts[i] = PlaceToken(places, 'c', parts[i], intern);
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
    private static int PlaceToken(Dictionary<string, int> places, char prefix, string code, bool intern)
    {
        Span<char> buffer = code.Length < 64 ? stackalloc char[code.Length + 1] : new char[code.Length + 1];
        buffer[0] = prefix;
        code.CopyTo(buffer[1..]);
        return Token(places, buffer, intern, fullName: false, null);
    }

    // Interns a token. Full names have their own id space (their index in nameTexts, whose text the similarity test reads);
    // they are stored under a prefix so that a one-syllable name never collides with a syllable.
    private static int Token(Dictionary<string, int> tokens, ReadOnlySpan<char> text, bool intern, bool fullName, List<string>? nameTexts)
    {
        var lookup = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        if (fullName)
        {
            // Full names live in a separate id space: prefix them so a one-syllable name does not collide with a syllable.
            Span<char> buffer = text.Length < 256 ? stackalloc char[text.Length + 1] : new char[text.Length + 1];
            buffer[0] = '\u0001';
            text.CopyTo(buffer[1..]);
            if (lookup.TryGetValue(buffer, out var nameId))
            {
                return nameId;
            }

            if (!intern || nameTexts is null)
            {
                return IdentityKey.Unknown;
            }

            nameId = nameTexts.Count;
            nameTexts.Add(text.ToString());
            tokens.Add(new string(buffer), nameId);
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
