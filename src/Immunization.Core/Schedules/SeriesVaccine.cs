using Ardalis.GuardClauses;
using Immunization.Core.Vaccines;

namespace Immunization.Core.Schedules;

/// <summary>A preferable or allowable vaccine of a target dose (CDSi "preferableVaccine" and "allowableVaccine").</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class SeriesVaccine
{
    /// <summary>Creates a series vaccine.</summary>
    /// <param name="vaccineType">The vaccine type, e.g. <c>MMR</c>.</param>
    /// <param name="cvx">The CVX (or local) code.</param>
    /// <param name="beginAge">The age from which the vaccine counts, or <see langword="null"/>.</param>
    /// <param name="endAge">The age from which it no longer counts, or <see langword="null"/>.</param>
    /// <param name="tradeName">The trade name, if the schedule names one.</param>
    /// <param name="mvx">The MVX code, if the schedule names one.</param>
    /// <param name="forecastVaccineType">Whether the schedule recommends this vaccine in forecasts.</param>
    /// <param name="period">When the vaccine counts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="vaccineType"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="cvx"/> is the empty code.</exception>
    public SeriesVaccine(string vaccineType, VaccineCode cvx, CdsiDuration? beginAge, CdsiDuration? endAge, string? tradeName, string? mvx, bool forecastVaccineType, EffectivePeriod period)
    {
        VaccineType = Guard.Against.Null(vaccineType);
        Cvx = VaccineCodeGuard.NotEmpty(cvx, nameof(cvx));
        BeginAge = beginAge;
        EndAge = endAge;
        TradeName = tradeName;
        Mvx = mvx;
        ForecastVaccineType = forecastVaccineType;
        Period = period;
    }

    /// <summary>The vaccine type, e.g. <c>MMR</c>.</summary>
    public string VaccineType { get; }

    /// <summary>The CVX (or local) code.</summary>
    public VaccineCode Cvx { get; }

    /// <summary>The age from which the vaccine counts, or <see langword="null"/>.</summary>
    public CdsiDuration? BeginAge { get; }

    /// <summary>The age from which it no longer counts, or <see langword="null"/>.</summary>
    public CdsiDuration? EndAge { get; }

    /// <summary>The trade name, if the schedule names one.</summary>
    public string? TradeName { get; }

    /// <summary>The MVX code, if the schedule names one.</summary>
    public string? Mvx { get; }

    /// <summary>Whether the schedule recommends this vaccine in forecasts.</summary>
    public bool ForecastVaccineType { get; }

    /// <summary>When the vaccine counts (effective and cessation dates).</summary>
    public EffectivePeriod Period { get; }
}
