using Immunization.Core.Evaluation;

namespace Immunization.Core.Schedules;

/// <summary>
/// Viet Nam's COVID-19 vaccination schedule (Ministry of Health, 2021–2022) as CDSi supporting data: one antigen file
/// (<c>COVID-19</c>, one product-path series per product and age band, boosters, the immunocompromised additional dose)
/// and one schedule file (the <c>COVID-19</c> vaccine group, the CVX and local codes of <c>VietnamCovidVaccines</c>, and
/// the observations for priority groups and risk conditions), embedded in this assembly and read by the same loader as
/// CDC's data (<see cref="CdsiSupportingData.Load(ValueTuple{string, Stream}, IEnumerable{ValueTuple{string, Stream}})"/>).
/// </summary>
/// <remarks>
/// Each rule in the XML names its source and the date it took effect. The format's one extension is
/// <see cref="AntigenSeries.PrimaryDoses"/> (<c>selectSeries/primaryDoses</c>).
/// </remarks>
/// <threadsafety>Immutable once loaded; safe to share between threads.</threadsafety>
public static class VietnamCovidSchedule
{
    /// <summary>The vaccine group (and antigen) name of the schedule: <c>COVID-19</c>.</summary>
    public const string VaccineGroup = "COVID-19";

    private const string ResourcePrefix = "Immunization.Core.Schedules.Vietnam.";
    private static readonly Lazy<CdsiSupportingData> s_data = new(Load);

    /// <summary>The schedule, loaded once from this assembly's embedded resources.</summary>
    /// <exception cref="FormatException">The embedded data is damaged (it is checked by the test suite).</exception>
    public static CdsiSupportingData SupportingData => s_data.Value;

    private static CdsiSupportingData Load()
    {
        var assembly = typeof(VietnamCovidSchedule).Assembly;
        const string antigen = ResourcePrefix + "AntigenSupportingData-VN-COVID-19.xml";
        const string schedule = ResourcePrefix + "ScheduleSupportingData.xml";
        using var antigenStream = assembly.GetManifestResourceStream(antigen)
            ?? throw new FormatException("The embedded Viet Nam COVID-19 antigen data is missing.");
        using var scheduleStream = assembly.GetManifestResourceStream(schedule)
            ?? throw new FormatException("The embedded Viet Nam COVID-19 schedule data is missing.");
        return CdsiSupportingData.Load((schedule, scheduleStream), [(antigen, antigenStream)]);
    }
}
