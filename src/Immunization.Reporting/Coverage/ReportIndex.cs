using Immunization.Core.Places;
using Immunization.Core.Records;
using NodaTime;

namespace Immunization.Reporting.Coverage;

/// <summary>
/// The register and the dose records normalised once into flat arrays, so that coverage, data quality and the work lists
/// count with integers instead of looking up strings: each register row's reporting place (a "leaf", one distinct pair
/// of new province and commune), each dose's register row, place, product number, day and flags. Built on 2 cores (the
/// person-id table in small parts by hash code, the doses in contiguous ranges) and kept for the last inputs seen
/// (weakly), so the three calculations over the same inputs build it once.
/// </summary>
/// <remarks>
/// The index holds copies of the two lists' element references: it is reused only when every element is the same
/// object as when it was built (the records are immutable), so a list changed in between is indexed again.
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

    /// <summary>Flag: the dose's date is not in the ISO calendar (its <see cref="DoseDay"/> does not tell the calendar).</summary>
    internal const byte OtherCalendar = 0x20;

    private static readonly WeakReference<ReportIndex?> s_last = new(null);

    private readonly PersonTable _persons;

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

        // 1. Person ids: the table of each id's first row (built on the cores), which marks the rows that repeat an id.
        var repeated = new bool[n];
        _persons = new PersonTable(register, repeated);

        // 2. Places of the people counted (a repeated row is neither counted nor placed), in register order.
        PersonLeaf = new int[n];
        long duplicates = 0;
        for (int i = 0; i < n; i++)
        {
            if (repeated[i])
            {
                duplicates++;
                PersonLeaf[i] = -1;
                continue;
            }

            PersonLeaf[i] = Leaf(register[i].Residence);
        }

        People = n - (int)duplicates;
        DuplicatePersonIds = duplicates;

        // 3. Doses, in contiguous ranges: register row, leaf (the person's), flags, day, product (numbered per part,
        // renumbered below).
        DosePerson = new int[m];
        DoseLeaf = new int[m];
        DoseProduct = new int[m];
        DoseDay = new int[m];
        DoseFlags = new byte[m];
        int doseParts = Partitions.For(m);
        var localProducts = new Dictionary<string, int>[doseParts];
        var unknown = new long[doseParts];
        var grouped = new bool[doseParts];
        var firstRow = new int[doseParts];
        var lastRow = new int[doseParts];
        var personLeaf = PersonLeaf;
        Partitions.Run(m, doseParts, (part, from, to) =>
        {
            var products = new Dictionary<string, int>(StringComparer.Ordinal);
            string? lastProduct = null;
            int lastNumber = -1;
            long unknownHere = 0;
            int last = -2;
            bool guessing = false;
            bool rising = true;
            int first = -1, previous = -1;
            var dosePerson = DosePerson;
            var doseLeaf = DoseLeaf;
            var doseProduct = DoseProduct;
            var doseDay = DoseDay;
            var doseFlags = DoseFlags;
            for (int i = from; i < to; i++)
            {
                var dose = doses[i];
                int row = -1;
                byte flags = dose.IsValid ? Valid : (byte)0;
                if (dose.PersonId is { } id)
                {
                    flags |= HasPersonId;

                    // Records often come person by person: while the last record's row or the next one matched, try
                    // them before the table (a row no earlier row repeats is the first row of its id).
                    if (guessing && !TryRow(id, last, out row) && !TryRow(id, last + 1, out row))
                    {
                        guessing = false;
                    }

                    if (row < 0)
                    {
                        row = _persons.Find(id);
                        guessing = row >= 0 && (row == last || row == last + 1);
                    }

                    if (row < 0)
                    {
                        unknownHere++;
                    }
                    else
                    {
                        last = row;
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

                dosePerson[i] = row;
                doseLeaf[i] = row >= 0 ? personLeaf[row] : -1;
                doseProduct[i] = lastNumber;
                var date = dose.Date;
                doseDay[i] = (((date.Year * 16) + date.Month) * 32) + date.Day;
                doseFlags[i] = date.Calendar == CalendarSystem.Iso ? flags : (byte)(flags | OtherCalendar);
            }

            localProducts[part] = products;
            unknown[part] = unknownHere;
            grouped[part] = rising;
            firstRow[part] = first;
            lastRow[part] = previous;
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

        // 4. Places of doses of people the register does not hold: the commune written on the record.
        for (int i = 0; i < m; i++)
        {
            if (DoseLeaf[i] < 0)
            {
                DoseLeaf[i] = Leaf(doses[i].RecordCommune);
            }
        }

        // 5. Products numbered in ordinal order.
        Products = [.. localProducts.SelectMany(p => p.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var number = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Products.Length; i++)
        {
            number[Products[i]] = i;
        }

        Partitions.Run(m, doseParts, (part, from, to) =>
        {
            var map = new int[localProducts[part].Count];
            foreach (var (product, local) in localProducts[part])
            {
                map[local] = number[product];
            }

            for (int i = from; i < to; i++)
            {
                DoseProduct[i] = map[DoseProduct[i]];
            }
        });

        LeafProvince = [.. _leafProvince];
        LeafCommune = [.. _leafCommune];
        LeafResidence = [.. _leafResidence];
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

    /// <summary>Each dose's leaf: its person's, or the commune written on it when the register does not hold the person.</summary>
    internal int[] DoseLeaf { get; }

    /// <summary>Each dose's product, an index into <see cref="Products"/>.</summary>
    internal int[] DoseProduct { get; }

    /// <summary>Each dose's date as one number (year, month, day): equal dates give equal numbers, and so do unequal dates of
    /// different calendars, which are flagged <see cref="OtherCalendar"/>.</summary>
    internal int[] DoseDay { get; }

    /// <summary>Each dose's flags: <see cref="Valid"/>, <see cref="HasPersonId"/>, <see cref="OtherCalendar"/>, outcome and identity-number state.</summary>
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

        var index = new ReportIndex(register.ToArray(), doses.ToArray());
        s_last.SetTarget(index);
        return index;
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

        const int MaxSlots = 1 << 20;
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

    private static bool Same<T>(IReadOnlyList<T> list, T[] indexed)
        where T : class
    {
        if (list.Count != indexed.Length)
        {
            return false;
        }

        if (list is T[] array)
        {
            for (int i = 0; i < array.Length; i++)
            {
                if (!ReferenceEquals(array[i], indexed[i]))
                {
                    return false;
                }
            }

            return true;
        }

        for (int i = 0; i < indexed.Length; i++)
        {
            if (!ReferenceEquals(list[i], indexed[i]))
            {
                return false;
            }
        }

        return true;
    }
}
