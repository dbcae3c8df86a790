using Ardalis.GuardClauses;
using Immunization.Core.Vaccines;

namespace Immunization.Core.Schedules;

/// <summary>A live-virus conflict: a dose of <see cref="CurrentCvx"/> given too soon after one of <see cref="PreviousCvx"/> is not valid.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class LiveVirusConflict
{
    /// <summary>Creates a conflict rule.</summary>
    /// <param name="previousCvx">The CVX code of the earlier live vaccine.</param>
    /// <param name="currentCvx">The CVX code of the later live vaccine.</param>
    /// <param name="begin">When the conflict begins, after the earlier dose.</param>
    /// <param name="minimumEnd">The end of the conflict within the 4-day grace period.</param>
    /// <param name="end">The end of the conflict.</param>
    /// <exception cref="ArgumentException">A code is the empty code.</exception>
    public LiveVirusConflict(VaccineCode previousCvx, VaccineCode currentCvx, CdsiDuration begin, CdsiDuration minimumEnd, CdsiDuration end)
    {
        PreviousCvx = VaccineCodeGuard.NotEmpty(previousCvx, nameof(previousCvx));
        CurrentCvx = VaccineCodeGuard.NotEmpty(currentCvx, nameof(currentCvx));
        Begin = begin;
        MinimumEnd = minimumEnd;
        End = end;
    }

    /// <summary>The CVX code of the earlier live vaccine.</summary>
    public VaccineCode PreviousCvx { get; }

    /// <summary>The CVX code of the later live vaccine.</summary>
    public VaccineCode CurrentCvx { get; }

    /// <summary>When the conflict begins, after the earlier dose.</summary>
    public CdsiDuration Begin { get; }

    /// <summary>The end of the conflict within the 4-day grace period (used when the earlier dose was valid).</summary>
    public CdsiDuration MinimumEnd { get; }

    /// <summary>The end of the conflict.</summary>
    public CdsiDuration End { get; }
}
