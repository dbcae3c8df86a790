using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using Immunization.Core.Places;
using Immunization.Core.Records;
using NodaTime;

namespace Immunization.Reporting.Coverage;

/// <summary>
/// The register and the dose records normalised once into flat arrays, so that coverage, data quality and the work lists
/// count with integers instead of looking up strings: each register row's reporting place (a "leaf", one distinct pair
/// of new province and commune), each dose's register row, cell (leaf and product number in one integer) and flags,
/// among them whether the dose repeats an earlier one. Built on 2 cores (the person-id table in small parts by hash
/// code, the doses in contiguous ranges) and kept for the last inputs seen (weakly), so the three calculations over the
/// same inputs build it once. Twelve bytes per dose and four per person (beside the person-id table): the first report
/// in a process pays for every fresh page it touches. When the records do not come person by person, the per-dose arrays
/// are put in person order once (see <see cref="Order"/>, in the memory of the rows), so that the passes over them never
/// read a person's data at random and the repeats are found in one pass; the passes that sum over the doses do not
/// depend on their order, and those that need record order (the work lists) read <see cref="Order"/>.
/// </summary>
/// <remarks>
/// The index is reused only when every element of the two lists is the same object as when it was built (the records are
/// immutable): an <see cref="ImmutableArray{T}"/> is borrowed as it is (nothing can change it, and the same array is
/// recognised at once); any other list is copied (its element references), so a list changed in between is indexed again.
/// </remarks>
internal sealed class ReportIndex
{
    /// <summary>Flag: the dose is valid.</summary>
    internal const byte Valid = 0x80;

    /// <summary>Flag: the dose carries a person id (known to the register or not).</summary>
    internal const byte HasPersonId = 0x40;

    /// <summary>Mask of the outcome's value (1–5; 0 for any other value).</summary>
    internal const byte OutcomeMask = 0x07;

    /// <summary>Shift of the identity-number state (0–2; 3 for any other value).</summary>
    internal const int IdentityShift = 3;

    /// <summary>
    /// Flag: the dose repeats an earlier dose (in record order) of the same person id, date and product; set for every
    /// such dose once <see cref="EnsureDuplicates"/> has run.
    /// </summary>
    internal const byte Duplicate = 0x20;

    // Units numbered (hash code) below this have their leaf in an array.
    private const int MaxSlots = 1 << 20;

    private static readonly WeakReference<ReportIndex?> s_last = new(null);

    private readonly PersonTable _persons;
    private readonly Lock _duplicatesLock = new();
    private bool _duplicatesFound;

    // The places met: each unit's leaf plus one by the unit's hash code (its dense catalogue number), and each leaf's
    // (province, commune) pair with the first residence that led to it.
    private readonly Dictionary<(int Province, int Commune), int> _leaves = [];
    private readonly List<int> _leafProvince = [];
    private readonly List<int> _leafCommune = [];
    private readonly List<AdministrativeUnit> _leafResidence = [];
    private AdministrativeUnit[] _unitOfSlot = new AdministrativeUnit[1 << 14];
    private int[] _leafOfSlot = new int[1 << 14];

    // In a dose's cell before step 6: its register row was taken from the linker unchecked (see DeferRowChecks).
    private const int RowUnchecked = 1 << 30;

    private ReportIndex(RegisterPerson[] register, DoseEntry[] doses, bool deferRowChecks)
    {
        Register = register;
        Doses = doses;
        int n = register.Length, m = doses.Length;

        // 1. Person ids: the table of each id's first row (built on the cores), which marks the rows that repeat an id; it
        // builds in the memory of two dose arrays, filled only afterwards.
        var dosePerson = GC.AllocateUninitializedArray<int>(m);
        DosePerson = dosePerson;
        DoseCell = GC.AllocateUninitializedArray<int>(m);
        var repeated = new bool[n];
        _persons = new PersonTable(register, repeated, DoseCell, dosePerson);

        // 2. Places of the people counted (a repeated row is neither counted nor placed): on the cores, each row's unit
        // number (its hash code) and each range's units in the order first met; the units' leaves, range by range (so in
        // register order, as one pass would meet them); then each row's leaf on the cores.
        PersonLeaf = GC.AllocateUninitializedArray<int>(n);
        long duplicates = PlacePeople(register, repeated);
        People = n - (int)duplicates;
        DuplicatePersonIds = duplicates;

        // 3. Doses, in contiguous ranges: register row, flags, product (numbered per range, in the cell until the leaves
        // are known), and the repeats among a row's doses while the rows rise (the records come person by person).
        DoseFlags = GC.AllocateUninitializedArray<byte>(m);
        int doseParts = Partitions.For(m);
        var localProducts = new Dictionary<string, int>[doseParts];
        var unplaced = new List<int>[doseParts];
        var unknown = new long[doseParts];
        var grouped = new bool[doseParts];
        var firstRow = new int[doseParts];
        var lastRow = new int[doseParts];

        // Once a range's rows fall (the doses do not come person by person), each later dose of a register person keeps a
        // hash of its date for the permutation below (equal dates, equal hashes); the array is made only then.
        ushort[]? dateHash = null;
        var hashedFrom = new int[doseParts];
        var deferred = new bool[doseParts];
        Partitions.Run(m, doseParts, (part, from, to) =>
        {
            int hashed = to;
            ushort[]? hashes = null;
            var products = new Dictionary<string, int>(StringComparer.Ordinal);
            var without = new List<int>();
            var run = new List<(LocalDate Date, int Product)>();
            int runRow = -1;
            string? lastProduct = null;
            int lastNumber = -1;
            long unknownHere = 0;
            int last = -2;
            bool guessing = false;
            bool rising = true, deferredHere = false;
            int first = -1, previous = -1;
            var doseCell = DoseCell;
            var doseFlags = DoseFlags;
            var batch = new PersonTable.Batch();
            const int Block = PersonTable.Batch.Size;
            var ids = new string?[Block];
            var rowOf = new int[Block];
            var pendingIds = new string[Block];
            var pendingAt = new int[Block];
            var pendingRows = new int[Block];
            var hints = new int[Block];
            var hintAt = new int[Block];
            var hintPeople = new RegisterPerson?[Block];
            var hintIds = new string?[Block];
            var taken = new bool[Block];
            int immediate = 0;
            for (int start = from; start < to; start += Block)
            {
                int count = Math.Min(Block, to - start);

                // a. Each record's register row. Records often come person by person: while the last record's row or the
                // next one matched, try them before the table (a row no earlier row repeats is the first row of its id);
                // when that fails, the next two are looked up at once (so guessing can resume), and any other record
                // waits to be looked up with the rest of the block's together.
                for (int k = 0; k < count; k++)
                {
                    var entry = doses[start + k];
                    ids[k] = entry.PersonId;
                    hints[k] = entry.RegisterRow ?? -1;
                }

                // Once the range's rows have fallen (the doses will be put in person order), a row handed over is taken
                // as it is and checked in person order, where the register is read in order (see PermuteByPerson).
                int pending = 0, hinted = 0;
                bool defer = deferRowChecks && !rising;
                for (int k = 0; k < count; k++)
                {
                    int row = -1;
                    taken[k] = false;
                    if (ids[k] is not { } id)
                    {
                        rowOf[k] = -1;
                        continue;
                    }

                    if (defer && (uint)hints[k] < (uint)n)
                    {
                        rowOf[k] = hints[k];
                        taken[k] = deferredHere = true;
                        continue;
                    }

                    // A row handed over by the linker, checked below with the block's others (a row whose id an earlier
                    // row has is never a dose's row: the id is looked up instead).
                    if ((uint)hints[k] < (uint)n && !repeated[hints[k]])
                    {
                        hintAt[hinted++] = k;
                        rowOf[k] = -1;
                        continue;
                    }

                    if (guessing && !TryRow(id, last, out row) && !TryRow(id, last + 1, out row))
                    {
                        guessing = false;
                        immediate = 2;
                    }

                    if (row < 0 && !guessing && immediate == 0)
                    {
                        pendingIds[pending] = id;
                        pendingAt[pending++] = k;
                        rowOf[k] = -1;
                        continue;
                    }

                    if (row < 0)
                    {
                        immediate--;
                        row = _persons.Find(id);
                        guessing = row >= 0 && (row == last || row == last + 1);
                    }

                    last = row >= 0 ? row : last;
                    rowOf[k] = row;
                }

                // The rows handed over, checked in stages whose loads do not wait for each other (the row's person, its
                // id, the comparison): a row that holds another id is looked up with the block's others.
                if (hinted > 0)
                {
                    for (int h = 0; h < hinted; h++)
                    {
                        hintPeople[h] = register[hints[hintAt[h]]];
                    }

                    for (int h = 0; h < hinted; h++)
                    {
                        hintIds[h] = hintPeople[h]!.PersonId;
                    }

                    for (int h = 0; h < hinted; h++)
                    {
                        int k = hintAt[h];
                        if (string.Equals(hintIds[h], ids[k], StringComparison.Ordinal))
                        {
                            rowOf[k] = hints[k];
                        }
                        else
                        {
                            pendingIds[pending] = ids[k]!;
                            pendingAt[pending++] = k;
                        }

                        hintPeople[h] = null;
                        hintIds[h] = null;
                    }
                }

                if (pending > 0)
                {
                    _persons.FindMany(pendingIds.AsSpan(0, pending), pendingRows, batch);
                    for (int q = 0; q < pending; q++)
                    {
                        rowOf[pendingAt[q]] = pendingRows[q];
                    }

                    // Guess again when the block's last two rows found are the same person or the next.
                    int latest = -1, before = -1;
                    for (int k = count - 1; k >= 0 && before < 0; k--)
                    {
                        if (rowOf[k] >= 0)
                        {
                            (latest, before) = latest < 0 ? (rowOf[k], -1) : (latest, rowOf[k]);
                        }
                    }

                    last = latest >= 0 ? latest : last;
                    guessing = before >= 0 && (latest == before || latest == before + 1);
                }

                // b. Flags, product and repeats, record by record.
                for (int k = 0; k < count; k++)
                {
                    int i = start + k;
                    var dose = doses[i];
                    int row = rowOf[k];
                    byte flags = dose.IsValid ? Valid : (byte)0;
                    if (ids[k] is not null)
                    {
                        flags |= HasPersonId;
                        if (row < 0)
                        {
                            unknownHere++;
                        }
                        else
                        {
                            rising = rising && row >= previous;
                            previous = row;
                            first = first < 0 ? row : first;
                        }
                    }

                    int outcome = (int)dose.Outcome;
                    flags |= (byte)(outcome is >= 1 and <= 5 ? outcome : 0);
                    int identity = (int)dose.IdentityNumber;
                    flags |= (byte)((identity is >= 0 and <= 2 ? identity : 3) << IdentityShift);

                    string product = dose.Product;
                    if (!ReferenceEquals(product, lastProduct))
                    {
                        if (!products.TryGetValue(product, out lastNumber))
                        {
                            lastNumber = products.Count;
                            products.Add(product, lastNumber);
                        }

                        lastProduct = product;
                    }

                    if (row < 0)
                    {
                        without.Add(i);
                    }
                    else if (rising)
                    {
                        // The row's doses so far in this range are together: a dose of the same date and product repeats one.
                        var date = dose.Date;
                        if (row != runRow)
                        {
                            runRow = row;
                            run.Clear();
                        }

                        bool repeat = false;
                        foreach (var (d, p) in run)
                        {
                            if (p == lastNumber && d == date)
                            {
                                repeat = true;
                                break;
                            }
                        }

                        if (repeat)
                        {
                            flags |= Duplicate;
                        }
                        else
                        {
                            run.Add((date, lastNumber));
                        }
                    }
                    else
                    {
                        hashes ??= LazyInitializer.EnsureInitialized(ref dateHash, () => GC.AllocateUninitializedArray<ushort>(m));
                        hashes[i] = DateHash(dose.Date);
                        hashed = Math.Min(hashed, i);
                    }

                    dosePerson[i] = row;
                    doseCell[i] = taken[k] ? lastNumber | RowUnchecked : lastNumber;
                    doseFlags[i] = flags;
                }
            }

            localProducts[part] = products;
            unplaced[part] = without;
            unknown[part] = unknownHere;
            grouped[part] = rising;
            firstRow[part] = first;
            lastRow[part] = previous;
            hashedFrom[part] = hashed;
            deferred[part] = deferredHere;
        });

        DosesOfUnknownPeople = unknown.Sum();

        // Person by person when the rows never fall, within each range and from one range to the next.
        bool byPerson = grouped.All(g => g);
        for (int part = 0, before = -1; part < doseParts && byPerson; part++)
        {
            if (firstRow[part] >= 0)
            {
                byPerson = firstRow[part] >= before;
                before = lastRow[part];
            }
        }

        DosesGroupedByPerson = byPerson;

        bool TryRow(string id, int row, out int found)
        {
            found = (uint)row < (uint)n && !repeated[row] && string.Equals(register[row].PersonId, id, StringComparison.Ordinal) ? row : -1;
            return found >= 0;
        }

        // 4. Products numbered in ordinal order, each range's numbers mapped to them.
        Products = [.. localProducts.SelectMany(p => p.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        ProductBits = Products.Length <= 1 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)(Products.Length - 1));
        var number = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Products.Length; i++)
        {
            number[Products[i]] = i;
        }

        var maps = new int[doseParts][];
        for (int part = 0; part < doseParts; part++)
        {
            maps[part] = new int[localProducts[part].Count];
            foreach (var (product, local) in localProducts[part])
            {
                maps[part][local] = number[product];
            }
        }

        // 5. Places of doses of people the register does not hold: the commune written on the record, in record order.
        int bits = ProductBits;
        for (int part = 0; part < doseParts; part++)
        {
            foreach (int i in unplaced[part])
            {
                int leaf = Leaf(doses[i].RecordCommune);
                DoseCell[i] = (int)(((long)leaf << bits) | (uint)maps[part][DoseCell[i]]);
            }
        }

        if (((long)_leafProvince.Count << bits) > int.MaxValue)
        {
            throw new NotSupportedException($"A report counts at most {int.MaxValue >> bits:N0} places with {Products.Length:N0} distinct products; these records name {_leafProvince.Count:N0} places.");
        }

        // 6. Not person by person: the doses put in person order once (see PermuteByPerson), their cells and repeats found
        // on the way. Person by person (or with more products than a slot holds): the cells of the other doses, their
        // person's leaf and their product, in record order.
        // Rows taken unchecked are checked there; one that does not hold its dose's person id fails the index, which
        // For builds again checking every row first.
        int linked = 0;
        bool failed = false;
        Order = byPerson ? null : PermuteByPerson(doses, dosePerson, repeated, maps, dateHash ?? [], hashedFrom, out linked, out failed);
        RowCheckFailed = failed || (Order is null && deferred.Any(d => d));
        if (Order is null && !RowCheckFailed)
        {
            FillCells(dosePerson, maps, doseParts);
        }
        else if (Order is not null)
        {
            // The rows' array now holds the records in person order.
            DosePerson = null;
            LinkedDoses = linked;
        }

        // 7. Person by person, the repeats of a row whose doses continue from one range into the next.
        if (byPerson)
        {
            FindRepeatsAcrossRanges(dosePerson, doseParts, firstRow, lastRow);
        }

        LeafProvince = [.. _leafProvince];
        LeafCommune = [.. _leafCommune];
        LeafResidence = [.. _leafResidence];
    }

    /// <summary>Step 6 in record order: each linked dose's cell from its person's leaf and its range's product number.</summary>
    private void FillCells(int[] dosePerson, int[][] maps, int doseParts)
    {
        int m = Doses.Length, bits = ProductBits;
        Partitions.Run(m, doseParts, (part, from, to) =>
        {
            var map = maps[part];
            var doseCell = DoseCell;
            var personLeaf = PersonLeaf;
            for (int i = from; i < to; i++)
            {
                int row = dosePerson[i];
                if (row >= 0)
                {
                    doseCell[i] = (personLeaf[row] << bits) | map[doseCell[i]];
                }
            }
        });
    }

    /// <summary>Step 7: person by person, the repeats of a row whose doses continue from one range into the next.</summary>
    private void FindRepeatsAcrossRanges(int[] dosePerson, int doseParts, int[] firstRow, int[] lastRow)
    {
        int m = Doses.Length;
        int before = -1;
        for (int part = 0; part < doseParts; part++)
        {
            if (before >= 0)
            {
                int start = Partitions.Start(m, doseParts, part), end = Partitions.Start(m, doseParts, part + 1);
                for (int i = start; i < end; i++)
                {
                    int row = dosePerson[i];
                    if (row < 0)
                    {
                        continue;
                    }

                    if (row != before)
                    {
                        break;
                    }

                    for (int j = start - 1; j >= 0 && (DoseFlags[i] & Duplicate) == 0; j--)
                    {
                        int other = dosePerson[j];
                        if (other < 0)
                        {
                            continue;
                        }

                        if (other != row)
                        {
                            break;
                        }

                        if (SameDose(i, j))
                        {
                            DoseFlags[i] |= Duplicate;
                        }
                    }
                }
            }

            before = firstRow[part] >= 0 ? lastRow[part] : before;
        }
    }

    /// <summary>
    /// Step 6 when the doses do not come person by person: puts the per-dose arrays in person order once, so that nothing
    /// after the index reads a person's data at random, and finds the repeats on the way. A radix sort by register row in
    /// two passes that read in order and write to a few thousand places at a time: each core takes a contiguous range of the records and writes an 8-byte
    /// slot per dose (its record, flags, the row's low bits, a hash of its date, its product) into one of a few thousand
    /// buckets by the row's high bits, the ranges one after the other within a bucket (so record order is kept); then each
    /// core takes a contiguous range of buckets and sorts each bucket by the row's low bits (a counting sort in the cache)
    /// and, row by row, writes the cells (the person's leaf read in row order), flags and records, and marks the
    /// repeats (a dose of the same row, product and date as an earlier one: the date hashes let two dates be compared on
    /// the records only when they may be equal). The doses of no register person follow, in record order. Returns the
    /// records in the new order (in the rows' array, <paramref name="person"/>), or <see langword="null"/> (nothing changed) when a slot has too few bits for the rows'
    /// low bits and the products.
    /// </summary>
    private int[]? PermuteByPerson(DoseEntry[] doses, int[] person, bool[] repeated, int[][] maps, ushort[] dateHash, int[] hashedFrom, out int linkedAll, out bool failed)
    {
        // A slot: the record (31 bits), its flags (8), the row's low bits, the top bits of the date's hash, the product.
        const int FlagShift = 31, LowShift = 39, MaxBucketBits = 12;
        const long RecordMask = int.MaxValue;
        int n = Register.Length, m = doses.Length, bits = ProductBits, ranges = maps.Length;
        int rowBits = n <= 1 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)(n - 1));
        int bucketBits = Math.Min(rowBits, MaxBucketBits), lowBits = rowBits - bucketBits, buckets = 1 << bucketBits;
        linkedAll = 0;
        failed = false;
        if (lowBits + bits > 63 - LowShift)
        {
            return null;
        }

        // (The top bit is left free, so that the product's shift is below 64 even without products bits.)
        int hashBits = Math.Min(16, 63 - LowShift - lowBits - bits), hashShift = LowShift + lowBits, productShift = hashShift + hashBits;
        int lowMask = (1 << lowBits) - 1;
        long keyMask = long.MaxValue & (-1L << LowShift), productMask = (1L << bits) - 1;
        var register = Register;
        int rowFailed = 0;
        var cell = DoseCell;
        var flags = DoseFlags;
        var personLeaf = PersonLeaf;

        // 1. Each range's doses per bucket (and of no register person).
        var perRange = new int[ranges][];
        var othersIn = new int[ranges];
        Partitions.Run(m, ranges, (range, from, to) =>
        {
            var counts = new int[buckets];
            int others = 0;
            for (int i = from; i < to; i++)
            {
                int row = person[i];
                if (row >= 0)
                {
                    counts[row >> lowBits]++;
                }
                else
                {
                    others++;
                }
            }

            perRange[range] = counts;
            othersIn[range] = others;
        });

        // Each bucket's first place, and each range's first place in it (a range's counts replaced by its places).
        var bucketStart = new int[buckets + 1];
        int linked = 0;
        for (int b = 0; b < buckets; b++)
        {
            bucketStart[b] = linked;
            foreach (var counts in perRange)
            {
                int here = counts[b];
                counts[b] = linked;
                linked += here;
            }
        }

        bucketStart[buckets] = linked;
        linkedAll = linked;

        // 2. The slots written by bucket, each range's in record order; the doses of no register person kept aside.
        var slots = GC.AllocateUninitializedArray<long>(linked);
        int othersAll = m - linked;
        var otherRecord = GC.AllocateUninitializedArray<int>(othersAll);
        var otherCell = GC.AllocateUninitializedArray<int>(othersAll);
        var otherFlags = GC.AllocateUninitializedArray<byte>(othersAll);
        Partitions.Run(m, ranges, (range, from, to) =>
        {
            var next = perRange[range];
            var map = maps[range];
            int hashed = hashedFrom[range], other = 0;
            for (int r = 0; r < range; r++)
            {
                other += othersIn[r];
            }

            for (int i = from; i < to; i++)
            {
                int row = person[i];
                if (row >= 0)
                {
                    // (A range's doses before its rows first fell have no hash kept: read from the record.)
                    long hash = (i >= hashed ? dateHash[i] : DateHash(doses[i].Date)) >> (16 - hashBits);
                    // (The top bit: the row was taken unchecked.)
                    int local = cell[i];
                    slots[next[row >> lowBits]++] = (uint)i | ((long)flags[i] << FlagShift) | ((long)(row & lowMask) << LowShift)
                        | (hash << hashShift) | ((long)map[local & ~RowUnchecked] << productShift) | ((long)(local & RowUnchecked) << (63 - 30));
                }
                else
                {
                    otherRecord[other] = i;
                    otherCell[other] = cell[i];
                    otherFlags[other++] = flags[i];
                }
            }
        });

        // 3. Each core over a contiguous range of buckets: a bucket sorted by the rows' low bits, then row by row the
        // cells, flags and records in the new order (the records in the rows' array, read no more), and the repeats.
        var order = person;
        int parts = Partitions.For(m);
        Partitions.Run(buckets, parts, (_, bFrom, bTo) =>
        {
            var start = new int[(1 << lowBits) + 1];
            var sorted = new long[64];
            for (int b = bFrom; b < bTo; b++)
            {
                int first = bucketStart[b], size = bucketStart[b + 1] - first;
                if (size > sorted.Length)
                {
                    sorted = new long[Math.Max(size, sorted.Length * 2)];
                }

                Array.Clear(start);
                var bucket = slots.AsSpan(first, size);
                foreach (long slot in bucket)
                {
                    start[((int)(slot >> LowShift) & lowMask) + 1]++;
                }

                for (int low = 1; low < start.Length; low++)
                {
                    start[low] += start[low - 1];
                }

                foreach (long slot in bucket)
                {
                    sorted[start[(int)(slot >> LowShift) & lowMask]++] = slot;
                }

                // start[low] is now the end of the low bits' doses in `sorted`.
                for (int low = 0, k = 0; k < size; low++)
                {
                    int end = start[low], row = (b << lowBits) | low, leaf = k < end ? personLeaf[row] << bits : 0;
                    for (int group = k; k < end; k++)
                    {
                        long slot = sorted[k];
                        int i = (int)(slot & RecordMask);
                        if (slot < 0 && (repeated[row] || !string.Equals(register[row].PersonId, doses[i].PersonId, StringComparison.Ordinal)))
                        {
                            Volatile.Write(ref rowFailed, 1);
                        }

                        byte f = (byte)(slot >> FlagShift);
                        for (int y = group; y < k && (f & Duplicate) == 0; y++)
                        {
                            long earlier = sorted[y];
                            if (((earlier ^ slot) & keyMask) == 0 && doses[i].Date == doses[(int)(earlier & RecordMask)].Date)
                            {
                                f |= Duplicate;
                            }
                        }

                        int x = first + k;
                        cell[x] = leaf | (int)(((ulong)slot >> productShift) & (ulong)productMask);
                        flags[x] = f;
                        order[x] = i;
                    }
                }
            }
        });

        failed = rowFailed != 0;
        otherRecord.CopyTo(order, linked);
        otherCell.CopyTo(cell, linked);
        otherFlags.CopyTo(flags, linked);
        return order;
    }

    /// <summary>A hash of a date: equal dates (same calendar, year, month and day) have equal hashes.</summary>
    internal static ushort DateHash(LocalDate date) => (ushort)(((uint)date.GetHashCode() * 0x9E3779B1u) >> 16);

    /// <summary>
    /// Whether a register row handed over with a dose and taken unchecked (see <see cref="For"/>) did not hold the dose's
    /// person id: the index is then not to be used.
    /// </summary>
    internal bool RowCheckFailed { get; }

    /// <summary>The register's rows, as indexed.</summary>
    internal RegisterPerson[] Register { get; }

    /// <summary>The dose records, as indexed.</summary>
    internal DoseEntry[] Doses { get; }

    /// <summary>The reporting units of the people counted and of the doses of people the register does not hold.</summary>
    internal UnitTable Units { get; } = new();

    /// <summary>Each leaf's province unit.</summary>
    internal int[] LeafProvince { get; }

    /// <summary>Each leaf's commune unit (the province's unresolved unit, or the unknown unit, when no commune).</summary>
    internal int[] LeafCommune { get; }

    /// <summary>Each register row's leaf; -1 for a row whose person id an earlier row already has.</summary>
    internal int[] PersonLeaf { get; }

    /// <summary>A residence of each leaf (the first met): every residence of a leaf resolves to the leaf's units.</summary>
    internal AdministrativeUnit[] LeafResidence { get; }

    /// <summary>The people counted (each person id once).</summary>
    internal int People { get; }

    /// <summary>Register rows whose person id an earlier row already has.</summary>
    internal long DuplicatePersonIds { get; }

    /// <summary>Dose records linked to a person id the register does not hold.</summary>
    internal long DosesOfUnknownPeople { get; }

    /// <summary>
    /// The record (a position in <see cref="Doses"/>) at each position of the per-dose arrays (<see cref="DoseCell"/>,
    /// <see cref="DoseFlags"/>) when they are in person order: the doses of each register row
    /// together, rows rising, in record order within a row, then the doses of no register person in record order. It is
    /// <see langword="null"/> when they are in record order (the records came person by person).
    /// </summary>
    internal int[]? Order { get; }

    /// <summary>
    /// Each dose's register row (the first row of its person id), or -1; <see langword="null"/> when the per-dose arrays
    /// are in person order (<see cref="Order"/>: its array, which held the rows, then holds the records).
    /// </summary>
    internal int[]? DosePerson { get; }

    /// <summary>In person order (<see cref="Order"/>), the doses of register people: the positions before this one.</summary>
    internal int LinkedDoses { get; }

    /// <summary>
    /// Whether the doses of register people come person by person: their rows never fall in record order, so each row's
    /// doses are together (with doses of no register person between them at most).
    /// </summary>
    internal bool DosesGroupedByPerson { get; }

    /// <summary>
    /// Each dose's leaf and product in one number, <c>(leaf &lt;&lt; <see cref="ProductBits"/>) | product</c>: the leaf is
    /// its person's, or the commune written on it when the register does not hold the person; the product an index into
    /// <see cref="Products"/>. In <see cref="Order"/> when it is set.
    /// </summary>
    internal int[] DoseCell { get; }

    /// <summary>The bits of a cell that hold the product (enough for every product number).</summary>
    internal int ProductBits { get; }

    /// <summary>The mask of a cell's product.</summary>
    internal int ProductMask => (1 << ProductBits) - 1;

    /// <summary>
    /// Each dose's flags: <see cref="Valid"/>, <see cref="HasPersonId"/>, <see cref="Duplicate"/>, outcome and
    /// identity-number state. In <see cref="Order"/> when it is set.
    /// </summary>
    internal byte[] DoseFlags { get; }

    /// <summary>The products, in ordinal order.</summary>
    internal string[] Products { get; }

    /// <summary>The leaves.</summary>
    internal int LeafCount => LeafProvince.Length;

    /// <summary>The index of these inputs: the last one built when it is still alive and built from the same records.</summary>
    /// <param name="register">The register.</param>
    /// <param name="doses">The dose records.</param>
    /// <param name="known">An index the caller holds (a coverage report's), tried first.</param>
    internal static ReportIndex For(IReadOnlyList<RegisterPerson> register, IReadOnlyList<DoseEntry> doses, ReportIndex? known = null)
    {
        if (known is not null && Same(register, known.Register) && Same(doses, known.Doses))
        {
            return known;
        }

        if (s_last.TryGetTarget(out var last) && last is not null && Same(register, last.Register) && Same(doses, last.Doses))
        {
            return last;
        }

        // Rows handed over by the linker are taken unchecked once the doses are seen not to come person by person, and
        // checked in person order; when one of them does not hold its dose's person id, the index is built again with
        // every row checked first (a wrong row costs time, never a dose counted for another person).
        var people = Elements(register);
        var entries = Elements(doses);
        var index = new ReportIndex(people, entries, deferRowChecks: true);
        if (index.RowCheckFailed)
        {
            index = new ReportIndex(people, entries, deferRowChecks: false);
        }

        s_last.SetTarget(index);
        return index;
    }

    /// <summary>
    /// Marks every dose that repeats an earlier dose of the same person id, date and product <see cref="Duplicate"/>:
    /// person by person, or in person order (<see cref="Order"/>), this was done while indexing; otherwise the doses are
    /// put in row order here (see <see cref="FindRepeatsByRow"/>). Doses of ids the register does not hold are checked by
    /// a set, in record order.
    /// </summary>
    internal void EnsureDuplicates()
    {
        lock (_duplicatesLock)
        {
            if (_duplicatesFound)
            {
                return;
            }

            int m = Doses.Length, n = Register.Length;
            var person = DosePerson;
            var flags = DoseFlags;
            var order = Order;
            if (!DosesGroupedByPerson && person is not null)
            {
                FindRepeatsByRow(person, flags, n, m);
            }

            // (In person order, the doses of no register person come last, in record order.)
            if (DosesOfUnknownPeople > 0)
            {
                var seen = new HashSet<(string, LocalDate, string)>();
                for (int x = person is null ? LinkedDoses : 0; x < m; x++)
                {
                    if ((person is null || person[x] < 0) && (flags[x] & HasPersonId) != 0)
                    {
                        var dose = Doses[order is null ? x : order[x]];
                        if (!seen.Add((dose.PersonId!, dose.Date, dose.Product)))
                        {
                            flags[x] |= Duplicate;
                        }
                    }
                }
            }

            _duplicatesFound = true;
        }
    }

    /// <summary>
    /// Marks the repeats when the doses neither come person by person nor were put in person order (more products than
    /// <see cref="PermuteByPerson"/>'s slots hold): each core takes a contiguous range of rows, counts
    /// the doses of its rows and lists them by row (a counting sort over the records in record order, so each row's
    /// doses keep record order), then compares each dose with its row's earlier doses. The records are read row by row,
    /// one load independent of the next, instead of following a chain of earlier doses one miss at a time.
    /// </summary>
    private void FindRepeatsByRow(int[] person, byte[] flags, int n, int m)
    {
        int parts = Partitions.For(m);
        var start = new int[n];
        var order = GC.AllocateUninitializedArray<int>(m);
        var linked = new int[parts];

        // 1. Doses per row, each core for its own rows (the counters of a row are written by one core only).
        Partitions.Run(parts, parts, (part, _, _) =>
        {
            int low = Partitions.Start(n, parts, part), high = Partitions.Start(n, parts, part + 1), here = 0;
            for (int i = 0; i < m; i++)
            {
                int row = person[i];
                if (row >= low && row < high)
                {
                    start[row]++;
                    here++;
                }
            }

            linked[part] = here;
        });

        // 2. Each row's first place in the order (its count replaced): a core's rows after the doses of the cores before.
        Partitions.Run(parts, parts, (part, _, _) =>
        {
            int low = Partitions.Start(n, parts, part), high = Partitions.Start(n, parts, part + 1), at = 0;
            for (int p = 0; p < part; p++)
            {
                at += linked[p];
            }

            for (int row = low; row < high; row++)
            {
                int count = start[row];
                start[row] = at;
                at += count;
            }
        });

        // 3. The doses placed by row, in record order within a row (start[row] is the row's next place meanwhile, and
        // ends as the next row's first place); then each dose compared with its row's earlier doses.
        Partitions.Run(parts, parts, (part, _, _) =>
        {
            int low = Partitions.Start(n, parts, part), high = Partitions.Start(n, parts, part + 1);
            int from = low < high ? start[low] : 0;
            for (int i = 0; i < m; i++)
            {
                int row = person[i];
                if (row >= low && row < high)
                {
                    order[start[row]++] = i;
                }
            }

            for (int row = low, k = from; row < high; row++)
            {
                int end = start[row];
                for (int x = k + 1; x < end; x++)
                {
                    int i = order[x];
                    for (int y = k; y < x; y++)
                    {
                        if (SameDose(i, order[y]))
                        {
                            flags[i] |= Duplicate;
                            break;
                        }
                    }
                }

                k = end;
            }
        });
    }

    /// <summary>Whether two doses (of the same row) have the same product and date (in the same calendar).</summary>
    private bool SameDose(int i, int j) =>
        ((DoseCell[i] ^ DoseCell[j]) & ProductMask) == 0 && Doses[i].Date == Doses[j].Date;

    /// <summary>Fills <see cref="PersonLeaf"/>; returns the repeated rows.</summary>
    private long PlacePeople(RegisterPerson[] register, bool[] repeated)
    {
        // A unit number outside [0, MaxSlots) is marked and placed one row at a time.
        const int Outside = int.MinValue;
        int n = register.Length;
        int parts = Partitions.For(n);
        var met = new List<AdministrativeUnit>[parts];
        var outside = new List<int>[parts];
        var repeats = new long[parts];
        var personLeaf = PersonLeaf;
        Partitions.Run(n, parts, (part, from, to) =>
        {
            var seen = new bool[1 << 14];
            var units = new List<AdministrativeUnit>();
            var far = new List<int>();
            long repeatedHere = 0;
            for (int i = from; i < to; i++)
            {
                if (repeated[i])
                {
                    repeatedHere++;
                    personLeaf[i] = -1;
                    continue;
                }

                var residence = register[i].Residence;
                int slot = residence.GetHashCode();
                if ((uint)slot >= MaxSlots)
                {
                    far.Add(i);
                    personLeaf[i] = Outside;
                    continue;
                }

                if (slot >= seen.Length)
                {
                    Array.Resize(ref seen, Math.Max(slot + 1, seen.Length * 2));
                }

                if (!seen[slot])
                {
                    seen[slot] = true;
                    units.Add(residence);
                }

                personLeaf[i] = slot;
            }

            met[part] = units;
            outside[part] = far;
            repeats[part] = repeatedHere;
        });

        // Leaf fills _leafOfSlot for every unit met (their slots are below MaxSlots): the people's slots become leaves.
        for (int part = 0; part < parts; part++)
        {
            foreach (var unit in met[part])
            {
                _ = Leaf(unit);
            }
        }

        var leafOfSlot = _leafOfSlot;
        Partitions.Run(n, parts, (_, from, to) =>
        {
            for (int i = from; i < to; i++)
            {
                int slot = personLeaf[i];
                if (slot >= 0)
                {
                    personLeaf[i] = leafOfSlot[slot] - 1;
                }
            }
        });

        foreach (var far in outside)
        {
            foreach (int i in far)
            {
                personLeaf[i] = Leaf(register[i].Residence);
            }
        }

        return repeats.Sum();
    }

    /// <summary>The leaf of a residence, added when new.</summary>
    private int Leaf(AdministrativeUnit residence)
    {
        // The hash code is the unit's dense catalogue number, so the slot is almost always the unit's own; it is checked.
        int slot = residence.GetHashCode();
        if ((uint)slot < (uint)_leafOfSlot.Length && _leafOfSlot[slot] > 0 && _unitOfSlot[slot] == residence)
        {
            return _leafOfSlot[slot] - 1;
        }

        var place = Units.Resolve(residence);
        if (!_leaves.TryGetValue(place, out int leaf))
        {
            leaf = _leafProvince.Count;
            _leaves.Add(place, leaf);
            _leafProvince.Add(place.Province);
            _leafCommune.Add(place.Commune);
            _leafResidence.Add(residence);
        }

        if ((uint)slot < MaxSlots)
        {
            if (slot >= _leafOfSlot.Length)
            {
                int size = Math.Max(slot + 1, _leafOfSlot.Length * 2);
                Array.Resize(ref _leafOfSlot, size);
                Array.Resize(ref _unitOfSlot, size);
            }

            _unitOfSlot[slot] = residence;
            _leafOfSlot[slot] = leaf + 1;
        }

        return leaf;
    }

    /// <summary>The outcome of a dose's flags (0 for a value outside 1–5).</summary>
    internal static VerificationOutcome Outcome(byte flags) => (VerificationOutcome)(flags & OutcomeMask);

    /// <summary>The first register row of a person id, or -1.</summary>
    internal int FindPerson(string personId) => _persons.Find(personId);

    /// <summary>The elements as an array: an immutable array's own (nothing can change it), any other list's copied (on the cores).</summary>
    private static T[] Elements<T>(IReadOnlyList<T> list)
        where T : class
    {
        if (list is ImmutableArray<T> { IsDefault: false } immutable)
        {
            return ImmutableCollectionsMarshal.AsArray(immutable)!;
        }

        if (list is not (T[] or List<T>))
        {
            return [.. list];
        }

        int count = list.Count;
        var copy = new T[count];
        Partitions.Run(count, Partitions.For(count), (_, from, to) =>
        {
            var source = list is T[] array ? array.AsSpan(from, to - from) : CollectionsMarshal.AsSpan((List<T>)list).Slice(from, to - from);
            source.CopyTo(copy.AsSpan(from, to - from));
        });

        return copy;
    }

    private static bool Same<T>(IReadOnlyList<T> list, T[] indexed)
        where T : class
    {
        if (list.Count != indexed.Length)
        {
            return false;
        }

        ReadOnlySpan<T> elements;
        if (list is ImmutableArray<T> { IsDefault: false } immutable)
        {
            elements = immutable.AsSpan();
            if (elements.Length == 0 || ReferenceEquals(ImmutableCollectionsMarshal.AsArray(immutable), indexed))
            {
                return true;
            }
        }
        else if (list is T[] array)
        {
            elements = array;
        }
        else if (list is List<T> items)
        {
            elements = CollectionsMarshal.AsSpan(items);
        }
        else
        {
            for (int i = 0; i < indexed.Length; i++)
            {
                if (!ReferenceEquals(list[i], indexed[i]))
                {
                    return false;
                }
            }

            return true;
        }

        for (int i = 0; i < elements.Length; i++)
        {
            if (!ReferenceEquals(elements[i], indexed[i]))
            {
                return false;
            }
        }

        return true;
    }
}
