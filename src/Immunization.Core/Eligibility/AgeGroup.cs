namespace Immunization.Core.Eligibility;

/// <summary>An age band in whole years: from <see cref="MinimumYears"/> up to, not including, <see cref="MaximumYears"/>.</summary>
/// <param name="Name">The band's name, e.g. <c>"12-17"</c>.</param>
/// <param name="MinimumYears">The youngest age in the band, in whole years.</param>
/// <param name="MaximumYears">The first age no longer in the band; <see langword="null"/> for no upper bound.</param>
public sealed record AgeGroup(string Name, int MinimumYears, int? MaximumYears)
{
    /// <summary>Whether an age in whole years is in the band.</summary>
    /// <param name="years">The age in whole years.</param>
    /// <returns><see langword="true"/> when <paramref name="years"/> is in the band.</returns>
    public bool Contains(int years) => years >= MinimumYears && (MaximumYears is not { } max || years < max);
}
