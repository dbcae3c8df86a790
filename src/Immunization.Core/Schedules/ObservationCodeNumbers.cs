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
