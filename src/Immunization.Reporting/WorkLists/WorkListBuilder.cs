using Ardalis.GuardClauses;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using NodaTime;

namespace Immunization.Reporting.WorkLists;

/// <summary>Draws up the commune work lists: the records that differ from the register, are not found, or are ambiguous.</summary>
public static class WorkListBuilder
{
    /// <summary>The default days from drawing up to the due date.</summary>
    public const int DefaultDueAfterDays = 2;

    /// <summary>
    /// Draws up one list per commune. A record linked to a register person goes to the commune the register says the
    /// person lives in now; an unlinked record to the commune written on it (old communes rolled up into new ones).
    /// </summary>
    /// <param name="register">The register's people.</param>
    /// <param name="doses">The dose records with their link outcomes.</param>
    /// <param name="drawnUp">The date the lists are drawn up.</param>
    /// <param name="dueAfterDays">Days until the lists are due (2 by default).</param>
    /// <returns>The lists, ordered by commune code; communes with nothing to check have none.</returns>
    public static IReadOnlyList<WorkList> Build(IReadOnlyList<RegisterPerson> register, IReadOnlyList<DoseEntry> doses, LocalDate drawnUp, int dueAfterDays = DefaultDueAfterDays)
    {
        Guard.Against.Null(register);
        Guard.Against.Null(doses);
        Guard.Against.Negative(dueAfterDays);

        var index = ReportIndex.For(register, doses);
        var units = new UnitTable();
        int m = index.Doses.Length;

        // The records to check and their communes, in record order.
        var communeOf = new int[m];
        for (int i = 0; i < m; i++)
        {
            if (ReportIndex.Outcome(index.DoseFlags[i]) is not (VerificationOutcome.Differs or VerificationOutcome.NotFound or VerificationOutcome.Ambiguous))
            {
                communeOf[i] = -1;
                continue;
            }

            int row = index.DosePerson[i];
            var place = row >= 0 && !index.PersonResidence[row].IsDefault ? index.PersonResidence[row] : index.DoseCommune[i];
            communeOf[i] = units.Resolve(place).Commune;
        }

        // Each list's items made on 2 cores, each core over a contiguous range of the records, written to its own
        // place in the list so that record order is kept; then each list sorted by record id.
        int unitCount = units.Units.Count;
        int parts = Partitions.For(m);
        var perPart = new int[parts][];
        Partitions.Run(m, parts, (part, from, to) =>
        {
            var counts = new int[unitCount];
            for (int i = from; i < to; i++)
            {
                if (communeOf[i] >= 0)
                {
                    counts[communeOf[i]]++;
                }
            }

            perPart[part] = counts;
        });

        var itemsOf = new WorkListItem[unitCount][];
        for (int c = 0; c < unitCount; c++)
        {
            int total = 0;
            foreach (var counts in perPart)
            {
                int here = counts[c];
                counts[c] = total;
                total += here;
            }

            itemsOf[c] = total == 0 ? [] : new WorkListItem[total];
        }

        Partitions.Run(m, parts, (part, from, to) =>
        {
            var next = perPart[part];
            for (int i = from; i < to; i++)
            {
                int c = communeOf[i];
                if (c >= 0)
                {
                    itemsOf[c][next[c]++] = Item(index.Doses[i]);
                }
            }
        });

        var communes = Enumerable.Range(0, unitCount).Where(c => itemsOf[c].Length > 0).OrderBy(c => units.Units[c].Code, StringComparer.Ordinal).ToArray();
        var due = drawnUp.PlusDays(dueAfterDays);
        var lists = new WorkList[communes.Length];
        Parallel.For(0, communes.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(Environment.ProcessorCount, 8) }, x =>
        {
            int c = communes[x];
            var items = itemsOf[c];
            bool sorted = true;
            for (int k = 1; k < items.Length && sorted; k++)
            {
                sorted = string.CompareOrdinal(items[k - 1].RecordId, items[k].RecordId) <= 0;
            }

            if (!sorted)
            {
                // Stable, as the LINQ ordering was: equal record ids keep record order.
                var keys = new (string, int)[items.Length];
                for (int k = 0; k < items.Length; k++)
                {
                    keys[k] = (items[k].RecordId, k);
                }

                Array.Sort(keys, items, s_byRecordId);
            }

            var info = units.Units[c];
            lists[x] = new WorkList(info.Code, info.Name, drawnUp, due, items);
        });

        return lists;
    }

    private static readonly Comparer<(string RecordId, int Order)> s_byRecordId = Comparer<(string RecordId, int Order)>.Create((x, y) =>
    {
        int c = string.CompareOrdinal(x.RecordId, y.RecordId);
        return c != 0 ? c : x.Order.CompareTo(y.Order);
    });

    // The sorted, distinct differing fields of each set of fields (bit i for field i), shared by the items.
    private static readonly IReadOnlyList<IdentityField>[] s_fieldSets = [.. Enumerable.Range(0, 64).Select(mask =>
        (IReadOnlyList<IdentityField>)Array.AsReadOnly(Enumerable.Range(0, 6).Where(f => (mask & (1 << f)) != 0).Select(f => (IdentityField)f).ToArray()))];

    private static WorkListItem Item(DoseEntry dose) => new(
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
            if ((uint)field >= 6)
            {
                return [.. differences.Select(d => d.Field).Distinct().Order()];
            }

            mask |= 1 << (int)field;
        }

        return s_fieldSets[mask];
    }
}
