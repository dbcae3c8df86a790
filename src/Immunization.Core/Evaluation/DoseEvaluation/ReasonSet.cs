using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>A small set of reasons (a bit per <see cref="DoseStatusReason"/>), in the enum's order.</summary>
internal readonly record struct ReasonSet(uint Bits)
{
    public bool IsEmpty => Bits == 0;

    public DoseStatusReason First => (DoseStatusReason)System.Numerics.BitOperations.TrailingZeroCount(Bits);

    public static ReasonSet Of(DoseStatusReason reason) => reason == DoseStatusReason.None ? default : new(1u << (int)reason);

    public ReasonSet With(DoseStatusReason reason) => new(Bits | (1u << (int)reason));

    public DoseStatusReason[] ToArray()
    {
        var result = new DoseStatusReason[System.Numerics.BitOperations.PopCount(Bits)];
        var i = 0;
        for (var bits = Bits; bits != 0; bits &= bits - 1)
        {
            result[i++] = (DoseStatusReason)System.Numerics.BitOperations.TrailingZeroCount(bits);
        }

        return result;
    }
}
