using NodaTime;

namespace Immunization.Reporting.Coverage;

/// <summary>Doses actually given at a site on a day (tally sheets), to compare with doses entered.</summary>
/// <param name="SiteCode">The site's code, as on the dose records.</param>
/// <param name="Day">The day.</param>
/// <param name="DosesGiven">The number of doses given.</param>
public sealed record DoseTally(string SiteCode, LocalDate Day, long DosesGiven);
