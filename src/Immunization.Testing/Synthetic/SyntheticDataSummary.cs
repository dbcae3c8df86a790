namespace Immunization.Testing.Synthetic;

/// <summary>What a generator run made: people, register entries, records, and each error kind's count and opportunities.</summary>
/// <remarks><threadsafety>Immutable once returned; safe to share between threads.</threadsafety></remarks>
public sealed class SyntheticDataSummary
{
    private readonly long[] _counts;
    private readonly long[] _opportunities;

    internal SyntheticDataSummary(int people, int registerEntries, int vaccinatedPeople, long records, long[] counts, long[] opportunities)
    {
        People = people;
        RegisterEntries = registerEntries;
        VaccinatedPeople = vaccinatedPeople;
        Records = records;
        _counts = counts;
        _opportunities = opportunities;
    }

    /// <summary>The people generated.</summary>
    public int People { get; }

    /// <summary>The people written to the register (all but the absent ones).</summary>
    public int RegisterEntries { get; }

    /// <summary>The people with at least one dose.</summary>
    public int VaccinatedPeople { get; }

    /// <summary>The records written, second entries of duplicated doses included.</summary>
    public long Records { get; }

    /// <summary>
    /// How many times the kind was applied: records carrying it for record-level kinds, second entries for
    /// <see cref="ErrorKind.DuplicateAtSecondSite"/>, people for the <c>Absent…</c> kinds.
    /// </summary>
    public long Count(ErrorKind kind) => _counts[(int)kind];

    /// <summary>
    /// How many times the kind could have been applied (records whose data allow it; doses for duplicates; vaccinated
    /// people for absences). <c>Count / Opportunities</c> estimates the kind's rate.
    /// </summary>
    public long Opportunities(ErrorKind kind) => _opportunities[(int)kind];
}
