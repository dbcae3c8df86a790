namespace Immunization.Matching.Verification;

/// <summary>Thresholds of the Vietnamese record-to-register matcher, on the match weight (a sum of log2(m/u) over fields).</summary>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly record struct RegisterMatchOptions
{
    /// <summary>Initializes the options with their defaults.</summary>
    public RegisterMatchOptions()
    {
    }

    /// <summary>Gets the weight at or above which the best candidate is the record's person (default 22).</summary>
    public double MatchWeight { get; init; } = 22;

    /// <summary>Gets the weight at or above which a best candidate below <see cref="MatchWeight"/> is sent to review (default 12).</summary>
    public double ReviewWeight { get; init; } = 12;

    /// <summary>
    /// Gets the least lead of the best candidate over the runner-up for a match (default 6, a likelihood ratio of 64);
    /// closer candidates make the record ambiguous.
    /// </summary>
    public double AmbiguityMargin { get; init; } = 6;

    /// <summary>Gets the number of random register pairs that estimate the u probabilities (default 100,000).</summary>
    public int RandomPairs { get; init; } = 100_000;

    /// <summary>
    /// Gets the expected number of people outside the register per person in it who could carry a record: moved in, born
    /// abroad, never registered (default 0.05). It sets the prior against linking on lookalike evidence: a record whose best
    /// candidate shares its folded full name, birth year and sex is linked only when the record's other evidence (day and
    /// month of birth, identity number, phone, residence) outweighs, by <see cref="AmbiguityMargin"/>, the runner-up together
    /// with this share times the register's people holding that name, year and sex; otherwise the record is ambiguous with
    /// the reason <c>lookalikes</c>. Zero turns the prior off.
    /// </summary>
    public double UnregisteredShare { get; init; } = 0.05;

    /// <summary>Gets the largest block a blocking key may have and still produce candidates (default 2,000).</summary>
    public int MaxBlockSize { get; init; } = 2_000;
}
