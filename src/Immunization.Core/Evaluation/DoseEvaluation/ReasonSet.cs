using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>A small set of reasons (a bit per <see cref="DoseStatusReason"/>), in the enum's order.</summary>
internal readonly record struct ReasonSet(uint Bits)
{
    private static readonly System.Collections.ObjectModel.ReadOnlyCollection<DoseStatusReason>?[] s_lists = new System.Collections.ObjectModel.ReadOnlyCollection<DoseStatusReason>?[1 << 10];

    public bool IsEmpty => Bits == 0;

    public DoseStatusReason First => (DoseStatusReason)System.Numerics.BitOperations.TrailingZeroCount(Bits);

    public static ReasonSet Of(DoseStatusReason reason) => reason == DoseStatusReason.None ? default : new(1u << (int)reason);

    public ReasonSet With(DoseStatusReason reason) => new(Bits | (1u << (int)reason));

    /// <summary>The reasons as a shared read-only list (one per set of reasons, built on first use: no allocation per dose).</summary>
    public System.Collections.ObjectModel.ReadOnlyCollection<DoseStatusReason> ToReadOnly()
    {
        if (Bits >= (uint)s_lists.Length)
        {
            return Array.AsReadOnly(ToArray());
        }

        // A benign race: two threads may build the same list; either is kept, both are equal and immutable.
        return s_lists[Bits] ??= IsEmpty ? System.Collections.ObjectModel.ReadOnlyCollection<DoseStatusReason>.Empty : Array.AsReadOnly(ToArray());
    }

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
