namespace Immunization.Testing.Synthetic;

/// <summary>What to generate: how many people, from which seed, with which error rates.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record SyntheticDataOptions
{
    /// <summary>The number of people to generate (default 1,000). Everyone is in the register except those absent by
    /// one of the <c>Absent…</c> error kinds; the vaccinated among them have records.</summary>
    public int People { get; init; } = 1000;

    /// <summary>The seed (default 1). The same seed and options give the same output, byte for byte, on any machine.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Whether people live in households (default <see langword="true"/>): consecutive people share a commune, a house
    /// address, mostly the family name, and often one phone, and household members absent from the register live with
    /// registered ones. <see langword="false"/> draws every person's residence, family name and phone on their own.
    /// </summary>
    public bool Households { get; init; } = true;

    /// <summary>The error rates (default <see cref="ErrorRates.Default"/>).</summary>
    public ErrorRates Errors { get; init; } = ErrorRates.Default;
}
