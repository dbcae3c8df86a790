namespace Immunization.Core.Records;

/// <summary>One person of the population register: the register's own key and the person's details.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record RegisterEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="personId">The register's key for the person (not the citizen id, which may be missing or shared).</param>
    /// <param name="person">The person's details as the register holds them.</param>
    public RegisterEntry(string personId, PersonDetails person)
    {
        PersonId = personId;
        Person = person;
    }

    /// <summary>The register's key for the person.</summary>
    public string PersonId { get; init; }

    /// <summary>The person's details as the register holds them.</summary>
    public PersonDetails Person { get; init; }

    /// <summary>The person id only; the details are personal data.</summary>
    public override string ToString() => nameof(RegisterEntry) + " " + PersonId;
}
