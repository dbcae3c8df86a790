using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Matching.Comparators;
using Immunization.Matching.Scoring;
using Immunization.Core.Records;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Verification;

/// <summary>
/// The population register, indexed once for linking vaccination records: compact integer keys per person, blocking keys in
/// a hash table, and a Fellegi-Sunter model whose u probabilities come from the register itself.
/// </summary>
/// <remarks>
/// <para>
/// Candidates are the union of nine blocking keys: the identity number; the phone; family and given name in either order
/// with the birth year; the name's syllables in any order with the birth year; given name with the commune; full name with
/// day and month of birth; family name with the full date of birth; given name with the full date of birth; given name with
/// the birth year and sex. A record thus finds its person through any one error-free pair of
/// fields, whatever else was mistyped. Blocks larger than <see cref="RegisterMatchOptions.MaxBlockSize"/> are skipped
/// (counted in <see cref="RecordLink.SkippedBlocks"/>).
/// </para>
/// <para>
/// Each candidate is scored on six fields (identity number, name, date of birth, sex, phone, residence); agreement on a
/// full name weighs by its frequency in the register. The best candidate is the record's person when its weight reaches
/// the match weight, leads the runner-up by the ambiguity margin, and does not hold a different valid identity number; and,
/// when it shares the record's folded full name, birth year and sex, when the record's other evidence also leads the people
/// who share them, in the register and outside it, by the ambiguity margin (<see cref="RegisterMatchOptions.UnregisteredShare"/>).
/// </para>
/// </remarks>
/// <threadsafety>Immutable once built; <see cref="Link"/> may be called from several threads at once.</threadsafety>
public sealed partial class RegisterIndex
{
    private const int KeysPerPerson = 9;
    private const int KeyChunkSize = 1 << 15;
    private const int KeyBatchSize = 4_096;
    private readonly PersonIds _ids;
    private readonly IdentityKey[] _keys;
    private readonly TokenTable _tokens;
    private readonly TokenTable _places;
    private readonly BlockTable _blocks;
    private readonly double[][] _weights;
    private readonly double[] _nameExactWeights;
    private readonly double _yearWeight;
    private readonly double[][] _u;
    private readonly RegisterMatchOptions _options;
    private readonly ThreadLocal<Scratch> _scratch;
    private readonly HashSet<long>? _oversized;

    // How many people of the whole register share each folded full name, birth year and sex (the lookalike prior).
    private readonly LookalikeTable _lookalikes;

    // The register's model and lookalike counts (a shard of a larger register passes the whole register's, and which of its
    // blocks are too large in the whole); the blocking table when already built.
    private RegisterIndex(string[] ids, IdentityKey[] keys, string[] nameTexts, Dictionary<string, int> tokens, Dictionary<string, int> places,
        RegisterMatchOptions options, (double[][] U, double[][] Weights, double[] NameExactWeights, double YearWeight) model, HashSet<long>? oversized,
        LookalikeTable lookalikes, BlockTable? blocks = null)
    {
        _ids = new PersonIds(ids);
        _keys = keys;
        _tokens = new TokenTable(tokens);
        _places = new TokenTable(places);
        _options = options;
        _blocks = blocks ?? BuildBlocks(keys);
        (_u, _weights, _nameExactWeights, _yearWeight) = model;
        _oversized = oversized;
        _lookalikes = lookalikes;
        _scratch = new ThreadLocal<Scratch>(() => new Scratch());
    }

    /// <summary>Gets the number of people in the index.</summary>
    public int Count => _ids.Count;

    /// <summary>Gets the options the index decides with.</summary>
    public RegisterMatchOptions Options => _options;

    /// <summary>Gets the id of the person at <paramref name="index"/>.</summary>
    /// <param name="index">The person's index, 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The person's id.</returns>
    public string PersonId(int index) => _ids[index];

    /// <summary>Builds an index over the register.</summary>
    /// <param name="people">The register's people, each once; their ids should be distinct.</param>
    /// <param name="options">The thresholds; <see langword="null"/> for the defaults.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="people"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A person's id is not valid Unicode text (a lone surrogate): the index keeps ids as UTF-8.</exception>
    public static RegisterIndex Build(IEnumerable<IdentityRecord> people, RegisterMatchOptions? options = null)
    {
        Guard.Against.Null(people);
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameTexts = new List<string>();
        var ids = new List<string>();
        // The keys (about 120 B a person) go into fixed chunks copied once into the final array: a growing list would hold
        // up to twice the keys, and its copy a third time, at the peak of the build.
        var keyChunks = new List<IdentityKey[]>();
        var chunk = new IdentityKey[KeyChunkSize];
        var inChunk = 0;
        var batch = new IdentityRecord[KeyBatchSize];
        var batchKeys = new IdentityKey[KeyBatchSize];
        var inBatch = 0;

        // Keys are made a batch at a time on all cores against the tokens interned so far (read only meanwhile); then, in
        // register order on this thread, the few keys holding a token not seen before intern their name or places. Token ids
        // are thus handed out in the order of first appearance, as interning person by person did: the same keys and bytes.
        void AddBatch()
        {
            Parallel.For(0, inBatch, i => batchKeys[i] = IdentityKeys.KeyOf(batch[i], tokens, places, null, intern: false));
            for (var i = 0; i < inBatch; i++)
            {
                ref var key = ref batchKeys[i];
                var person = batch[i];
                if (key.Name == IdentityKey.Unknown || key.Given == IdentityKey.Unknown || key.Family == IdentityKey.Unknown
                    || key.Middle == IdentityKey.Unknown || key.Sorted == IdentityKey.Unknown)
                {
                    IdentityKeys.SetName(ref key, person.Name, tokens, nameTexts, intern: true);
                }

                if (key.Province == IdentityKey.Unknown || key.Commune == IdentityKey.Unknown
                    || (key.CommuneParts is { } parts && Array.IndexOf(parts, IdentityKey.Unknown) >= 0))
                {
                    IdentityKeys.SetResidence(ref key, person.ProvinceCode, person.CommuneCode, person.CommuneCodeParts, places, intern: true);
                }

                if (inChunk == KeyChunkSize)
                {
                    keyChunks.Add(chunk);
                    chunk = new IdentityKey[KeyChunkSize];
                    inChunk = 0;
                }

                ids.Add(person.Id);
                chunk[inChunk++] = key;
            }

            Array.Clear(batch, 0, inBatch);
            inBatch = 0;
        }

        foreach (var person in people)
        {
            batch[inBatch++] = person;
            if (inBatch == KeyBatchSize)
            {
                AddBatch();
            }
        }

        AddBatch();
        var keys = new IdentityKey[ids.Count];
        for (var c = 0; c < keyChunks.Count; c++)
        {
            keyChunks[c].CopyTo(keys, c * KeyChunkSize);
            keyChunks[c] = [];
        }

        Array.Copy(chunk, 0, keys, keyChunks.Count * KeyChunkSize, inChunk);
        var settings = options ?? new RegisterMatchOptions();
        string[] idArray = [.. ids];
        ids.Clear();
        string[] names = [.. nameTexts];
        // The blocking table, the lookalike counts and the model read the keys only: made at once on all cores.
        var blocks = Task.Run(() => BuildBlocks(keys));
        var lookalikes = Task.Run(() => BuildLookalikes(keys, names));
        var model = EstimateModel(keys, names, CanonicalOrder(idArray), settings.RandomPairs);
        return new RegisterIndex(idArray, keys, names, tokens, places, settings, model, null, lookalikes.GetAwaiter().GetResult(),
            blocks.GetAwaiter().GetResult());
    }

    /// <summary>Links one record to the register.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The outcome, the best candidate, the differences and the explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public RecordLink Link(IdentityRecord record)
    {
        Guard.Against.Null(record);
        if (!record.IsVietnameseCitizen)
        {
            return new RecordLink(new RecordVerification(record.Id, null, VerificationOutcome.NotApplicable, [], double.NaN), -1, double.NaN, []);
        }

        var key = IdentityKeys.KeyOf(record, _tokens, _places);
        var nameText = record.Name.MatchingKey;
        var (best, _, runnerUp, second, skipped) = BestCandidates(key, nameText, exclude: -1);
        if (best < 0)
        {
            return new RecordLink(new RecordVerification(record.Id, null, VerificationOutcome.NotFound, [], double.NaN), -1, double.NaN, [], skippedBlocks: skipped);
        }

        return Decide(record, key, nameText, best, runnerUp, null, skipped, second);
    }

    /// <summary>
    /// Decides a record's outcome once its best candidate (a person of this index) and the runner-up (from this index or, in a
    /// sharded register, from another shard's) are known: the one decision policy of the matcher.
    /// </summary>
    /// <remarks>
    /// On one index, the runner-up is <paramref name="second"/> (a person of this index, −1 none) and <paramref name="rival"/> is
    /// <see langword="null"/>: its id is made only when the decision names it (a tie), not for every record.
    /// </remarks>
    internal RecordLink Decide(IdentityRecord record, in IdentityKey key, string nameText, int best, double runnerUp, Rival? rival, int skipped,
        int second = -1)
    {
        Span<int> levels = stackalloc int[IdentityLevels.FieldCount];
        Levels(key, nameText, best, levels);
        var explanation = new FieldContribution[IdentityLevels.FieldCount];
        var agrees = IdentityLevels.IdentityAgrees(levels[0], levels[1], levels[2]);
        for (var f = 0; f < levels.Length; f++)
        {
            explanation[f] = levels[f] < 0
                ? new FieldContribution(IdentityLevels.FieldNames[f], "missing", 0)
                : new FieldContribution(IdentityLevels.FieldNames[f], IdentityLevels.Labels[f][levels[f]], Weight(key, f, levels[f], best, agrees));
        }

        // The exact weight of the best candidate (its score may have skipped the name similarity test when low).
        var bestWeight = 0.0;
        foreach (var contribution in explanation)
        {
            bestWeight += contribution.Weight;
        }

        var differences = Differences(key, best, levels, record.UnreadableFields);
        VerificationOutcome outcome;
        AmbiguityReason? reason = null;
        var tie = !double.IsNaN(runnerUp) && runnerUp >= _options.ReviewWeight && bestWeight - runnerUp < _options.AmbiguityMargin;
        if (tie)
        {
            // The runner-up's id is handed out only for a tie, so it is made only then.
            rival ??= second >= 0 ? RivalOf(second) : null;
        }

        if (bestWeight < _options.ReviewWeight)
        {
            outcome = VerificationOutcome.NotFound;
        }
        else if (levels[(int)IdentityField.CitizenId] == IdentityLevels.CitizenIdDifferent && key.CitizenIdValid && _keys[best].CitizenIdValid)
        {
            // A different valid identity number is never explained away by the other fields: a person decides.
            outcome = VerificationOutcome.Ambiguous;
            reason = AmbiguityReason.DifferentValidCitizenId;
        }
        else if (tie)
        {
            outcome = VerificationOutcome.Ambiguous;
            reason = rival is { } r && r.CitizenIdValid && _keys[best].CitizenIdValid
                && r.CitizenId == _keys[best].CitizenId && r.CitizenIdLength == _keys[best].CitizenIdLength
                ? AmbiguityReason.SharedCitizenId
                : AmbiguityReason.Tie;
        }
        else if (bestWeight < _options.MatchWeight)
        {
            outcome = VerificationOutcome.Ambiguous;
            reason = AmbiguityReason.ReviewBand;
        }
        else if (LookalikeLead(key, best, levels, bestWeight, runnerUp) < _options.AmbiguityMargin)
        {
            // The record's evidence beyond its name, birth year and sex does not tell the candidate from the lookalikes the
            // register holds, and the ones it does not hold (people outside the register with the same name and year).
            outcome = VerificationOutcome.Ambiguous;
            reason = AmbiguityReason.Lookalikes;
        }
        else if (IdentityLevels.NumberOnly(levels[(int)IdentityField.CitizenId], levels[(int)IdentityField.FullName], levels[(int)IdentityField.DateOfBirth]))
        {
            // The number's weight alone carries the candidate past the match weight against a name and a birth date that both
            // disagree: the number may be another person's (a relative's, or a mistake of entry). A person decides.
            outcome = VerificationOutcome.Ambiguous;
            reason = AmbiguityReason.CitizenIdOnly;
        }
        else
        {
            outcome = differences.Length == 0 ? VerificationOutcome.Verified : VerificationOutcome.Differs;
        }

        if (outcome == VerificationOutcome.NotFound)
        {
            return new RecordLink(new RecordVerification(record.Id, null, outcome, [], bestWeight), -1, runnerUp, explanation, skippedBlocks: skipped);
        }

        return new RecordLink(
            new RecordVerification(record.Id, _ids[best], outcome, ImmutableCollectionsMarshal.AsImmutableArray(differences), bestWeight, reason),
            best, runnerUp, explanation, tie ? rival?.PersonId : null, skipped);
    }

    /// <summary>Returns whether blocking makes the person <paramref name="personId"/> a candidate for <paramref name="record"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="personId">A person's id.</param>
    /// <returns><see langword="true"/> when the person comes out of blocking, before any scoring.</returns>
    /// <remarks>For diagnostics, such as measuring how many records find their true person among the candidates.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="personId"/> is <see langword="null"/>.</exception>
    public bool IsCandidate(IdentityRecord record, string personId)
    {
        Guard.Against.Null(record);
        Guard.Against.Null(personId);
        var key = IdentityKeys.KeyOf(record, _tokens, _places);
        foreach (var p in Candidates(key, _scratch.Value!, out _))
        {
            if (_ids.IdEquals(p, personId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The people that blocking makes candidates for <paramref name="record"/>, each once (for tests).</summary>
    internal int[] Candidates(IdentityRecord record)
    {
        var key = IdentityKeys.KeyOf(record, _tokens, _places);
        return Candidates(key, _scratch.Value!, out _).ToArray();
    }

    /// <summary>
    /// The weight a lookup scores person <paramref name="person"/> with for <paramref name="record"/> when nothing is skipped for
    /// the runner-up so far (for tests: the lookup's best two must be these weights' best two).
    /// </summary>
    internal double CandidateWeight(IdentityRecord record, int person) =>
        Score(IdentityKeys.KeyOf(record, _tokens, _places), record.Name.MatchingKey, person, _options.ReviewWeight, double.NegativeInfinity);

    /// <summary>
    /// The other people of this index whose weight against person <paramref name="index"/> reaches <paramref name="minWeight"/>
    /// (used to find duplicates when the index is built over records).
    /// </summary>
    internal void Neighbours(int index, double minWeight, List<(int Other, double Weight)> result)
    {
        result.Clear();
        var key = _keys[index];
        var nameText = key.Name >= 0 ? _tokens.Name(key.Name).ToString() : "";
        var scratch = _scratch.Value!;
        var candidates = Candidates(key, scratch, out _);
        foreach (var p in candidates)
        {
            if (p == index)
            {
                continue;
            }

            var w = Score(key, nameText, p, minWeight, double.NegativeInfinity);
            if (w >= minWeight && !NumberOnly(key, nameText, p))
            {
                result.Add((p, w));
            }
        }
    }

    // The decision's `citizen_id_only` for a pair of index entries: only the number agrees, the name and the birth date both
    // differ outright (levels computed here only for pairs that reach the weight; the name last, it is the dearest).
    private bool NumberOnly(in IdentityKey q, string nameText, int person)
    {
        ref readonly var p = ref _keys[person];
        var idLevel = IdentityComparison.CitizenIdBcd(q.CitizenIdBcd, q.CitizenIdLength, p.CitizenIdBcd, p.CitizenIdLength);
        var dateLevel = IdentityComparison.DateOfBirth(q.DateOfBirth, p.DateOfBirth);
        if (!IdentityLevels.NumberOnly(idLevel, IdentityLevels.NameDifferent, dateLevel))
        {
            return false;
        }

        var nameLevel = p.Name < 0 ? -1 : IdentityComparison.Name(q, p, nameText, _tokens.Name(p.Name));
        return IdentityLevels.NumberOnly(idLevel, nameLevel, dateLevel);
    }

    /// <summary>The valid identity number of a person as (digits, length), for the chaining guard; length 0 when none.</summary>
    internal (long Digits, int Length) CitizenIdOf(int index) =>
        _keys[index].CitizenIdValid ? (_keys[index].CitizenId, _keys[index].CitizenIdLength) : (0, 0);

    /// <summary>Gets the fitted u probability of a field's level (for tests and explanations).</summary>
    internal double U(IdentityField field, int level) => _u[(int)field][level];

    private (int Best, double BestWeight, double RunnerUp, int RunnerUpIndex, int SkippedBlocks) BestCandidates(in IdentityKey key,
        string nameText, int exclude, bool exemptFirst = true)
    {
        var scratch = _scratch.Value!;
        var candidates = Candidates(key, scratch, exemptFirst, out var skipped);
        var best = -1;
        var second = -1;
        var bestWeight = double.NegativeInfinity;
        var runnerUp = double.NegativeInfinity;
        for (var start = 0; start < candidates.Length; start += TouchChunk)
        {
            var chunk = candidates.Slice(start, Math.Min(TouchChunk, candidates.Length - start));
            scratch.Touched += TouchKeys(chunk);
            foreach (var p in chunk)
            {
                if (p == exclude)
                {
                    continue;
                }

                // A candidate that cannot reach the runner-up changes nothing: its name similarity test is skipped.
                var w = Score(key, nameText, p, _options.ReviewWeight, runnerUp);
                // Ties go to the smaller person id, so that the outcome does not depend on the order of the register.
                if (w > bestWeight || (w == bestWeight && best >= 0 && _ids.Precedes(p, best)))
                {
                    runnerUp = bestWeight;
                    second = best;
                    bestWeight = w;
                    best = p;
                }
                else if (w > runnerUp || (w == runnerUp && second >= 0 && _ids.Precedes(p, second)))
                {
                    runnerUp = w;
                    second = p;
                }
            }
        }

        return (best, bestWeight, double.IsNegativeInfinity(runnerUp) ? double.NaN : runnerUp, second, skipped);
    }

    // Far above the rounding of a sum of six weights in another order (about 1e-14 bits), far below any weight that matters.
    private const double BoundSlack = 1e-9;

    // Candidates whose keys are read ahead at a time (64 keys of 96 B: well inside the first-level cache).
    private const int TouchChunk = 64;

    /// <summary>
    /// Reads a field at the start, middle and end of each candidate's key: in a large register every key is a cache miss,
    /// and these independent loads overlap, where the scoring loop, long and branchy, waits for one key after another (at
    /// 1 M people with the ninth blocking key, a lookup scores about 80 candidates). The sum only keeps the loads.
    /// </summary>
    private int TouchKeys(ReadOnlySpan<int> candidates)
    {
        var keys = _keys;
        var sum = 0;
        foreach (var p in candidates)
        {
            ref readonly var k = ref keys[p];
            sum += k.Sex + (int)k.PhoneBcd + (k.CommuneParts is null ? 0 : 1);
        }

        return sum;
    }

    private ReadOnlySpan<int> Candidates(in IdentityKey key, Scratch scratch, out int skipped) => Candidates(key, scratch, exemptFirst: true, out skipped);

    private ReadOnlySpan<int> Candidates(in IdentityKey key, Scratch scratch, bool exemptFirst, out int skipped)
    {
        skipped = 0;
        Span<long> blockKeys = stackalloc long[KeysPerPerson];
        var n = BlockKeys(key, blockKeys);
        Span<int> slots = stackalloc int[KeysPerPerson];
        FindBlocks(blockKeys[..n], slots, scratch);
        var count = 0;
        var max = _options.MaxBlockSize;
        scratch.StartSet();
        for (var k = 0; k < n; k++)
        {
            var members = _blocks.Members(slots[k]);
            // A shard skips the blocks that are too large in the whole register (see RegisterIndex.Shard.cs).
            var oversized = _oversized is null ? members.Length > max : members.Length > 0 && _oversized.Contains(blockKeys[k]);
            if (oversized && (k > 0 || !exemptFirst))
            {
                skipped++;
                continue;
            }

            foreach (var p in members)
            {
                scratch.AddNew(ref count, p);
            }
        }

        return scratch.Candidates.AsSpan(0, count);
    }

    /// <summary>
    /// The match weight of a record against a person. The name's similarity test, the costly part, runs only when its
    /// outcome matters: when even a "similar" name could not lift the weight to <paramref name="bound"/>, the weight
    /// returned is the lower one of the fallback level (a candidate that low never decides anything); and when no name level
    /// but exact could lift it to <paramref name="skipBelow"/> (the runner-up so far), the weight returned is the fallback's,
    /// below <paramref name="skipBelow"/> as the similar level's would have been, so the lookup's best two do not change.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Score(in IdentityKey q, string nameText, int person, double bound, double skipBelow)
    {
        ref readonly var p = ref _keys[person];
        var idLevel = IdentityComparison.CitizenIdBcd(q.CitizenIdBcd, q.CitizenIdLength, p.CitizenIdBcd, p.CitizenIdLength);
        var idWeight = idLevel >= 0 ? _weights[0][idLevel] : 0.0;
        var dateLevel = IdentityComparison.DateOfBirth(q.DateOfBirth, p.DateOfBirth);
        var dateWeight = dateLevel >= 0 ? DateWeight(q, p, dateLevel) : 0.0;
        var level = IdentityComparison.Sex(q.Sex, p.Sex);
        var sexWeight = level >= 0 ? _weights[3][level] : 0.0;
        var w = idWeight + dateWeight + sexWeight;

        // Contact evidence: added below only when the identity evidence agrees (a disagreeing phone or place always counts).
        var phone = 0.0;
        level = IdentityComparison.PhoneBcd(q.PhoneBcd, p.PhoneBcd);
        if (level >= 0)
        {
            phone = _weights[4][level];
        }

        var residence = 0.0;
        level = IdentityComparison.Residence(q, p);
        if (level >= 0)
        {
            residence = _weights[5][level];
        }

        var nameLevel = p.Name < 0 ? -1 : IdentityComparison.NameWithoutSimilarity(q, p);
        if (nameLevel == IdentityComparison.NeedsSimilarity)
        {
            var names = _weights[1];
            // An upper bound of the weight with a "similar" name: contact counted in full.
            var rest = w + phone + residence;
            nameLevel = rest + names[IdentityLevels.NameSimilar] < bound
                || rest + Math.Max(names[IdentityLevels.NameSimilar], Math.Max(names[IdentityLevels.NameGivenOnly], names[IdentityLevels.NameDifferent]))
                    < skipBelow - BoundSlack
                ? IdentityComparison.NameFallback(q, p)
                : IdentityComparison.NamesSimilar(nameText, _tokens.Name(p.Name), IdentityLevels.NameSimilarThreshold)
                    ? IdentityLevels.NameSimilar
                    : IdentityComparison.NameFallback(q, p);
        }

        var nameWeight = nameLevel == IdentityLevels.NameExact ? _nameExactWeights[p.Name] : nameLevel > 0 ? _weights[1][nameLevel] : 0.0;

        if (!IdentityLevels.IdentityAgrees(idLevel, nameLevel, dateLevel))
        {
            phone = Math.Min(phone, 0);
            residence = Math.Min(residence, 0);
        }

        // Summed in field order, as the explanation is, so that equal candidates get bit-identical weights.
        return idWeight + nameWeight + dateWeight + sexWeight + phone + residence;
    }

    /// <summary>
    /// The weight of a date-of-birth level: an agreement as far as both sides know the date weighs by what it pins down
    /// (a year only, about one pair of people in sixty, weighs far less than a full date).
    /// </summary>
    private double DateWeight(in IdentityKey q, in IdentityKey p, int level)
    {
        if (level is IdentityLevels.DateExact or IdentityLevels.DateCompatible)
        {
            var known = Math.Min(DatePrecisionOf(q.DateOfBirth), DatePrecisionOf(p.DateOfBirth));
            if (known == 0)
            {
                return _yearWeight;
            }

            if (known == 1)
            {
                return _yearWeight + MonthBits;
            }
        }

        return _weights[2][level];
    }

    // log2(12): agreeing on the month too.
    private const double MonthBits = 3.584962500721156;

    /// <summary>0 year only, 1 year and month, 2 full date.</summary>
    private static int DatePrecisionOf(int packed) => ((packed >> 5) & 0xF) == 0 ? 0 : (packed & 0x1F) == 0 ? 1 : 2;

    private void Levels(in IdentityKey q, string nameText, int person, Span<int> levels)
    {
        ref readonly var p = ref _keys[person];
        levels[0] = IdentityComparison.CitizenIdBcd(q.CitizenIdBcd, q.CitizenIdLength, p.CitizenIdBcd, p.CitizenIdLength);
        levels[1] = p.Name < 0 ? -1 : IdentityComparison.Name(q, p, nameText, _tokens.Name(p.Name));
        levels[2] = IdentityComparison.DateOfBirth(q.DateOfBirth, p.DateOfBirth);
        levels[3] = IdentityComparison.Sex(q.Sex, p.Sex);
        levels[4] = IdentityComparison.PhoneBcd(q.PhoneBcd, p.PhoneBcd);
        levels[5] = IdentityComparison.Residence(q, p);
    }

    private double Weight(in IdentityKey q, int field, int level, int person, bool identityAgrees) => field switch
    {
        (int)IdentityField.FullName when level == IdentityLevels.NameExact => _nameExactWeights[_keys[person].Name],
        (int)IdentityField.DateOfBirth => DateWeight(q, _keys[person], level),
        (int)IdentityField.Phone or (int)IdentityField.Residence when !identityAgrees => Math.Min(_weights[field][level], 0),
        _ => _weights[field][level],
    };

    // More than any record can differ by: the identity number at most five kinds, each other key field two.
    private const int MaxDifferences = 16;

    private IdentityDifference[] Differences(in IdentityKey q, int person, ReadOnlySpan<int> levels, int unreadable)
    {
        ref readonly var p = ref _keys[person];
        // Collected on the stack; only a record that differs gets an array, of its exact size.
        Span<IdentityDifference> found = stackalloc IdentityDifference[MaxDifferences];
        var count = 0;
        var registerUnreadable = p.Unreadable;

        var idLevel = levels[(int)IdentityField.CitizenId];
        var recordIdInvalid = (q.CitizenIdLength != 0 && !q.CitizenIdValid
            && (idLevel < 0 || idLevel == IdentityLevels.CitizenIdExact || idLevel == IdentityLevels.CitizenIdDifferent))
            || q.CitizenIdUnreadable;
        if (recordIdInvalid)
        {
            // Digits without the structure of a CCCD or CMND, and not a recognisable typo of the register's number.
            found[count++] = new IdentityDifference(IdentityField.CitizenId, DifferenceKind.Invalid);
        }

        if (p.CitizenIdLength != 0 && !p.CitizenIdValid)
        {
            // The register's own number lacks the structure of a CCCD or CMND: it cannot confirm anything.
            found[count++] = new IdentityDifference(IdentityField.CitizenId, DifferenceKind.InvalidInRegister);
        }
        else if (!recordIdInvalid)
        {
            CheckField(found, ref count, IdentityField.CitizenId, q.CitizenIdLength == 0, p.CitizenIdLength == 0, idLevel, unreadable, registerUnreadable);
        }
        else if (p.CitizenIdLength == 0)
        {
            CheckField(found, ref count, IdentityField.CitizenId, recordMissing: false, registerMissing: true, idLevel, unreadable, registerUnreadable);
        }

        var beforeCccdCheck = count;
        if (q.CitizenIdValid && q.CitizenIdLength == 12 && idLevel != IdentityLevels.CitizenIdExact)
        {
            // A CCCD encodes sex and birth year: one that contradicts the register person's is probably someone else's number.
            var sexCentury = (int)(q.CitizenId / 100_000_000 % 10);
            var year = 1900 + (100 * (sexCentury / 2)) + (int)(q.CitizenId / 1_000_000 % 100);
            var sex = (byte)(sexCentury % 2 == 0 ? 1 : 2);
            if (p.Sex != 0 && p.Sex != sex)
            {
                found[count++] = new IdentityDifference(IdentityField.CitizenId, DifferenceKind.InconsistentSex);
            }

            if (p.DateOfBirth != 0 && (p.DateOfBirth >> 9) != year)
            {
                found[count++] = new IdentityDifference(IdentityField.CitizenId, DifferenceKind.InconsistentBirthYear);
            }
        }

        if (q.CitizenIdValid && p.CitizenIdValid && q.CitizenIdLength != p.CitizenIdLength && count == beforeCccdCheck)
        {
            // A CCCD against a CMND: the two numberings cannot be compared digit by digit, so the number confirms nothing and
            // the record is never `verified` on it (the record's CCCD, if it is one, did not contradict the person above).
            found[count++] = new IdentityDifference(IdentityField.CitizenId, DifferenceKind.Compatible);
        }

        CheckField(found, ref count, IdentityField.FullName, q.Name == IdentityKey.Missing, p.Name < 0, levels[(int)IdentityField.FullName],
            unreadable, registerUnreadable);
        if (levels[(int)IdentityField.FullName] == IdentityLevels.NameExact && q.TonedHash != p.TonedHash)
        {
            found[count++] = new IdentityDifference(IdentityField.FullName, DifferenceKind.ToneMarks);
        }

        CheckField(found, ref count, IdentityField.DateOfBirth, q.DateOfBirth == 0, p.DateOfBirth == 0, levels[(int)IdentityField.DateOfBirth],
            unreadable, registerUnreadable);
        CheckField(found, ref count, IdentityField.Sex, q.Sex == 0, p.Sex == 0, levels[(int)IdentityField.Sex], unreadable, registerUnreadable);
        return count == 0 ? [] : found[..count].ToArray();
    }

    /// <summary>
    /// A key field counts as agreement only when both sides hold a readable value that agrees: a gap or unreadable text on
    /// either side is named, with its side, so that such a record is never verified.
    /// </summary>
    private static void CheckField(Span<IdentityDifference> found, ref int count, IdentityField field, bool recordMissing, bool registerMissing,
        int level, int unreadable, int registerUnreadable)
    {
        var bit = 1 << (int)field;
        if (recordMissing)
        {
            // Text that did not parse is not an empty field: the register's value may be right, the record's needs fixing.
            found[count++] = new IdentityDifference(field, (unreadable & bit) != 0 ? DifferenceKind.Invalid : DifferenceKind.Missing);
        }

        if (registerMissing)
        {
            found[count++] = new IdentityDifference(field,
                (registerUnreadable & bit) != 0 ? DifferenceKind.InvalidInRegister : DifferenceKind.MissingInRegister);
        }

        if (!recordMissing && !registerMissing && level > 0)
        {
            found[count++] = new IdentityDifference(field, IdentityLevels.DifferenceKinds[(int)field][level]);
        }
    }

    /// <summary>
    /// Person indexes sorted by a hash of the person id, then the id: random pairs drawn in this order do not depend on
    /// the order of the register.
    /// </summary>
    private static int[] CanonicalOrder(string[] ids)
    {
        var hashes = new ulong[ids.Length];
        var order = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            hashes[i] = IdentityKeys.Hash(ids[i]);
            order[i] = i;
        }

        Array.Sort(hashes, order);
        // Equal hashes (practically never) are put in id order.
        for (var i = 1; i < order.Length; i++)
        {
            for (var k = i; k > 0 && hashes[k] == hashes[k - 1] && string.CompareOrdinal(ids[order[k]], ids[order[k - 1]]) < 0; k--)
            {
                (order[k], order[k - 1]) = (order[k - 1], order[k]);
            }
        }

        return order;
    }

    private static int BlockKeys(in IdentityKey key, Span<long> keys)
    {
        var n = 0;
        var year = key.DateOfBirth >> 9;
        var monthDay = key.DateOfBirth & 0x1FF;
        var fullDate = (key.DateOfBirth & 0x1F) != 0 && ((key.DateOfBirth >> 5) & 0xF) != 0;
        if (key.CitizenIdLength != 0)
        {
            keys[n++] = Mix(1, key.CitizenId, key.CitizenIdLength);
        }

        if (key.PhoneBcd != 0)
        {
            keys[n++] = Mix(2, key.Phone, 0);
        }

        if (key.Given >= 0 && key.Family >= 0 && year != 0)
        {
            keys[n++] = Mix(3, ((long)Math.Min(key.Family, key.Given) << 32) | (uint)Math.Max(key.Family, key.Given), year);
        }

        if (key.Given >= 0 && key.Commune >= 0)
        {
            keys[n++] = Mix(4, key.Given, key.Commune);
        }

        if (key.Sorted >= 0 && year != 0)
        {
            keys[n++] = Mix(8, key.Sorted, year);
        }

        if (key.Name >= 0 && fullDate)
        {
            keys[n++] = Mix(5, key.Name, monthDay);
        }

        if (key.Family >= 0 && fullDate)
        {
            keys[n++] = Mix(6, key.Family, key.DateOfBirth);
        }

        if (key.Given >= 0 && fullDate)
        {
            keys[n++] = Mix(7, key.Given, key.DateOfBirth);
        }

        // Given name, birth year and sex: finds the person when a typo in the family or middle name comes together with a
        // birth date known only to the year (every other name key then breaks). Large for popular given names: capped by
        // MaxBlockSize like the others.
        if (key.Given >= 0 && year != 0 && key.Sex != 0)
        {
            keys[n++] = Mix(9, key.Given, ((long)year << 2) | key.Sex);
        }

        return n;
    }

    private static long Mix(int rule, long a, long b)
    {
        var h = ((ulong)rule * 0x9E3779B97F4A7C15UL) ^ (ulong)a;
        h = (h ^ (h >> 31)) * 0xBF58476D1CE4E5B9UL;
        h ^= (ulong)b + 0x632BE59BD9B4E019UL;
        h = (h ^ (h >> 29)) * 0x94D049BB133111EBUL;
        return (long)(h ^ (h >> 32));
    }

    private static BlockTable BuildBlocks(IdentityKey[] keys)
    {
        var blockKeys = new long[keys.Length * KeysPerPerson];
        var members = new int[blockKeys.Length];
        var count = 0;
        Span<long> buffer = stackalloc long[KeysPerPerson];
        for (var i = 0; i < keys.Length; i++)
        {
            var n = BlockKeys(keys[i], buffer);
            for (var k = 0; k < n; k++)
            {
                blockKeys[count] = buffer[k];
                members[count] = i;
                count++;
            }
        }

        return new BlockTable(blockKeys, members, count);
    }

    /// <summary>
    /// A lookup's buffers: the candidates, and a small open-addressing set that keeps each person once. Its size follows the
    /// lookup's blocks (a few hundred slots for most), not the register: a thread that links holds a few KB, whatever the
    /// register's size (a stamp per register person cost 4 MB a thread at 1 M people).
    /// </summary>
    private sealed class Scratch
    {
        private const int MinSetSize = 256;
        private int[] _set = new int[MinSetSize];
        private int _mask = MinSetSize - 1;

        /// <summary>Gets or sets the sum of the fields <see cref="TouchKeys"/> read (kept so that the loads are not removed).</summary>
        public int Touched { get; set; }

        public int[] Candidates { get; private set; } = new int[256];

        /// <summary>Empties the set for a lookup (only the part the last lookup used needs clearing).</summary>
        public void StartSet()
        {
            Array.Clear(_set, 0, _mask + 1);
            _mask = MinSetSize - 1;
        }

        /// <summary>Adds <paramref name="person"/> to the candidates unless the lookup already has it (first come, first kept).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddNew(ref int count, int person)
        {
            if (Insert(person))
            {
                Add(ref count, person);
                if (2 * count > _mask + 1)
                {
                    Grow(count);
                }
            }
        }

        // Stored as index + 1 (0 is empty), at a multiplicative hash of the index, probing linearly.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool Insert(int person)
        {
            var set = _set;
            var mask = _mask;
            var value = person + 1;
            var slot = (int)(((uint)person * 0x9E3779B9u) >> 12) & mask;
            while (true)
            {
                var at = set[slot];
                if (at == value)
                {
                    return false;
                }

                if (at == 0)
                {
                    set[slot] = value;
                    return true;
                }

                slot = (slot + 1) & mask;
            }
        }

        // Twice the slots, and the candidates so far put back: the set stays at most half full.
        private void Grow(int count)
        {
            var size = 2 * (_mask + 1);
            if (size > _set.Length)
            {
                _set = new int[size];
            }
            else
            {
                Array.Clear(_set, 0, size);
            }

            _mask = size - 1;
            for (var i = 0; i < count; i++)
            {
                Insert(Candidates[i]);
            }
        }

        private void Add(ref int count, int person)
        {
            if (count == Candidates.Length)
            {
                var larger = Candidates;
                Array.Resize(ref larger, larger.Length * 2);
                Candidates = larger;
            }

            Candidates[count++] = person;
        }
    }
}
