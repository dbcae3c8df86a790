using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>The forecast for a vaccine group (e.g. <c>MMR</c>), merged from its antigens' best series.</summary>
/// <remarks>Immutable. Equality is by reference: compare the properties you care about.</remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class VaccineGroupForecast
{
    /// <summary>Creates a vaccine group forecast (the engine creates them; public for tests and adapters).</summary>
    /// <param name="vaccineGroup">The vaccine group name as in the supporting data.</param>
    /// <param name="status">The vaccine group status.</param>
    /// <param name="forecastDoseNumber">The next dose number, when a dose is due.</param>
    /// <param name="earliest">The earliest date.</param>
    /// <param name="recommended">The recommended date.</param>
    /// <param name="pastDue">The past-due date.</param>
    /// <param name="latest">The latest date.</param>
    /// <param name="antigens">The antigen forecasts merged into this one; copied.</param>
    /// <param name="recommendedCvx">CVX codes of the recommended vaccines; copied.</param>
    /// <exception cref="ArgumentNullException">An argument of reference type is <see langword="null"/>.</exception>
    public VaccineGroupForecast(string vaccineGroup, SeriesStatus status, int? forecastDoseNumber, LocalDate? earliest, LocalDate? recommended, LocalDate? pastDue, LocalDate? latest, IEnumerable<AntigenForecast> antigens, IEnumerable<string> recommendedCvx)
        : this(Guard.Against.Null(vaccineGroup), status, forecastDoseNumber, earliest, recommended, pastDue, latest, ReadOnly.Copy(Guard.Against.Null(antigens)), ReadOnly.Copy(Guard.Against.Null(recommendedCvx)))
    {
    }

    private VaccineGroupForecast(string vaccineGroup, SeriesStatus status, int? forecastDoseNumber, LocalDate? earliest, LocalDate? recommended, LocalDate? pastDue, LocalDate? latest, ReadOnlyCollection<AntigenForecast> antigens, IReadOnlyList<string> recommendedCvx)
    {
        VaccineGroup = vaccineGroup;
        Status = status;
        ForecastDoseNumber = forecastDoseNumber;
        Earliest = earliest;
        Recommended = recommended;
        PastDue = pastDue;
        Latest = latest;
        Antigens = antigens;
        RecommendedCvx = recommendedCvx;
    }

    // The engine passes read-only lists it has just built (or an antigen forecast's own read-only list) and never
    // touches them again: no second copy.
    internal static VaccineGroupForecast FromEngine(string vaccineGroup, SeriesStatus status, int? forecastDoseNumber, LocalDate? earliest, LocalDate? recommended, LocalDate? pastDue, LocalDate? latest, AntigenForecast[] antigens, IReadOnlyList<string> recommendedCvx) =>
        new(vaccineGroup, status, forecastDoseNumber, earliest, recommended, pastDue, latest, Array.AsReadOnly(antigens), recommendedCvx);

    /// <summary>The vaccine group name as in the supporting data, e.g. <c>MMR</c>.</summary>
    public string VaccineGroup { get; }

    /// <summary>The vaccine group status.</summary>
    public SeriesStatus Status { get; }

    /// <summary>The next dose number, when a dose is due.</summary>
    public int? ForecastDoseNumber { get; }

    /// <summary>The earliest date (without the 4-day grace period).</summary>
    public LocalDate? Earliest { get; }

    /// <summary>The recommended date.</summary>
    public LocalDate? Recommended { get; }

    /// <summary>The past-due date.</summary>
    public LocalDate? PastDue { get; }

    /// <summary>The latest date.</summary>
    public LocalDate? Latest { get; }

    /// <summary>The antigen forecasts merged into this one.</summary>
    public IReadOnlyList<AntigenForecast> Antigens { get; }

    /// <summary>CVX codes of the recommended vaccines, from every antigen still needing a dose.</summary>
    public IReadOnlyList<string> RecommendedCvx { get; }
}
