using System.Runtime.CompilerServices;

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
    /// <remarks>
    /// Compiled optimized at its first call: a first report calls it for every register row and every record, and through
    /// the runtime's tiers (unoptimized code, call counting, instrumented code) its first calls took about 0.3 s of the
    /// person-id table's pass in a first report of 2 million people (benchmarks/README.md, ninth session).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        // The base-65 number in two halves (characters 0–4 and 5–9), whose multiplications do not wait for each other;
        // a character outside the alphabet reads 0 from the table, which no symbol is.
        ReadOnlySpan<byte> digits = SymbolDigits;
        int low = Math.Min(id.Length, 5);
        ulong lowHalf = 0, highHalf = 0;
        uint missing = 0;
        for (int k = id.Length - 1; k >= low; k--)
        {
            uint digit = id[k] < 128 ? digits[id[k]] : 0u;
            missing |= digit == 0 ? 1u : 0u;
            highHalf = (highHalf * 65) + digit;
        }

        for (int k = low - 1; k >= 0; k--)
        {
            uint digit = id[k] < 128 ? digits[id[k]] : 0u;
            missing |= digit == 0 ? 1u : 0u;
            lowHalf = (lowHalf * 65) + digit;
        }

        // 65^10 is below 2^61.
        return missing != 0 ? None : Symbols | ((highHalf * Power5) + lowHalf);
    }

    // 65^5: the weight of the sixth character.
    private const ulong Power5 = 65UL * 65 * 65 * 65 * 65;

    // Each ASCII character's digit in the base-65 number: its symbol plus one (0-9 A-Z a-z - _ are 1–64), 0 for any other.
    private static ReadOnlySpan<byte> SymbolDigits =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 63, 0, 0,
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0, 0, 0, 0, 0,
        0, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 0, 0, 0, 0, 64,
        0, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51,
        52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 0, 0, 0, 0, 0,
    ];
}
