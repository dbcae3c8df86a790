using Immunization.Core.Identity;

namespace Immunization.Core.Schedules;

/// <summary>
/// What an antigen reads about a patient's observations and sex, compiled once when the antigen is built: every
/// observation code the antigen acts on gets a small number (its id, 0 to <see cref="Count"/> - 1), and the rules that
/// read observations (evidence of immunity, antigen and vaccine contraindications, the indications of each risk series)
/// are flat arrays and bit sets over those ids. The engine turns a patient's observations into ids once per antigen;
/// every later test is an integer comparison or a bit test, never a string comparison per series or dose.
/// </summary>
/// <remarks>Ids are local to the antigen, so an antigen can be shared between schedules.</remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
internal sealed class AntigenObservations
{
    private static readonly ulong[] s_none = [];
    private static int s_serials = -1;

    // The codes as an open-addressed table (linear probing, at most a quarter full) keyed by the ordinal hash the caller
    // computed once per patient observation for all antigens: a code not acted on usually meets an empty slot at once,
    // a known one is found by comparing one hash and one string; no hashing per antigen, no dictionary.
    private readonly int _mask;
    private readonly string?[] _slotCodes;
    private readonly int[] _slotHashes;
    private readonly int[] _slotIds;
    private readonly string[] _codes;

    // By process-wide code number (ObservationCodeNumbers): this antigen's id of the code, or -1.
    private readonly int[] _idByNumber;

    public AntigenObservations(Immunity immunity, IReadOnlyList<Contraindication> groupContraindications, IReadOnlyList<Contraindication> vaccineContraindications, IReadOnlyList<AntigenSeries> series)
    {
        // Numbered in a fixed order (immunity, contraindications, then each series), so ids do not depend on hashing.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int Id(string code)
        {
            if (!ids.TryGetValue(code, out var id))
            {
                id = ids.Count;
                ids.Add(code, id);
            }

            return id;
        }

        var clinical = new List<int>();
        foreach (var code in immunity.ClinicalHistoryCodes)
        {
            clinical.Add(Id(code));
        }

        var exclusions = new List<int>();
        foreach (var code in immunity.ExclusionCodes)
        {
            exclusions.Add(Id(code));
        }

        GroupContraindications = Compile(groupContraindications, Id);
        VaccineContraindications = Compile(vaccineContraindications, Id);
        Indications = new ObservationRule[series.Count][];
        SexMasks = new byte[series.Count];
        var indicationIds = new List<int>[series.Count];
        for (var seriesIndex = 0; seriesIndex < series.Count; seriesIndex++)
        {
            var one = series[seriesIndex];
            var rules = new ObservationRule[one.Indications.Count];
            indicationIds[seriesIndex] = new List<int>(rules.Length);
            for (var i = 0; i < rules.Length; i++)
            {
                var indication = one.Indications[i];
                rules[i] = new ObservationRule(Id(indication.ObservationCode), indication.BeginAge, indication.EndAge, []);
                indicationIds[seriesIndex].Add(rules[i].Id);
            }

            Indications[seriesIndex] = rules;
            foreach (var sex in one.RequiredSex)
            {
                SexMasks[seriesIndex] |= SexBit(sex);
            }

            // Intervals measured from an observation: the code counts as one the antigen acts on (no rule reads the id).
            foreach (var dose in one.Doses)
            {
                foreach (var interval in dose.PreferableIntervals)
                {
                    if (interval.FromObservation is { } code)
                    {
                        Id(code);
                    }
                }

                foreach (var interval in dose.AllowableIntervals)
                {
                    if (interval.FromObservation is { } code)
                    {
                        Id(code);
                    }
                }
            }
        }

        Count = ids.Count;
        GroupContraindicationBits = Bits([.. GroupContraindications.Select(r => r.Id)], Count);
        VaccineContraindicationBits = Bits([.. VaccineContraindications.Select(r => r.Id)], Count);
        ClinicalHistory = Bits(clinical, Count);
        Exclusions = Bits(exclusions, Count);
        IndicationBits = new ulong[series.Count][];
        for (var seriesIndex = 0; seriesIndex < series.Count; seriesIndex++)
        {
            IndicationBits[seriesIndex] = Bits(indicationIds[seriesIndex], Count);
        }

        SeriesByIndication = new ulong[Count];
        for (var seriesIndex = 0; seriesIndex < Math.Min(series.Count, 64); seriesIndex++)
        {
            foreach (var id in indicationIds[seriesIndex])
            {
                SeriesByIndication[id] |= 1UL << seriesIndex;
            }
        }

        AntigenBit = 1UL << (Interlocked.Increment(ref s_serials) & 63);
        _codes = [.. ids.Keys];
        var numbers = new int[_codes.Length];
        var maxNumber = -1;
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = ObservationCodeNumbers.Number(_codes[i], AntigenBit);
            maxNumber = Math.Max(maxNumber, numbers[i]);
        }

        _idByNumber = new int[maxNumber + 1];
        Array.Fill(_idByNumber, -1);
        for (var i = 0; i < numbers.Length; i++)
        {
            _idByNumber[numbers[i]] = ids[_codes[i]];
        }

        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, ids.Count * 4));
        _mask = size - 1;
        _slotCodes = new string?[size];
        _slotHashes = new int[size];
        _slotIds = new int[size];
        foreach (var (code, id) in ids)
        {
            var hash = StringComparer.Ordinal.GetHashCode(code);
            var slot = Slot(hash);
            while (_slotCodes[slot] is not null)
            {
                slot = (slot + 1) & _mask;
            }

            _slotCodes[slot] = code;
            _slotHashes[slot] = hash;
            _slotIds[slot] = id;
        }

        IsRisk = new bool[series.Count];
        for (var seriesIndex = 0; seriesIndex < series.Count; seriesIndex++)
        {
            IsRisk[seriesIndex] = series[seriesIndex].Type == SeriesType.Risk;
        }
    }

    /// <summary>How many observation codes the antigen acts on.</summary>
    public int Count { get; }

    /// <summary>
    /// This antigen's bit in <see cref="ObservationCodeNumbers.AntigenBits"/>: one of 64, by the order antigens are built
    /// in the process (its build serial modulo 64). The antigens of one schedule usually each have their own, but not
    /// always (several schedules loaded in one process share the serials): a clear bit is exact, a bit shared with another
    /// antigen only sends the check down the slower path that reads the antigen's own tables.
    /// </summary>
    public ulong AntigenBit { get; }

    /// <summary>The observation codes the antigen acts on (indications, contraindications, immunity, intervals from an observation).</summary>
    public IEnumerable<string> Codes => _codes;

    /// <summary>Evidence of immunity by clinical history, as a bit set over ids.</summary>
    public ulong[] ClinicalHistory { get; }

    /// <summary>Observations that exclude the birth-date presumption of immunity, as a bit set over ids.</summary>
    public ulong[] Exclusions { get; }

    /// <summary>Contraindications of the whole vaccine group, in the antigen's order.</summary>
    public ObservationRule[] GroupContraindications { get; }

    /// <summary>Contraindications of some vaccines, in the antigen's order.</summary>
    public ObservationRule[] VaccineContraindications { get; }

    /// <summary>The ids of <see cref="GroupContraindications"/> as bits (empty when there are none).</summary>
    public ulong[] GroupContraindicationBits { get; }

    /// <summary>The ids of <see cref="VaccineContraindications"/> as bits (empty when there are none).</summary>
    public ulong[] VaccineContraindicationBits { get; }

    /// <summary>Per series (by position in the antigen's series): its indications; empty for a series without.</summary>
    public ObservationRule[][] Indications { get; }

    /// <summary>Per series: the ids of its indications as a bit set (rejects a series in one test per patient observation).</summary>
    public ulong[][] IndicationBits { get; }

    /// <summary>
    /// Per id: the series (of the first 64) with an indication of that code, as bits of their positions. A series none of
    /// the patient's ids points at has no indication the patient has (one bit test instead of a loop per series).
    /// </summary>
    public ulong[] SeriesByIndication { get; }

    /// <summary>Per series: whether it is a risk series (relevant by indication only).</summary>
    public bool[] IsRisk { get; }

    /// <summary>Per series: the sexes it requires as bits of <see cref="SexBit"/>; 0 when it applies to everyone.</summary>
    public byte[] SexMasks { get; }

    /// <summary>The antigen's id of an observation code; false when the antigen does not act on it.</summary>
    /// <param name="code">The code.</param>
    /// <param name="hash">The code's ordinal hash (<see cref="StringComparer.Ordinal"/>), computed once by the caller for all antigens.</param>
    /// <param name="id">The id.</param>
    public bool TryGetId(string code, int hash, out int id)
    {
        for (var slot = Slot(hash); _slotCodes[slot] is { } known; slot = (slot + 1) & _mask)
        {
            if (_slotHashes[slot] == hash && string.Equals(known, code, StringComparison.Ordinal))
            {
                id = _slotIds[slot];
                return true;
            }
        }

        id = -1;
        return false;
    }

    /// <summary>The antigen's id of an observation code given by its process-wide number; -1 when the antigen does not act on it.</summary>
    /// <param name="number">The code's <see cref="ObservationCodeNumbers.Find"/> (-1 for a code no antigen acts on).</param>
    /// <returns>The id, or -1.</returns>
    public int LocalId(int number) => (uint)number < (uint)_idByNumber.Length ? _idByNumber[number] : -1;

    // The table's slot of a hash: its high bits mixed (this process's ordinal hashes are randomised, so any bits would do).
    private int Slot(int hash) => (int)(((uint)hash * 0x9E3779B1u) >> 16) & _mask;

    /// <summary>Whether <paramref name="id"/> is in the bit set.</summary>
    public static bool Has(ulong[] bits, int id) => (uint)(id >> 6) < (uint)bits.Length && (bits[id >> 6] & (1UL << id)) != 0;

    /// <summary>A sex as a bit of <see cref="SexMasks"/>.</summary>
    public static byte SexBit(Sex sex) => (byte)(1 << ((int)sex & 7));

    private static ObservationRule[] Compile(IReadOnlyList<Contraindication> contraindications, Func<string, int> id)
    {
        var rules = new ObservationRule[contraindications.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            var contraindication = contraindications[i];
            var cvx = new string[contraindication.Cvx.Count];
            for (var j = 0; j < cvx.Length; j++)
            {
                cvx[j] = contraindication.Cvx[j].Value;
            }

            rules[i] = new ObservationRule(id(contraindication.ObservationCode), contraindication.BeginAge, contraindication.EndAge, cvx);
        }

        return rules;
    }

    private static ulong[] Bits(List<int> ids, int count)
    {
        if (ids.Count == 0)
        {
            return s_none;
        }

        var bits = new ulong[(count + 63) / 64];
        foreach (var id in ids)
        {
            bits[id >> 6] |= 1UL << id;
        }

        return bits;
    }
}
