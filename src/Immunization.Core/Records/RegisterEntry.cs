using Ardalis.GuardClauses;

namespace Immunization.Core.Records;

/// <summary>One person of the population register: the register's own key and the person's details.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record RegisterEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="personId">The register's key for the person (not the citizen id, which may be missing or shared).</param>
    /// <param name="person">The person's details as the register holds them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="personId"/> or <paramref name="person"/> is <see langword="null"/>.</exception>
    public RegisterEntry(string personId, PersonDetails person)
    {
        PersonId = Guard.Against.Null(personId);
        Person = Guard.Against.Null(person);
    }

    /// <summary>The register's key for the person.</summary>
    public string PersonId { get; }

    /// <summary>The person's details as the register holds them.</summary>
    public PersonDetails Person { get; }

    /// <summary>The person id only; the details are personal data.</summary>
    public override string ToString() => nameof(RegisterEntry) + " " + PersonId;
}
