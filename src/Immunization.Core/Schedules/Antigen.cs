using System.Collections.ObjectModel;
using Ardalis.GuardClauses;

namespace Immunization.Core.Schedules;

/// <summary>An antigen (target disease) of a schedule (CDSi "antigenSupportingData"): its series, immunity and contraindications.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Antigen
{
    /// <summary>Creates an antigen.</summary>
    /// <param name="name">The antigen's name, e.g. <c>Measles</c>.</param>
    /// <param name="immunity">Evidence of immunity.</param>
    /// <param name="groupContraindications">Contraindications of the whole vaccine group.</param>
    /// <param name="vaccineContraindications">Contraindications of some vaccines.</param>
    /// <param name="series">The series (standard, risk and evaluation-only).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public Antigen(string name, Immunity immunity, IEnumerable<Contraindication> groupContraindications, IEnumerable<Contraindication> vaccineContraindications, IEnumerable<AntigenSeries> series)
    {
        Name = Guard.Against.Null(name);
        Immunity = Guard.Against.Null(immunity);
        Guard.Against.Null(groupContraindications);
        Guard.Against.Null(vaccineContraindications);
        Guard.Against.Null(series);
        GroupContraindications = ReadOnly.Copy(groupContraindications);
        VaccineContraindications = ReadOnly.Copy(vaccineContraindications);
        SeriesArray = ReadOnly.ToArray(series);
        Series = ReadOnly.Wrap(SeriesArray);
        Observations = new AntigenObservations(Immunity, GroupContraindications, VaccineContraindications, Series);
    }

    /// <summary>The observation codes this antigen acts on and the rules that read them, compiled for the engine.</summary>
    internal AntigenObservations Observations { get; }

    /// <summary>The antigen's name, e.g. <c>Measles</c>.</summary>
    public string Name { get; }

    /// <summary>Evidence of immunity (clinical history, birth before a date).</summary>
    public Immunity Immunity { get; }

    /// <summary>Contraindications of the whole vaccine group.</summary>
    public ReadOnlyCollection<Contraindication> GroupContraindications { get; }

    /// <summary>Contraindications of some vaccines.</summary>
    public ReadOnlyCollection<Contraindication> VaccineContraindications { get; }

    /// <summary>The antigen's series (standard, risk and evaluation-only), in the file's order.</summary>
    public ReadOnlyCollection<AntigenSeries> Series { get; }

    /// <summary>The same items as <see cref="Series"/>, as the array the engine indexes directly (no interface call per item).</summary>
    internal AntigenSeries[] SeriesArray { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
