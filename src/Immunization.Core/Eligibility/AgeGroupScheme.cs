using Ardalis.GuardClauses;
using NodaTime;

namespace Immunization.Core.Eligibility;

/// <summary>
/// Age groups that cover every age exactly once: each group starts where the one before ends, from 0 years, and the last
/// has no upper bound. "12 to under 18" is the age in whole years on the date asked about.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class AgeGroupScheme
{
    /// <summary>Creates a scheme from groups that follow each other without gap or overlap.</summary>
    /// <param name="groups">The groups, youngest first: the first starts at 0, each starts where the previous ends, the last has no end.</param>
    /// <exception cref="ArgumentException">The groups leave a gap, overlap, or do not start at 0 or end open.</exception>
    public AgeGroupScheme(IEnumerable<AgeGroup> groups)
    {
        Guard.Against.Null(groups);
        var list = groups.ToArray();
        if (list.Length == 0 || list[0].MinimumYears != 0 || list[^1].MaximumYears is not null)
        {
            throw new ArgumentException("Age groups must start at 0 years and the last must have no upper bound.", nameof(groups));
        }

        for (var i = 0; i < list.Length - 1; i++)
        {
            if (list[i].MaximumYears != list[i + 1].MinimumYears || list[i].MaximumYears <= list[i].MinimumYears)
            {
                throw new ArgumentException($"Age group '{list[i].Name}' must end where '{list[i + 1].Name}' starts, after it starts.", nameof(groups));
            }
        }

        Groups = Array.AsReadOnly(list);
    }

    /// <summary>
    /// The built-in scheme: 0-4, 5-11, 12-17, 18-49, 50-64, 65+ (the bands of Viet Nam's COVID-19 schedule: 5-11, 12-17 and
    /// 18+ by product, 50+ for the second booster, 65+ for priority group 7). "18+" and "50+" are unions of these bands
    /// (<see cref="IsAtLeast"/>), so each age is in exactly one group.
    /// </summary>
    public static AgeGroupScheme Default { get; } = new(
    [
        new("0-4", 0, 5), new("5-11", 5, 12), new("12-17", 12, 18), new("18-49", 18, 50), new("50-64", 50, 65), new("65+", 65, null),
    ]);

    /// <summary>The groups, youngest first.</summary>
    public IReadOnlyList<AgeGroup> Groups { get; }

    /// <summary>The age in whole years on a date (0 before the first birthday; a birthday on 29 February is 28 February in other years).</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="asOf">The date; not before <paramref name="dateOfBirth"/>.</param>
    /// <returns>The completed years.</returns>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is before <paramref name="dateOfBirth"/>.</exception>
    public static int AgeInYears(LocalDate dateOfBirth, LocalDate asOf)
    {
        if (asOf < dateOfBirth)
        {
            throw new ArgumentException("The date is before the date of birth.", nameof(asOf));
        }

        // The whole years from the birthday to the date, as Period.Between counts them, without its arithmetic (reports
        // classify millions of people); a 29 February birthday and other calendars take Period.Between itself.
        if ((dateOfBirth.Month != 2 || dateOfBirth.Day != 29) && dateOfBirth.Calendar == CalendarSystem.Iso && asOf.Calendar == CalendarSystem.Iso)
        {
            int years = asOf.Year - dateOfBirth.Year;
            return asOf.Month < dateOfBirth.Month || (asOf.Month == dateOfBirth.Month && asOf.Day < dateOfBirth.Day) ? years - 1 : years;
        }

        return Period.Between(dateOfBirth, asOf, PeriodUnits.Years).Years;
    }

    /// <summary>Whether a person is at least a given age on a date, e.g. 18 for "18+".</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="years">The age in whole years.</param>
    /// <returns><see langword="true"/> when the person has turned <paramref name="years"/> by <paramref name="asOf"/>.</returns>
    public static bool IsAtLeast(LocalDate dateOfBirth, LocalDate asOf, int years) => asOf >= dateOfBirth && AgeInYears(dateOfBirth, asOf) >= years;

    /// <summary>The one group a person belongs to on a date.</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="asOf">The date; not before <paramref name="dateOfBirth"/>.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is before <paramref name="dateOfBirth"/>.</exception>
    public AgeGroup Classify(LocalDate dateOfBirth, LocalDate asOf)
    {
        var years = AgeInYears(dateOfBirth, asOf);
        for (var i = 0; i < Groups.Count; i++)
        {
            if (Groups[i].Contains(years))
            {
                return Groups[i];
            }
        }

        throw new InvalidOperationException("The age groups do not cover every age."); // unreachable: checked by the constructor
    }
}
