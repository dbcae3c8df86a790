using System.Numerics;
using System.Runtime.CompilerServices;

namespace Immunization.Testing.Synthetic;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna, 2018; public-domain reference code at prng.di.unimi.it), implemented
/// here so that the same seed gives the same numbers on every machine and every .NET version (System.Random's algorithm
/// is not specified and has changed between versions).
/// </summary>
/// <remarks>
/// All derived draws use integer arithmetic or exactly rounded IEEE operations only (no Math.Log, Math.Exp), so the
/// output is bit-for-bit reproducible.
/// </remarks>
internal struct Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double p) => p > 0 && NextDouble() < p;

    /// <summary>An integer in [0, <paramref name="bound"/>), unbiased (Lemire's multiply-and-reject method).</summary>
    public int Next(int bound)
    {
        if (bound <= 1)
        {
            return 0;
        }

        var b = (ulong)bound;
        var m = Math.BigMul(NextUInt64(), b, out var low);
        if (low < b)
        {
            var threshold = (0 - b) % b;
            while (low < threshold)
            {
                m = Math.BigMul(NextUInt64(), b, out low);
            }
        }

        return (int)m;
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>] (both inclusive).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Between(int min, int max) => min + Next(max - min + 1);
}
