using Immunization.Reporting.Coverage;

namespace Immunization.Reporting.WorkLists;

/// <summary>What applying returned lists did.</summary>
public sealed class ReturnApplication
{
    internal ReturnApplication(IReadOnlyList<DoseEntry> records, IReadOnlyList<RecordChange> changes, IReadOnlyList<string> confirmed, IReadOnlyList<string> couldNotVerify, IReadOnlyList<ReturnProblem> problems, IReadOnlyList<string> returnedListIds)
    {
        Records = records;
        Changes = changes;
        Confirmed = confirmed;
        CouldNotVerify = couldNotVerify;
        Problems = problems;
        ReturnedListIds = returnedListIds;
    }

    /// <summary>The records after the corrections, in the input's order.</summary>
    public IReadOnlyList<DoseEntry> Records { get; }

    /// <summary>The records that changed, ordered by record id.</summary>
    public IReadOnlyList<RecordChange> Changes { get; }

    /// <summary>The records the police confirmed (unchanged), ordered by record id.</summary>
    public IReadOnlyList<string> Confirmed { get; }

    /// <summary>The records the police could not verify (unchanged), ordered by record id.</summary>
    public IReadOnlyList<string> CouldNotVerify { get; }

    /// <summary>What could not be applied, by file, row and column.</summary>
    public IReadOnlyList<ReturnProblem> Problems { get; }

    /// <summary>The lists now returned (those returned before and those applied now), ordered.</summary>
    public IReadOnlyList<string> ReturnedListIds { get; }
}
