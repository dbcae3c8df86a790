using Immunization.Core.Records;

namespace Immunization.Testing.Synthetic;

/// <summary>A generated vaccination record with its ground truth: whose dose it is, and which errors were put into it.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record SyntheticRecord
{
    /// <summary>Creates a record with its truth.</summary>
    /// <param name="record">The record as entered.</param>
    /// <param name="personId">The register's id of the person the dose was given to, or <see langword="null"/> when that person is not in the register.</param>
    /// <param name="errors">The errors the record carries.</param>
    public SyntheticRecord(DoseRecord record, string? personId, ErrorSet errors)
    {
        Record = record;
        PersonId = personId;
        Errors = errors;
    }

    /// <summary>The record as entered.</summary>
    public DoseRecord Record { get; init; }

    /// <summary>The register's id of the person, or <see langword="null"/> when the person is not in the register.</summary>
    public string? PersonId { get; init; }

    /// <summary>The errors the record carries (empty for a clean record).</summary>
    public ErrorSet Errors { get; init; }

    /// <summary>The record id and the truth; no personal data.</summary>
    public override string ToString() => $"{Record.RecordId} → {PersonId ?? "(not in register)"} [{Errors}]";
}

/// <summary>Receives what the generator makes, as it makes it (so that millions of records never sit in memory).</summary>
/// <remarks>
/// Register entries arrive in person order. Records arrive shuffled within a window of 65,536 (so the order of the file
/// does not give away which records belong together) with increasing record ids. Calls come from the generating
/// thread, one at a time.
/// </remarks>
public interface ISyntheticDataSink
{
    /// <summary>Receives one person of the register.</summary>
    void AddRegisterEntry(RegisterEntry entry);

    /// <summary>Receives one vaccination record with its truth.</summary>
    void AddRecord(SyntheticRecord record);
}
