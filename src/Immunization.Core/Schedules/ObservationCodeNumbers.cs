using System.Collections.Concurrent;

namespace Immunization.Core.Schedules;

/// <summary>
/// A process-wide number for every observation code some antigen acts on, given when the antigen is built (append-only):
/// the engine looks a patient's observation up here once per assessment, and each antigen turns that number into its
/// own id with one array read (<see cref="AntigenObservations.LocalId"/>), with no hashing or string comparison per antigen.
/// </summary>
/// <threadsafety>Safe to use from many threads: lookups take no lock; numbering takes one.</threadsafety>
internal static class ObservationCodeNumbers
{
    private static readonly ConcurrentDictionary<string, int> s_numbers = new(StringComparer.Ordinal);
    private static readonly Lock s_numbering = new();

    // The numbers of the three-digit codes (every code of CDC's supporting data, "001" to "999") by their value, -1 for
    // none: a patient's code is found with three character tests and one array read, no hashing. Written under the lock
    // before the dictionary, read without it (an int is written whole).
    private static readonly int[] s_threeDigits = NewThreeDigits();

    // By number: the bits (AntigenObservations.AntigenBit, an antigen's serial modulo 64) of every antigen built so far
    // that acts on the code. A clear bit means that no antigen with that bit acts on it; a set bit may be another
    // antigen's (two antigens share a bit when their serials are 64 apart). Replaced, never resized in place, under the lock.
    private static ulong[] s_antigenBits = new ulong[256];

    /// <summary>The code's number, given now if it has none.</summary>
    /// <param name="code">An observation code an antigen acts on.</param>
    /// <returns>The number, 0 or more.</returns>
    public static int Number(string code)
    {
        if (s_numbers.TryGetValue(code, out var number))
        {
            return number;
        }

        lock (s_numbering)
        {
            if (!s_numbers.TryGetValue(code, out number))
            {
                number = s_numbers.Count;
                if (ThreeDigits(code) is var value and >= 0)
                {
                    s_threeDigits[value] = number;
                }

                s_numbers[code] = number;
            }

            return number;
        }
    }

    /// <summary>The code's number, given now if it has none, recording that the antigen of <paramref name="antigenBit"/> acts on it.</summary>
    /// <param name="code">An observation code the antigen acts on.</param>
    /// <param name="antigenBit">The antigen's <see cref="AntigenObservations.AntigenBit"/>.</param>
    /// <returns>The number, 0 or more.</returns>
    public static int Number(string code, ulong antigenBit)
    {
        lock (s_numbering)
        {
            var number = Number(code);
            var bits = s_antigenBits;
            if (number >= bits.Length)
            {
                var grown = new ulong[Math.Max(bits.Length * 2, number + 1)];
                bits.CopyTo(grown, 0);
                grown[number] = antigenBit;
                Volatile.Write(ref s_antigenBits, grown);
            }
            else
            {
                bits[number] |= antigenBit;
            }

            return number;
        }
    }

    /// <summary>
    /// The <see cref="AntigenObservations.AntigenBit"/> of every antigen that acts on the code of <paramref name="number"/>
    /// (0 for -1): an antigen whose bit is clear in it does not act on the code.
    /// </summary>
    /// <param name="number">A number <see cref="Find"/> gave, or -1.</param>
    /// <returns>The bits.</returns>
    public static ulong AntigenBits(int number)
    {
        var bits = Volatile.Read(ref s_antigenBits);
        return (uint)number < (uint)bits.Length ? bits[number] : 0;
    }

    /// <summary>The code's number, or -1 when no antigen acts on it.</summary>
    /// <param name="code">A patient's observation code.</param>
    /// <returns>The number, or -1.</returns>
    public static int Find(string code)
    {
        if (ThreeDigits(code) is var value and >= 0)
        {
            return s_threeDigits[value];
        }

        return s_numbers.TryGetValue(code, out var number) ? number : -1;
    }

    // The value of a code of exactly three ASCII digits, or -1.
    private static int ThreeDigits(string code)
    {
        if (code.Length != 3)
        {
            return -1;
        }

        var a = (uint)(code[0] - '0');
        var b = (uint)(code[1] - '0');
        var c = (uint)(code[2] - '0');
        return a <= 9 && b <= 9 && c <= 9 ? (int)((a * 100) + (b * 10) + c) : -1;
    }

    private static int[] NewThreeDigits()
    {
        var numbers = new int[1000];
        Array.Fill(numbers, -1);
        return numbers;
    }
}
