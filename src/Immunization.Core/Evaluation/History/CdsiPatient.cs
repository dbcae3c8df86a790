using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>The facts about a patient that CDSi uses: date of birth, sex and observations.</summary>
/// <remarks>
/// Immutable: the observations are copied when the patient is created. Equality is by reference (a patient is not a
/// value: two patients born the same day are not the same patient).
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiPatient
{
    /// <summary>Creates a patient.</summary>
    /// <param name="dateOfBirth">The date of birth; <c>default(LocalDate)</c> (0001-01-01, an unset date) is refused.</param>
    /// <param name="sex">The sex; <see cref="Sex.Unknown"/> matches only series without a required gender.</param>
    /// <param name="observations">Coded observations (indications and contraindications); empty for a healthy patient. Copied.</param>
    /// <exception cref="ArgumentException"><paramref name="dateOfBirth"/> is <c>default(LocalDate)</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> is <see langword="null"/>.</exception>
    public CdsiPatient(LocalDate dateOfBirth, Sex sex, IEnumerable<PatientObservation> observations)
    {
        Guard.Against.Null(observations);
        if (dateOfBirth == default)
        {
            throw new ArgumentException("The date of birth is not set (default(LocalDate), 0001-01-01).", nameof(dateOfBirth));
        }

        DateOfBirth = dateOfBirth;
        Sex = sex;
        ObservationArray = ReadOnly.ToArray(observations);
        Observations = ReadOnly.Wrap(ObservationArray);
    }

    /// <summary>A patient without observations.</summary>
    /// <param name="dateOfBirth">The date of birth; <c>default(LocalDate)</c> is refused.</param>
    /// <param name="sex">The sex.</param>
    /// <exception cref="ArgumentException"><paramref name="dateOfBirth"/> is <c>default(LocalDate)</c>.</exception>
    public CdsiPatient(LocalDate dateOfBirth, Sex sex)
        : this(dateOfBirth, sex, [])
    {
    }

    /// <summary>The date of birth.</summary>
    public LocalDate DateOfBirth { get; }

    /// <summary>The sex; <see cref="Sex.Unknown"/> matches only series without a required gender.</summary>
    public Sex Sex { get; }

    /// <summary>The coded observations, a read-only copy of those given.</summary>
    public IReadOnlyList<PatientObservation> Observations { get; }

    /// <summary>The same observations as <see cref="Observations"/>, as the array the engine indexes directly.</summary>
    internal PatientObservation[] ObservationArray { get; }
}
