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
                s_numbers[code] = number;
            }

            return number;
        }
    }

    /// <summary>The code's number, or -1 when no antigen acts on it.</summary>
    /// <param name="code">A patient's observation code.</param>
    /// <returns>The number, or -1.</returns>
    public static int Find(string code) => s_numbers.TryGetValue(code, out var number) ? number : -1;
}
