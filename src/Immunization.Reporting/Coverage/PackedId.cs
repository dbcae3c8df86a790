namespace Immunization.Reporting.Coverage;

/// <summary>
/// A person id packed into one number when it is short enough to be packed exactly, so that a register row handed over
/// by a linker is checked with one read of a flat array instead of three scattered ones (the row's person, its id, the
/// id's characters). Two ids that pack to the same number other than <see cref="None"/> are the same id: the packing is
/// one-to-one on the ids it packs, and any other id packs to <see cref="None"/> (compared as a string instead).
/// </summary>
/// <remarks>
/// Two forms, told apart by the top two bits: up to 17 decimal digits (the length and the number, so leading zeros
/// count), as identity numbers are; or up to 10 characters of <c>0-9 A-Z a-z - _</c>, each a digit 1–64 of a base-65
/// number (no digit is 0, so the length is implied).
/// </remarks>
internal static class PackedId
{
    /// <summary>The number of an id that is not packed.</summary>
    internal const ulong None = 0;

    private const ulong Digits = 1UL << 62;
    private const ulong Symbols = 2UL << 62;
    private const int MaxDigits = 17;
    private const int MaxSymbols = 10;

    /// <summary>The id's number, or <see cref="None"/>.</summary>
    internal static ulong Pack(ReadOnlySpan<char> id)
    {
        if (id.Length == 0)
        {
            return None;
        }

        if (id.Length <= MaxDigits)
        {
            ulong number = 0;
            int k = 0;
            for (; k < id.Length; k++)
            {
                uint digit = (uint)(id[k] - '0');
                if (digit > 9)
                {
                    break;
                }

                number = (number * 10) + digit;
            }

            if (k == id.Length)
            {
                // 17 digits are below 2^57; the length takes the next 5 bits.
                return Digits | ((ulong)id.Length << 57) | number;
            }
        }

        if (id.Length > MaxSymbols)
        {
            return None;
        }

        ulong packed = 0;
        for (int k = id.Length - 1; k >= 0; k--)
        {
            int symbol = Symbol(id[k]);
            if (symbol < 0)
            {
                return None;
            }

            // 65^10 is below 2^61.
            packed = (packed * 65) + (ulong)(symbol + 1);
        }

        return Symbols | packed;
    }

    private static int Symbol(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        >= 'a' and <= 'z' => c - 'a' + 36,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };
}
