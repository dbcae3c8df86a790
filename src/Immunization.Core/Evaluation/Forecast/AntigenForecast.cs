using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>The forecast for one antigen from its best series.</summary>
/// <remarks>Immutable. Equality is by reference: compare the properties you care about.</remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class AntigenForecast
{
    /// <summary>Creates an antigen forecast (the engine creates them; public for tests and adapters).</summary>
    /// <param name="antigen">The antigen.</param>
    /// <param name="seriesName">The best series.</param>
    /// <param name="status">The series status.</param>
    /// <param name="forecastDoseNumber">The next target dose number, when a dose is due.</param>
    /// <param name="earliest">The earliest date.</param>
    /// <param name="recommended">The recommended date.</param>
    /// <param name="pastDue">The past-due date.</param>
    /// <param name="latest">The latest date.</param>
    /// <param name="recommendedCvx">CVX codes of the recommended vaccines; copied.</param>
    /// <exception cref="ArgumentNullException">A string or <paramref name="recommendedCvx"/> is <see langword="null"/>.</exception>
    public AntigenForecast(string antigen, string seriesName, SeriesStatus status, int? forecastDoseNumber, LocalDate? earliest, LocalDate? recommended, LocalDate? pastDue, LocalDate? latest, IEnumerable<string> recommendedCvx)
        : this(Guard.Against.Null(antigen), Guard.Against.Null(seriesName), status, forecastDoseNumber, earliest, recommended, pastDue, latest, ReadOnly.Copy(Guard.Against.Null(recommendedCvx)))
    {
    }

    private AntigenForecast(string antigen, string seriesName, SeriesStatus status, int? forecastDoseNumber, LocalDate? earliest, LocalDate? recommended, LocalDate? pastDue, LocalDate? latest, ReadOnlyCollection<string> recommendedCvx)
    {
        Antigen = antigen;
        SeriesName = seriesName;
        Status = status;
        ForecastDoseNumber = forecastDoseNumber;
        Earliest = earliest;
        Recommended = recommended;
        PastDue = pastDue;
        Latest = latest;
        RecommendedCvx = recommendedCvx;
    }

    // The engine passes a read-only list it has just built and never touches again: no second copy.
    internal static AntigenForecast FromEngine(string antigen, string seriesName, SeriesStatus status, int? forecastDoseNumber, LocalDate? earliest, LocalDate? recommended, LocalDate? pastDue, LocalDate? latest, ReadOnlyCollection<string> recommendedCvx) =>
        new(antigen, seriesName, status, forecastDoseNumber, earliest, recommended, pastDue, latest, recommendedCvx);

    /// <summary>The antigen, e.g. <c>Measles</c>.</summary>
    public string Antigen { get; }

    /// <summary>The name of the best series.</summary>
    public string SeriesName { get; }

    /// <summary>The series status.</summary>
    public SeriesStatus Status { get; }

    /// <summary>The next target dose number, when a dose is due.</summary>
    public int? ForecastDoseNumber { get; }

    /// <summary>The earliest date the next dose would be valid (without the grace period).</summary>
    public LocalDate? Earliest { get; }

    /// <summary>The recommended date.</summary>
    public LocalDate? Recommended { get; }

    /// <summary>The date from which the dose is overdue.</summary>
    public LocalDate? PastDue { get; }

    /// <summary>The last date the dose can be given.</summary>
    public LocalDate? Latest { get; }

    /// <summary>CVX codes of the vaccines the schedule recommends for the next dose (empty when it names none).</summary>
    public IReadOnlyList<string> RecommendedCvx { get; }
}
