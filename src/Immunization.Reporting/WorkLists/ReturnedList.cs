namespace Immunization.Reporting.WorkLists;

/// <summary>A work list as the commune police returned it.</summary>
/// <param name="Source">Where it came from (a file name), written in problems.</param>
/// <param name="ListId">The id of the list it answers (<see cref="WorkList.Id"/>).</param>
/// <param name="Rows">The rows.</param>
public sealed record ReturnedList(string Source, string ListId, IReadOnlyList<ReturnedRow> Rows);
