using Ardalis.GuardClauses;
using Immunization.Core.Places;
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
    /// <remarks>
    /// A list holds the positions of its records and makes each item from the record when it is read (items read twice
    /// are equal, not the same object), so the lists keep the dose records alive rather than millions of items of their
    /// own; the records are immutable.
    /// </remarks>
    public static IReadOnlyList<WorkList> Build(IReadOnlyList<RegisterPerson> register, IReadOnlyList<DoseEntry> doses, LocalDate drawnUp, int dueAfterDays = DefaultDueAfterDays)
    {
        Guard.Against.Null(register);
        Guard.Against.Null(doses);
        Guard.Against.Negative(dueAfterDays);

        var index = ReportIndex.For(register, doses);
        var all = index.Doses;
        int m = all.Length, leaves = index.LeafCount;

        // The lists' own units (codes and names as the index's), resolved once per leaf: a record goes to its leaf's
        // commune, except a record linked to a person whose residence the register does not know, which goes to the
        // commune written on it (resolved here, before the parallel passes, since the table is not shared safely).
        var units = new UnitTable();
        var communeOfLeaf = new int[leaves];
        int unknownLeaf = -1;
        for (int l = 0; l < leaves; l++)
        {
            var residence = index.LeafResidence[l];
            communeOfLeaf[l] = units.Resolve(residence).Commune;
            if (residence.IsDefault)
            {
                unknownLeaf = l;
            }
        }

        var flags = index.DoseFlags;
        var doseCell = index.DoseCell;
        int bits = index.ProductBits;
        var written = new Dictionary<AdministrativeUnit, int>();
        if (unknownLeaf >= 0)
        {
            for (int i = 0; i < m; i++)
            {
                if ((doseCell[i] >> bits) == unknownLeaf && Listed(flags[i]))
                {
                    var commune = all[i].RecordCommune;
                    if (!written.ContainsKey(commune))
                    {
                        written.Add(commune, units.Resolve(commune).Commune);
                    }
                }
            }
        }

        int CommuneOf(int i)
        {
            int leaf = doseCell[i] >> bits;
            return leaf == unknownLeaf ? written[all[i].RecordCommune] : communeOfLeaf[leaf];
        }

        // Each list's records counted and placed on 2 cores, each core over a contiguous range of the records, written
        // to its own place in the list so that record order is kept; then each list sorted by record id.
        // Whether the records to check come in record-id order is seen on the way (reading them in record order, not list
        // by list): then every list, a subsequence of them, is in order too.
        int unitCount = units.Units.Count;
        int parts = Partitions.For(m);
        var perPart = new int[parts][];
        var inOrder = new bool[parts];
        var firstListed = new int[parts];
        var lastListed = new int[parts];
        Partitions.Run(m, parts, (part, from, to) =>
        {
            var counts = new int[unitCount];
            bool ordered = true;
            string? previous = null;
            int first = -1, last = -1;
            for (int i = from; i < to; i++)
            {
                if (Listed(flags[i]))
                {
                    counts[CommuneOf(i)]++;
                    if (ordered)
                    {
                        // Once out of order, the range's records are not read here (the lists will be sorted).
                        string id = all[i].RecordId;
                        ordered = previous is null || string.CompareOrdinal(previous, id) <= 0;
                        previous = id;
                    }

                    first = first < 0 ? i : first;
                    last = i;
                }
            }

            perPart[part] = counts;
            inOrder[part] = ordered;
            firstListed[part] = first;
            lastListed[part] = last;
        });

        bool allInOrder = inOrder.All(o => o);
        int before = -1;
        for (int part = 0; part < parts && allInOrder; part++)
        {
            if (firstListed[part] >= 0)
            {
                allInOrder = before < 0 || string.CompareOrdinal(all[before].RecordId, all[firstListed[part]].RecordId) <= 0;
                before = lastListed[part];
            }
        }

        var start = new int[unitCount];
        var length = new int[unitCount];
        int total = 0;
        for (int c = 0; c < unitCount; c++)
        {
            start[c] = total;
            foreach (var counts in perPart)
            {
                int here = counts[c];
                counts[c] = total;
                total += here;
            }

            length[c] = total - start[c];
        }

        var records = LargeArrays.Uninitialized<int>(total);
        Partitions.Run(m, parts, (part, from, to) =>
        {
            var next = perPart[part];
            for (int i = from; i < to; i++)
            {
                if (Listed(flags[i]))
                {
                    records[next[CommuneOf(i)]++] = i;
                }
            }
        });

        var communes = Enumerable.Range(0, unitCount).Where(c => length[c] > 0).OrderBy(c => units.Units[c].Code, StringComparer.Ordinal).ToArray();
        var due = drawnUp.PlusDays(dueAfterDays);
        var lists = new WorkList[communes.Length];
        Parallel.For(0, communes.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(Environment.ProcessorCount, 8) }, x =>
        {
            int c = communes[x];
            var span = records.AsSpan(start[c], length[c]);
            if (!allInOrder)
            {
                RecordIdOrder.Sort(span, all);
            }

            var info = units.Units[c];
            lists[x] = new WorkList(info.Code, info.Name, drawnUp, due, new WorkListItems(all, records, start[c], length[c]));
        });

        return lists;
    }

    // Whether a record goes on a list: it differs, is not found or is ambiguous.
    private static bool Listed(byte flags) =>
        ReportIndex.Outcome(flags) is VerificationOutcome.Differs or VerificationOutcome.NotFound or VerificationOutcome.Ambiguous;
}
