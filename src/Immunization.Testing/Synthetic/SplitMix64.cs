using System.Runtime.CompilerServices;

namespace Immunization.Testing.Synthetic;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014; the public-domain reference by Sebastiano Vigna): the standard way to expand
/// one 64-bit seed into well-mixed seeds for <see cref="Xoshiro256StarStar"/>.
/// </summary>
internal static class SplitMix64
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Mixes two values into one seed (for per-person streams: the run's seed and the person's index).</summary>
    public static ulong Mix(ulong seed, ulong stream)
    {
        var state = seed ^ (stream * 0xD1B54A32D192ED03UL);
        _ = Next(ref state);
        return Next(ref state);
    }
}
