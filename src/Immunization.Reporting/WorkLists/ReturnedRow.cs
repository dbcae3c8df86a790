using Immunization.Core.Records;

namespace Immunization.Reporting.WorkLists;

/// <summary>One row of a returned work list, still as text so that a correction that does not parse can be reported.</summary>
/// <param name="Row">The row number in the returned file, as the caller numbers it (the tool counts the header as row 1), written in problems.</param>
/// <param name="RecordId">The record's id.</param>
/// <param name="Action">The police's answer.</param>
/// <param name="Corrections">The corrected fields' new values as written (for <see cref="ReturnAction.Corrected"/>).</param>
public sealed record ReturnedRow(int Row, string RecordId, ReturnAction Action, IReadOnlyDictionary<IdentityField, string> Corrections);
