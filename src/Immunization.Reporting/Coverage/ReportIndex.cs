using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
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
/// same inputs build it once. Twelve bytes per dose and four per person beside the person-id table, and twelve more per
/// person when the records do not come person by person (the repeats' slots) or a linker hands register rows over
/// (their ids packed while indexing, in eight of the twelve, which the repeats take over): the first report in a process
/// pays for every fresh page it touches. The repeats are found while indexing, so a report of coverage alone pays for
/// them too (0.3–0.4 s at 10 M people in entry order), and data quality, which reports them, reads no record again.
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
    /// Flag: the dose repeats an earlier dose (in record order) of the same person id, date and product; set while
    /// indexing for the doses of register people, and for the others once <see cref="EnsureDuplicates"/> has run.
    /// </summary>
    internal const byte Duplicate = 0x20;

    // Units numbered (hash code) below this have their leaf in an array.
    private const int MaxSlots = 1 << 20;

    // A cell while indexing: a range's product number, with the dose's packed date above it (and Dated set) when the
    // date packs and the number is below 2^LocalBits.
    private const int Dated = 1 << 30;
    private const int LocalBits = 12;
    private const int DateMask = (1 << 18) - 1;

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

    private ReportIndex(RegisterPerson[] register, DoseEntry[] doses)
    {
        Register = register;
        Doses = doses;
        int n = register.Length, m = doses.Length;

        // 1. Person ids: the table of each id's first row (built on the cores), which marks the rows that repeat an id and,
        // when a linker hands register rows over, packs each row's id as it reads them; it builds in the memory of two
        // dose arrays, filled only afterwards.
        DosePerson = LargeArrays.Uninitialized<int>(m);
        DoseCell = LargeArrays.Uninitialized<int>(m);
        var repeated = LargeArrays.Zeroed<bool>(n);
        int doseParts = Partitions.For(m);
        var packedRows = RowsHandedOver(doses, doseParts) ? PackedIdsMemory(n) : null;
        _persons = new PersonTable(register, repeated, DoseCell, DosePerson, packedRows);

        // 2. Places of the people counted (a repeated row is neither counted nor placed): on the cores, each row's unit
        // number (its hash code) and each range's units in the order first met; the units' leaves, range by range (so in
        // register order, as one pass would meet them); then each row's leaf on the cores.
        PersonLeaf = LargeArrays.Uninitialized<int>(n);
        long duplicates = PlacePeople(register, repeated);
        People = n - (int)duplicates;
        DuplicatePersonIds = duplicates;

        // 3. Doses, in contiguous ranges: register row, flags, product (numbered per range, in the cell with the date until
        // the leaves are known), and the repeats among a row's doses while the rows rise (the records come person by person).
        DoseFlags = LargeArrays.Uninitialized<byte>(m);
        var repeatedBits = Bits(repeated);
        var localProducts = new Dictionary<string, int>[doseParts];
        var unplaced = new List<int>[doseParts];
        var unknown = new long[doseParts];
        var grouped = new bool[doseParts];
        var firstRow = new int[doseParts];
        var lastRow = new int[doseParts];
        var latestKey = new int[doseParts];
        var otherCalendar = new bool[doseParts];
        Partitions.Run(m, doseParts, (part, from, to) =>
        {
            var products = new Dictionary<string, int>(StringComparer.Ordinal);
            var without = new List<int>();
            var run = new List<(LocalDate Date, int Product)>();
            int runRow = -1;
            string? lastProduct = null;
            int lastNumber = -1;
            long unknownHere = 0;
            int last = -2;
            bool guessing = false;
            bool rising = true;
            int first = -1, previous = -1;
            int latestDate = int.MinValue;
            bool otherDates = false;
            var datesMet = new LocalDate[256];
            var packedDates = new int[256];
            Array.Fill(datesMet, LocalDate.MinIsoValue);
            Array.Fill(packedDates, -1);
            var dosePerson = DosePerson;
            var doseCell = DoseCell;
            var doseFlags = DoseFlags;
            var packedIds = packedRows is null ? default : MemoryMarshal.Cast<int, ulong>(packedRows.AsSpan(0, 2 * n));
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
            var wanted = new ulong[Block];
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
                    var entry = doses[start + k] ?? throw new ArgumentException($"Dose record {start + k} is null.", "input");
                    ids[k] = entry.PersonId;
                    hints[k] = entry.RegisterRow ?? -1;
                }

                int pending = 0, hinted = 0;
                for (int k = 0; k < count; k++)
                {
                    int row = -1;
                    if (ids[k] is not { } id)
                    {
                        rowOf[k] = -1;
                        continue;
                    }

                    // A row handed over by the linker, checked below with the block's others (a row whose id an earlier
                    // row has is never a dose's row: the id is looked up instead).
                    if ((uint)hints[k] < (uint)n && (repeatedBits[hints[k] >> 6] & (1UL << hints[k])) == 0)
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

                // The rows handed over, checked in stages whose loads do not wait for each other: the rows' packed ids
                // and the comparison with the records' ids packed; for a row whose id does not pack, the row's person,
                // its id and the comparison. A row that holds another id is looked up with the block's others.
                if (hinted > 0 && packedRows is not null)
                {
                    for (int h = 0; h < hinted; h++)
                    {
                        wanted[h] = packedIds[hints[hintAt[h]]];
                    }

                    int unpacked = 0;
                    for (int h = 0; h < hinted; h++)
                    {
                        int k = hintAt[h];
                        if (wanted[h] == PackedId.None)
                        {
                            hintAt[unpacked++] = k;
                        }
                        else if (wanted[h] == PackedId.Pack(ids[k]))
                        {
                            rowOf[k] = hints[k];
                        }
                        else
                        {
                            pendingIds[pending] = ids[k]!;
                            pendingAt[pending++] = k;
                        }
                    }

                    hinted = unpacked;
                }

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

                    // The latest date (so that a report as of a later date need not read the dates again) and the date
                    // packed for the repeats, each date's key taken once: a date met already (in a small table by its hash
                    // code) is skipped.
                    var doseDate = dose.Date;
                    int dateSlot = doseDate.GetHashCode() & 255;
                    if (datesMet[dateSlot] != doseDate)
                    {
                        datesMet[dateSlot] = doseDate;
                        int dateKey = IsoDateKey.Of(doseDate);
                        otherDates |= dateKey == IsoDateKey.None;
                        latestDate = Math.Max(latestDate, dateKey);
                        packedDates[dateSlot] = PackedDate(dateKey);
                    }

                    int outcome = (int)dose.Outcome;
                    flags |= (byte)(outcome is >= 1 and <= 5 ? outcome : 0);
                    int identity = (int)dose.IdentityNumber;
                    flags |= (byte)((identity is >= 0 and <= 2 ? identity : 3) << IdentityShift);

                    string product = dose.Product ?? throw new ArgumentException($"Dose record {i} has a null Product.", "input");
                    if (!ReferenceEquals(product, lastProduct))
                    {
                        if (!products.TryGetValue(product, out lastNumber))
                        {
                            lastNumber = products.Count < Dated ? products.Count : throw new NotSupportedException($"A report counts at most {Dated:N0} distinct products.");
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

                    dosePerson[i] = row;
                    doseCell[i] = DatedCell(lastNumber, packedDates[dateSlot]);
                    doseFlags[i] = flags;
                }
            }

            localProducts[part] = products;
            unplaced[part] = without;
            unknown[part] = unknownHere;
            grouped[part] = rising;
            firstRow[part] = first;
            lastRow[part] = previous;
            latestKey[part] = latestDate;
            otherCalendar[part] = otherDates;
        });

        LatestDoseKey = latestKey.Max();
        DatesInOtherCalendars = otherCalendar.Any(o => o);

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

        // 5. The repeats among the doses of register people when they do not come person by person (person by person they
        // were found above), while the cells still hold the dates: in the packed ids' memory when there is one.
        if (!byPerson)
        {
            FindRepeatsByRow(packedRows, maps, doseParts);
        }

        // 6. Places of doses of people the register does not hold: the commune written on the record. On the cores, the
        // records whose commune has a leaf already (read only); then, in record order, the others, which may add leaves,
        // so that the leaves are numbered as one pass in record order would number them.
        int bits = ProductBits;
        var unmet = new List<int>[doseParts];
        Partitions.Run(doseParts, doseParts, (part, _, _) =>
        {
            var map = maps[part];
            var doseCell = DoseCell;
            var later = new List<int>();
            foreach (int i in unplaced[part])
            {
                int leaf = KnownLeaf(doses[i].RecordCommune);
                if (leaf >= 0)
                {
                    doseCell[i] = (int)(((long)leaf << bits) | (uint)map[LocalProduct(doseCell[i])]);
                }
                else
                {
                    later.Add(i);
                }
            }

            unmet[part] = later;
        });

        for (int part = 0; part < doseParts; part++)
        {
            foreach (int i in unmet[part])
            {
                int leaf = Leaf(doses[i].RecordCommune);
                DoseCell[i] = (int)(((long)leaf << bits) | (uint)maps[part][LocalProduct(DoseCell[i])]);
            }
        }

        if (((long)_leafProvince.Count << bits) > int.MaxValue)
        {
            throw new NotSupportedException($"A report counts at most {int.MaxValue >> bits:N0} places with {Products.Length:N0} distinct products; these records name {_leafProvince.Count:N0} places.");
        }

        // 7. The cells of the other doses: their person's leaf and their product.
        Partitions.Run(m, doseParts, (part, from, to) =>
        {
            var map = maps[part];
            var dosePerson = DosePerson;
            var doseCell = DoseCell;
            var personLeaf = PersonLeaf;
            for (int i = from; i < to; i++)
            {
                int row = dosePerson[i];
                if (row >= 0)
                {
                    doseCell[i] = (personLeaf[row] << bits) | map[LocalProduct(doseCell[i])];
                }
            }
        });

        // 8. Person by person, the repeats of a row whose doses continue from one range into the next.
        if (byPerson)
        {
            int before = -1;
            for (int part = 0; part < doseParts; part++)
            {
                if (before >= 0)
                {
                    int start = Partitions.Start(m, doseParts, part), end = Partitions.Start(m, doseParts, part + 1);
                    for (int i = start; i < end; i++)
                    {
                        int row = DosePerson[i];
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
                            int other = DosePerson[j];
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

        LeafProvince = [.. _leafProvince];
        LeafCommune = [.. _leafCommune];
        LeafResidence = [.. _leafResidence];
    }

    /// <summary>The latest ISO date among the doses' dates as an <see cref="IsoDateKey"/> (below every key when there is none).</summary>
    internal int LatestDoseKey { get; }

    /// <summary>Whether a dose's date is in another calendar than the ISO one.</summary>
    internal bool DatesInOtherCalendars { get; }

    /// <summary>Whether some dose is dated after <paramref name="asOf"/> (true whenever a date is in another calendar).</summary>
    internal bool AnyDoseAfter(LocalDate asOf) =>
        DatesInOtherCalendars || IsoDateKey.Of(asOf) is var key && (key == IsoDateKey.None || LatestDoseKey > key);

    /// <summary>How many doses are dated after <paramref name="asOf"/> (counted on the cores only when some is).</summary>
    internal long DosesAfter(LocalDate asOf)
    {
        if (!AnyDoseAfter(asOf))
        {
            return 0;
        }

        var doses = Doses;
        int parts = Partitions.For(doses.Length), asOfKey = IsoDateKey.Of(asOf);
        var counts = new long[parts];
        Partitions.Run(doses.Length, parts, (part, from, to) =>
        {
            long after = 0;
            for (int i = from; i < to; i++)
            {
                after += IsoDateKey.After(doses[i].Date, asOf, asOfKey) ? 1 : 0;
            }

            counts[part] = after;
        });
        return counts.Sum();
    }

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

    /// <summary>Each dose's register row (the first row of its person id), or -1.</summary>
    internal int[] DosePerson { get; }

    /// <summary>
    /// Whether the doses of register people come person by person: their rows never fall in record order, so each row's
    /// doses are together (with doses of no register person between them at most).
    /// </summary>
    internal bool DosesGroupedByPerson { get; }

    /// <summary>
    /// Each dose's leaf and product in one number, <c>(leaf &lt;&lt; <see cref="ProductBits"/>) | product</c>: the leaf is
    /// its person's, or the commune written on it when the register does not hold the person; the product an index into
    /// <see cref="Products"/>.
    /// </summary>
    internal int[] DoseCell { get; }

    /// <summary>The bits of a cell that hold the product (enough for every product number).</summary>
    internal int ProductBits { get; }

    /// <summary>The mask of a cell's product.</summary>
    internal int ProductMask => (1 << ProductBits) - 1;

    /// <summary>Each dose's flags: <see cref="Valid"/>, <see cref="HasPersonId"/>, <see cref="Duplicate"/>, outcome and identity-number state.</summary>
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

        var index = new ReportIndex(Elements(register), Elements(doses));
        s_last.SetTarget(index);
        return index;
    }

    /// <summary>
    /// Marks every dose of a person id the register does not hold that repeats an earlier dose of the same id, date and
    /// product <see cref="Duplicate"/> (by a set, once); the repeats of register people were marked while indexing.
    /// </summary>
    internal void EnsureDuplicates()
    {
        lock (_duplicatesLock)
        {
            if (_duplicatesFound)
            {
                return;
            }

            if (DosesOfUnknownPeople > 0)
            {
                var person = DosePerson;
                var flags = DoseFlags;
                var seen = new HashSet<(string, LocalDate, string)>();
                for (int i = 0; i < Doses.Length; i++)
                {
                    if (person[i] < 0 && (flags[i] & HasPersonId) != 0)
                    {
                        var dose = Doses[i];
                        if (!seen.Add((dose.PersonId!, dose.Date, dose.Product)))
                        {
                            flags[i] |= Duplicate;
                        }
                    }
                }
            }

            _duplicatesFound = true;
        }
    }

    /// <summary>
    /// Marks the repeats of register people when the doses do not come person by person, while each cell still holds its
    /// dose's packed date and its range's product number (<see cref="DatedCell"/>): each core takes a contiguous range of
    /// rows and reads the doses' rows and cells in record order, keeping for each of its rows the first three distinct
    /// (date, product) pairs met, packed in one number each (<see cref="DoseKey"/>): a dose whose pair its row already holds
    /// repeats an earlier one. One access to the row's 12 bytes per dose, wherever the row lies, and none to the record.
    /// A row's fourth and later distinct pairs (a second booster) and the doses whose pair does not pack are kept in sets,
    /// compared exactly and more slowly.
    /// </summary>
    /// <param name="memory">The packed ids' memory (<see cref="PackedIdsMemory"/>), free once the doses are read, or null.</param>
    /// <param name="maps">Each dose range's product numbers to the report's.</param>
    /// <param name="doseParts">The dose ranges.</param>
    private void FindRepeatsByRow(int[]? memory, int[][] maps, int doseParts)
    {
        // One part per core: each reads every dose, for the rows of its own range.
        const int Slots = 3;
        int m = Doses.Length, n = Register.Length;
        int parts = Partitions.Cores(m);
        if ((long)n * Slots > Array.MaxLength)
        {
            throw new NotSupportedException($"A report checks repeated doses of at most {Array.MaxLength / Slots:N0} register rows.");
        }

        int[] seen;
        if (memory is not null && memory.Length >= n * Slots)
        {
            Partitions.Run(memory.Length, Partitions.For(memory.Length), (_, from, to) => Array.Clear(memory, from, to - from));
            seen = memory;
        }
        else
        {
            seen = LargeArrays.Zeroed<int>(n * Slots);
        }

        var doses = Doses;
        var person = DosePerson;
        var cell = DoseCell;
        var flags = DoseFlags;
        int bits = ProductBits;
        Partitions.Run(parts, parts, (part, _, _) =>
        {
            // The range's doses in blocks, in record order: their places and rows gathered (without a branch on the row),
            // then their cells read and their rows' slots touched in a loop whose loads do not wait for each other (the
            // slots lie anywhere in memory), then each dose checked in order against its row's slots.
            const int Block = 64;
            int low = Partitions.Start(n, parts, part), width = Partitions.Start(n, parts, part + 1) - low;
            var at = new int[Block + 1];
            var rows = new int[Block + 1];
            var cells = new int[Block];
            var touched = new int[Block];
            HashSet<long>? more = null;
            HashSet<(int Row, LocalDate Date, int Product)>? unpacked = null;
            int range = 0, rangeEnd = Partitions.Start(m, doseParts, 1);
            int count = 0;
            for (int i = 0; i < m; i++)
            {
                int row = person[i];
                at[count] = i;
                rows[count] = row;
                count += (uint)(row - low) < (uint)width ? 1 : 0;
                if (count == Block || (i == m - 1 && count > 0))
                {
                    Check(count);
                    count = 0;
                }
            }

            void Check(int count)
            {
                for (int b = 0; b < count; b++)
                {
                    cells[b] = cell[at[b]];
                    touched[b] = seen[rows[b] * Slots];
                }

                for (int b = 0; b < count; b++)
                {
                    int i = at[b], row = rows[b], packed = cells[b];
                    while (i >= rangeEnd)
                    {
                        range++;
                        rangeEnd = Partitions.Start(m, doseParts, range + 1);
                    }

                    int product = maps[range][LocalProduct(packed)];
                    int key = (packed & Dated) != 0 ? DoseKey((packed >> LocalBits) & DateMask, product, bits) : 0;
                    bool repeat;
                    if (key == 0)
                    {
                        repeat = !(unpacked ??= []).Add((row, doses[i].Date, product));
                    }
                    else
                    {
                        ref int slot = ref seen[row * Slots];
                        repeat = false;
                        int k = 0;
                        for (; k < Slots; k++)
                        {
                            int held = Unsafe.Add(ref slot, k);
                            if (held == key)
                            {
                                repeat = true;
                                break;
                            }

                            if (held == 0)
                            {
                                Unsafe.Add(ref slot, k) = key;
                                break;
                            }
                        }

                        if (k == Slots)
                        {
                            repeat = !(more ??= []).Add(((long)row << 32) | (uint)key);
                        }
                    }

                    if (repeat)
                    {
                        flags[i] |= Duplicate;
                    }
                }
            }
        });
    }

    /// <summary>
    /// A date's <see cref="IsoDateKey"/> from 1 January 1800, below 2^18 for an ISO date from 1800 to 2311; -1 for any
    /// other date (compared exactly instead).
    /// </summary>
    private static int PackedDate(int key)
    {
        const int From1800 = 1800 << 9;
        return key != IsoDateKey.None && (uint)(key - From1800) <= DateMask ? key - From1800 : -1;
    }

    /// <summary>A cell while indexing: the range's product number, with the packed date when both fit.</summary>
    private static int DatedCell(int localProduct, int packedDate) =>
        packedDate >= 0 && localProduct < (1 << LocalBits) ? Dated | (packedDate << LocalBits) | localProduct : localProduct;

    /// <summary>The range's product number of a cell while indexing.</summary>
    private static int LocalProduct(int cell) => (cell & Dated) != 0 ? cell & ((1 << LocalBits) - 1) : cell;

    /// <summary>
    /// A dose's packed date (<see cref="PackedDate"/>) and product in one positive number, different for different
    /// pairs, when the product numbers fit in 12 bits; 0 otherwise (compared exactly instead).
    /// </summary>
    private static int DoseKey(int packedDate, int product, int productBits) =>
        productBits > LocalBits ? 0 : 1 + ((packedDate << productBits) | product);

    /// <summary>Whether two doses (of the same row) have the same product and date (in the same calendar).</summary>
    private bool SameDose(int i, int j) =>
        ((DoseCell[i] ^ DoseCell[j]) & ProductMask) == 0 && Doses[i].Date == Doses[j].Date;

    /// <summary>
    /// Whether a linker handed over register rows: the first record with a person id in some core's range carries one
    /// (records without a person id carry none, whoever linked them). Otherwise the rows any later record carries are
    /// checked against the register's ids as strings.
    /// </summary>
    internal static bool RowsHandedOver(DoseEntry[] doses, int parts)
    {
        for (int part = 0; part < parts; part++)
        {
            int from = Partitions.Start(doses.Length, parts, part), to = Partitions.Start(doses.Length, parts, part + 1);
            for (int i = from; i < to; i++)
            {
                var dose = doses[i];
                if (dose?.PersonId is not null)
                {
                    if (dose.RegisterRow is not null)
                    {
                        return true;
                    }

                    break;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The memory of the register rows' packed ids (<see cref="PackedId"/>), filled by the person-id table as it reads the
    /// ids: two <see cref="int"/>s per row, in an array of three per row (when that many fit in an array) that the
    /// repeats take over once the doses are read (<see cref="FindRepeatsByRow"/>), so that a first report touches 8 bytes
    /// per row fewer fresh pages.
    /// </summary>
    private static int[] PackedIdsMemory(int n) =>
        LargeArrays.Uninitialized<int>((long)n * 3 <= Array.MaxLength ? n * 3 : n * 2);

    /// <summary>
    /// The flags as bits, 64 to a number: the rows handed over are checked against them at random, and a register's bits
    /// (1.25 MB at 10 M rows) stay in a core's cache where its flags (10 MB) do not.
    /// </summary>
    private static ulong[] Bits(bool[] flags)
    {
        var bits = new ulong[(flags.Length + 63) >> 6];
        Partitions.Run(bits.Length, Partitions.For(flags.Length), (_, from, to) =>
        {
            for (int w = from; w < to; w++)
            {
                ulong word = 0;
                int first = w << 6, count = Math.Min(64, flags.Length - first);
                for (int b = 0; b < count; b++)
                {
                    word |= flags[first + b] ? 1UL << b : 0;
                }

                bits[w] = word;
            }
        });

        return bits;
    }

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
        int known = KnownLeaf(residence);
        if (known >= 0)
        {
            return known;
        }

        int slot = residence.GetHashCode();
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

    /// <summary>The leaf of a residence met already (by its slot), or -1; reads only, so the cores may ask at once.</summary>
    private int KnownLeaf(AdministrativeUnit residence)
    {
        // The hash code is the unit's dense catalogue number, so the slot is almost always the unit's own; it is checked.
        int slot = residence.GetHashCode();
        var leafOfSlot = _leafOfSlot;
        return (uint)slot < (uint)leafOfSlot.Length && leafOfSlot[slot] > 0 && _unitOfSlot[slot] == residence ? leafOfSlot[slot] - 1 : -1;
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
