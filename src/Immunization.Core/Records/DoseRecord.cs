using Ardalis.GuardClauses;
using NodaTime;

namespace Immunization.Core.Records;

/// <summary>
/// One dose as it was entered into the vaccination system: who it was given to (as written on the form), which vaccine,
/// when, which dose of the person's series, where, and the person's priority group.
/// </summary>
/// <remarks>
/// <para>
/// Each record stands alone: the same person's doses are separate records, possibly entered at different sites with
/// different details. Linking records to the register is the job of Immunization.Matching.
/// </para>
/// <para><see cref="ToString"/> shows the record id only (the details are personal data).</para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record DoseRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="recordId">The vaccination system's key for this record.</param>
    /// <param name="person">The person's details as entered with this dose.</param>
    /// <param name="vaccineCode">The vaccine: a CVX code or a documented local code, when one was entered.</param>
    /// <param name="doseDate">The date the dose was given, when entered.</param>
    /// <param name="doseNumber">The dose's rank in the person's history as entered (1 for the first dose), when entered.</param>
    /// <param name="siteId">The site that gave the dose and entered the record, when known.</param>
    /// <param name="priorityGroup">The priority group 1–11 of Decision 1210/QĐ-BYT, when one was recorded.</param>
    /// <exception cref="ArgumentNullException"><paramref name="recordId"/> or <paramref name="person"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="doseNumber"/> is less than 1, or <paramref name="priorityGroup"/> is outside 1–11.
    /// </exception>
    public DoseRecord(string recordId, PersonDetails person, string? vaccineCode = null, LocalDate? doseDate = null, int? doseNumber = null,
        string? siteId = null, int? priorityGroup = null)
    {
        RecordId = Guard.Against.Null(recordId);
        Person = Guard.Against.Null(person);
        if (doseNumber is { } number)
        {
            Guard.Against.NegativeOrZero(number, nameof(doseNumber));
        }

        if (priorityGroup is { } group)
        {
            Guard.Against.OutOfRange(group, nameof(priorityGroup), 1, 11);
        }

        VaccineCode = vaccineCode;
        DoseDate = doseDate;
        DoseNumber = doseNumber;
        SiteId = siteId;
        PriorityGroup = priorityGroup;
    }

    /// <summary>The vaccination system's key for this record.</summary>
    public string RecordId { get; }

    /// <summary>The person's details as entered with this dose.</summary>
    public PersonDetails Person { get; }

    /// <summary>The vaccine: a CVX code or a documented local code (see <see cref="Vaccines.VietnamCovidVaccines"/>).</summary>
    public string? VaccineCode { get; }

    /// <summary>The date the dose was given.</summary>
    public LocalDate? DoseDate { get; }

    /// <summary>The dose's rank in the person's history as entered (1 for the first dose).</summary>
    public int? DoseNumber { get; }

    /// <summary>The site that gave the dose and entered the record.</summary>
    public string? SiteId { get; }

    /// <summary>The priority group 1–11 of Decision 1210/QĐ-BYT (9 February 2021), when one was recorded.</summary>
    public int? PriorityGroup { get; }

    /// <summary>
    /// Returns the same dose with other person details, e.g. the details a commune's police corrected on a work list; the
    /// record id and the dose's own values are kept.
    /// </summary>
    /// <param name="person">The person's details.</param>
    /// <returns>A new record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="person"/> is <see langword="null"/>.</exception>
    public DoseRecord WithPerson(PersonDetails person) =>
        new(RecordId, person, VaccineCode, DoseDate, DoseNumber, SiteId, PriorityGroup);

    /// <summary>The record id only; the details are personal data.</summary>
    public override string ToString() => nameof(DoseRecord) + " " + RecordId;
}
