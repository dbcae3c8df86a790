namespace Immunization.Reporting.Coverage;

/// <summary>The coverage figures of a report, in deterministic order.</summary>
public sealed class CoverageReport
{
    internal CoverageReport(IReadOnlyList<IndicatorRow> rows, bool statusKnown, long people, long duplicatePersonIds, long dosesOfUnknownPeople, ReportIndex? index = null)
    {
        Index = index;
        Rows = rows;
        StatusKnown = statusKnown;
        People = people;
        DuplicatePersonIds = duplicatePersonIds;
        DosesOfUnknownPeople = dosesOfUnknownPeople;
    }

    /// <summary>The flat arrays the report was counted from, kept so that data quality and the work lists over the same inputs reuse them.</summary>
    internal ReportIndex? Index { get; }

    /// <summary>The rows, ordered by indicator, unit (country, provinces, communes) and disaggregation.</summary>
    public IReadOnlyList<IndicatorRow> Rows { get; }

    /// <summary>Whether people's statuses were given; without them the status indicators are omitted.</summary>
    public bool StatusKnown { get; }

    /// <summary>The people counted (each register person id once).</summary>
    public long People { get; }

    /// <summary>Register rows whose person id was already seen (counted once, the first row kept).</summary>
    public long DuplicatePersonIds { get; }

    /// <summary>Dose records linked to a person id the register does not hold (counted by the record's commune).</summary>
    public long DosesOfUnknownPeople { get; }
}
