using System.Collections;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;

namespace Immunization.Reporting.WorkLists;

/// <summary>
/// A work list's items as a view over the dose records: the list keeps the records' positions (4 bytes each) and makes
/// each <see cref="WorkListItem"/> when it is read, so drawing up the lists for millions of records does not keep
/// millions of objects alive (items read once, as the exports read them, die young). Items read twice are equal, not
/// the same object.
/// </summary>
internal sealed class WorkListItems : IReadOnlyList<WorkListItem>
{
    // The sorted, distinct differing fields of each set of fields (bit i for field i), shared by the items.
    private const int FieldCount = (int)IdentityField.Residence + 1;

    private static readonly IReadOnlyList<IdentityField>[] s_fieldSets = [.. Enumerable.Range(0, 1 << FieldCount).Select(mask =>
        (IReadOnlyList<IdentityField>)Array.AsReadOnly(Enumerable.Range(0, FieldCount).Where(f => (mask & (1 << f)) != 0).Select(f => (IdentityField)f).ToArray()))];

    private readonly DoseEntry[] _doses;
    private readonly int[] _records;
    private readonly int _start;

    /// <summary>A view of <paramref name="count"/> records from <paramref name="start"/> in <paramref name="records"/>.</summary>
    /// <param name="doses">The dose records.</param>
    /// <param name="records">Positions in <paramref name="doses"/>, in list order.</param>
    /// <param name="start">The list's first position in <paramref name="records"/>.</param>
    /// <param name="count">The list's length.</param>
    internal WorkListItems(DoseEntry[] doses, int[] records, int start, int count)
    {
        _doses = doses;
        _records = records;
        _start = start;
        Count = count;
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public WorkListItem this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return Make(_doses[_records[_start + index]]);
        }
    }

    /// <inheritdoc/>
    public IEnumerator<WorkListItem> GetEnumerator()
    {
        for (int k = 0; k < Count; k++)
        {
            yield return Make(_doses[_records[_start + k]]);
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The item of a record on a list.</summary>
    private static WorkListItem Make(DoseEntry dose) => new(
        dose.RecordId,
        dose.Outcome == VerificationOutcome.Differs ? dose.PersonId : null,
        dose.Outcome,
        dose.Outcome == VerificationOutcome.Differs ? SortedFields(dose.Differences) : [],
        dose.Outcome == VerificationOutcome.Ambiguous ? dose.AmbiguityReason is { } reason ? VerificationNames.Name(reason) : "" : null);

    private static IReadOnlyList<IdentityField> SortedFields(IReadOnlyList<IdentityDifference> differences)
    {
        int mask = 0;
        for (int i = 0; i < differences.Count; i++)
        {
            var field = differences[i].Field;
            if ((uint)field >= FieldCount)
            {
                return [.. differences.Select(d => d.Field).Distinct().Order()];
            }

            mask |= 1 << (int)field;
        }

        return s_fieldSets[mask];
    }
}
