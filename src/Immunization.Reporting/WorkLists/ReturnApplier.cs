using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;

namespace Immunization.Reporting.WorkLists;

/// <summary>
/// Closes the loop: applies the lists the commune police returned. A correction replaces the record's values and the
/// record is linked again (by the caller's <c>relink</c>); confirmed and could-not-verify rows change nothing. A row for a
/// record not on the list, a second return of the same list, and a correction that does not parse are reported and skipped;
/// nothing else is lost.
/// </summary>
public static class ReturnApplier
{
    /// <summary>Applies returned lists.</summary>
    /// <param name="records">The records as they are.</param>
    /// <param name="lists">The lists that were drawn up.</param>
    /// <param name="returned">The lists returned, applied in order.</param>
    /// <param name="alreadyReturned">Ids of lists returned before (a second return is refused).</param>
    /// <param name="relink">Links a record again after its corrections (the corrected values, parsed), returning the record with its new outcome.</param>
    /// <returns>What changed and what could not be applied.</returns>
    public static ReturnApplication Apply(
        IReadOnlyList<DoseEntry> records,
        IReadOnlyList<WorkList> lists,
        IReadOnlyList<ReturnedList> returned,
        IReadOnlyCollection<string> alreadyReturned,
        Func<DoseEntry, IReadOnlyDictionary<IdentityField, string>, DoseEntry> relink)
    {
        Guard.Against.Null(records);
        Guard.Against.Null(lists);
        Guard.Against.Null(returned);
        Guard.Against.Null(alreadyReturned);
        Guard.Against.Null(relink);

        var result = records.ToArray();
        var position = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        for (int i = 0; i < records.Count; i++)
        {
            position.TryAdd(records[i].RecordId, i);
        }

        var listsById = new Dictionary<string, WorkList>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            Guard.Against.Null(list, nameof(lists));
            if (!listsById.TryAdd(list.Id, list))
            {
                throw new ArgumentException($"Two lists drawn up have the id '{list.Id}'; give each list once.", nameof(lists));
            }
        }

        foreach (var list in returned)
        {
            Guard.Against.Null(list, nameof(returned));
            foreach (var row in list.Rows)
            {
                if (row?.Corrections is null)
                {
                    throw new ArgumentException($"Returned list '{list.Source}' has a row without corrections (a null row or a null Corrections); give an empty dictionary when nothing is corrected.", nameof(returned));
                }
            }
        }

        var done = new HashSet<string>(alreadyReturned, StringComparer.Ordinal);
        var changes = new List<RecordChange>();
        var confirmed = new List<string>();
        var couldNot = new List<string>();
        var problems = new List<ReturnProblem>();

        foreach (var list in returned)
        {
            if (!listsById.TryGetValue(list.ListId, out var drawn))
            {
                problems.Add(new ReturnProblem(list.Source, 0, "list_id", $"list '{list.ListId}' was never drawn up; nothing applied from this file"));
                continue;
            }

            if (!done.Add(list.ListId))
            {
                problems.Add(new ReturnProblem(list.Source, 0, "list_id", $"list '{list.ListId}' was already returned; this second return is not applied"));
                continue;
            }

            var onList = drawn.Items.Select(i => i.RecordId).ToHashSet(StringComparer.Ordinal);
            var answered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in list.Rows)
            {
                if (!onList.Contains(row.RecordId) || !position.TryGetValue(row.RecordId, out int at))
                {
                    problems.Add(new ReturnProblem(list.Source, row.Row, "record_id", "record is not on this list"));
                    continue;
                }

                if (!answered.Add(row.RecordId))
                {
                    problems.Add(new ReturnProblem(list.Source, row.Row, "record_id", "record answered twice in this list; the first answer is kept"));
                    continue;
                }

                switch (row.Action)
                {
                    case ReturnAction.Confirmed:
                        confirmed.Add(row.RecordId);
                        break;
                    case ReturnAction.CouldNotVerify:
                        couldNot.Add(row.RecordId);
                        break;
                    default:
                        var bad = row.Corrections.Where(kv => !Parses(kv.Key, kv.Value)).Select(kv => kv.Key).Order().ToList();
                        foreach (var field in bad)
                        {
                            string why = field == IdentityField.Residence ? "correction is not a commune code of the new scheme" : "correction does not parse";
                            problems.Add(new ReturnProblem(list.Source, row.Row, CorrectionColumn(field), why + "; record left as it was"));
                        }

                        if (bad.Count > 0)
                        {
                            break;
                        }

                        if (row.Corrections.Count == 0)
                        {
                            problems.Add(new ReturnProblem(list.Source, row.Row, "action", "marked corrected but no field is corrected"));
                            break;
                        }

                        var before = result[at];
                        var after = relink(before, row.Corrections);
                        result[at] = after;
                        changes.Add(new RecordChange(row.RecordId, [.. row.Corrections.Keys.Order()], before.Outcome, after.Outcome, before.PersonId, after.PersonId));
                        break;
                }
            }
        }

        return new ReturnApplication(
            result,
            [.. changes.OrderBy(c => c.RecordId, StringComparer.Ordinal)],
            [.. confirmed.Order(StringComparer.Ordinal)],
            [.. couldNot.Order(StringComparer.Ordinal)],
            problems,
            [.. done.Order(StringComparer.Ordinal)]);
    }

    /// <summary>The column name of a field in returned-list files.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The column name.</returns>
    public static string ColumnName(IdentityField field) => field switch
    {
        IdentityField.CitizenId => "citizen_id",
        IdentityField.FullName => "full_name",
        IdentityField.DateOfBirth => "date_of_birth",
        IdentityField.Sex => "sex",
        IdentityField.Phone => "phone",
        IdentityField.Residence => "commune_code",
        _ => "unknown",
    };

    /// <summary>Whether a corrected value parses as its field.</summary>
    internal static bool Parses(IdentityField field, string value) => field switch
    {
        IdentityField.CitizenId => CitizenId.TryParse(value, out _),
        IdentityField.FullName => PersonName.TryParse(value, out _),
        IdentityField.DateOfBirth => PartialDate.TryParse(value, out _),
        IdentityField.Sex => SexCodes.TryParse(value, out _),
        IdentityField.Phone => PhoneNumber.TryParse(value, out _),
        IdentityField.Residence => AdministrativeUnitCatalog.Vietnam.TryGetByCode(AdministrativeScheme.New, value, out _),
        _ => false,
    };

    /// <summary>
    /// The column of a returned list holding a field's correction: the field's <see cref="ColumnName"/>, except the residence,
    /// corrected in <c>commune_code_corrected</c> (the list's own <c>commune_code</c> is the commune it was drawn up for).
    /// The work-list writer names its answer columns with it.
    /// </summary>
    /// <param name="field">The field.</param>
    /// <returns>The column name.</returns>
    public static string CorrectionColumn(IdentityField field) =>
        field == IdentityField.Residence ? "commune_code_corrected" : ColumnName(field);
}
