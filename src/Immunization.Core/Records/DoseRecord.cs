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
    public DoseRecord(string recordId, PersonDetails person)
    {
        RecordId = recordId;
        Person = person;
    }

    /// <summary>The vaccination system's key for this record.</summary>
    public string RecordId { get; init; }

    /// <summary>The person's details as entered with this dose.</summary>
    public PersonDetails Person { get; init; }

    /// <summary>The vaccine: a CVX code or a documented local code (see <see cref="Vaccines.VietnamCovidVaccines"/>).</summary>
    public string? VaccineCode { get; init; }

    /// <summary>The date the dose was given.</summary>
    public LocalDate? DoseDate { get; init; }

    /// <summary>The dose's rank in the person's history as entered (1 for the first dose).</summary>
    public int? DoseNumber { get; init; }

    /// <summary>The site that gave the dose and entered the record.</summary>
    public string? SiteId { get; init; }

    /// <summary>The priority group 1–11 of Decision 1210/QĐ-BYT (9 February 2021), when one was recorded.</summary>
    public int? PriorityGroup { get; init; }

    /// <summary>The record id only; the details are personal data.</summary>
    public override string ToString() => nameof(DoseRecord) + " " + RecordId;
}
