using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Verification;

/// <summary>
/// A register split into shards (by person) for the cluster package: each shard is an index over its people that scores with
/// the whole register's statistics, so that merging the shards' best candidates and deciding once gives what one index over
/// the whole register gives.
/// </summary>
/// <remarks>
/// <para>
/// What an index computes from the whole register, and a shard therefore takes from it: the u probabilities and weights, the
/// full-name term-frequency weights, the birth-year weight, how many people share each of its people's folded name, birth year
/// and sex (the lookalike prior; keyed by the name's text, not by ids interned per index) (<see cref="ShardStatistics"/>), and
/// which blocks hold more than <see cref="RegisterMatchOptions.MaxBlockSize"/> people (a shard holds only a part of each block,
/// so it cannot count).
/// Name tokens are interned per shard: comparisons only test token ids for equality, and a token a shard does not know is
/// held by none of its people, so the levels are those of the whole register.
/// </para>
/// <para>
/// One more thing depends on the whole register: the first blocking key of a record is never skipped, and which key is first
/// depends on which name tokens the register knows at all. A shard therefore reports which tokens it knows
/// (<see cref="ShardProbe.KnownTokens"/>) and, when its own first key's block is too large in the whole, the best candidates
/// both with and without that key; <see cref="Merge"/> chooses with what all shards know.
/// </para>
/// </remarks>
public sealed partial class RegisterIndex
{
    /// <summary>The whole register's statistics for the people at <paramref name="persons"/> (indexes of this index).</summary>
    internal ShardStatistics StatisticsFor(IReadOnlyList<int> persons)
    {
        var names = new Dictionary<string, double>(StringComparer.Ordinal);
        var oversized = new int[persons.Count];
        Span<long> blockKeys = stackalloc long[KeysPerPerson];
        for (var i = 0; i < persons.Count; i++)
        {
            ref readonly var key = ref _keys[persons[i]];
            if (key.Name >= 0)
            {
                names.TryAdd(_tokens.Name(key.Name).ToString(), _nameExactWeights[key.Name]);
            }

            var n = BlockKeys(key, blockKeys);
            for (var k = 0; k < n; k++)
            {
                if (Block(blockKeys[k]).Length > _options.MaxBlockSize)
                {
                    oversized[i] |= 1 << k;
                }
            }
        }

        return new ShardStatistics(_u, _weights, _yearWeight, names, oversized, LookalikesFor(persons));
    }

    /// <summary>
    /// Builds the index of one shard: <paramref name="people"/> scored with <paramref name="statistics"/> (from
    /// <see cref="StatisticsFor"/> over the same people, in the same order).
    /// </summary>
    internal static RegisterIndex BuildShard(IReadOnlyList<IdentityRecord> people, ShardStatistics statistics, RegisterMatchOptions options)
    {
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameTexts = new List<string>();
        var ids = new string[people.Count];
        var keys = new IdentityKey[people.Count];
        for (var i = 0; i < people.Count; i++)
        {
            ids[i] = people[i].Id;
            keys[i] = IdentityKeys.KeyOf(people[i], tokens, places, nameTexts, intern: true);
        }

        var nameExact = new double[nameTexts.Count];
        for (var v = 0; v < nameExact.Length; v++)
        {
            nameExact[v] = statistics.NameWeights.TryGetValue(nameTexts[v], out var w)
                ? w
                : throw new ArgumentException("The statistics lack the name weight of a shard's person; they belong to another shard.", nameof(statistics));
        }

        var oversized = new HashSet<long>();
        Span<long> blockKeys = stackalloc long[KeysPerPerson];
        for (var i = 0; i < keys.Length; i++)
        {
            if (statistics.OversizedKeys[i] == 0)
            {
                continue;
            }

            var n = BlockKeys(keys[i], blockKeys);
            for (var k = 0; k < n; k++)
            {
                if ((statistics.OversizedKeys[i] & (1 << k)) != 0)
                {
                    oversized.Add(blockKeys[k]);
                }
            }
        }

        return new RegisterIndex(ids, keys, [.. nameTexts], tokens, places, options,
            (statistics.U, statistics.Weights, nameExact, statistics.YearWeight), oversized, statistics.Lookalikes);
    }

    /// <summary>The best two candidates of this shard for <paramref name="record"/> (see <see cref="ShardProbe"/>).</summary>
    internal ShardProbe Probe(IdentityRecord record)
    {
        if (!record.IsVietnameseCitizen)
        {
            return new ShardProbe(0, [], null, [], 0);
        }

        var key = IdentityKeys.KeyOf(record, _tokens, _places);
        var nameText = record.Name.MatchingKey;
        var shape = Shape(key);
        Span<long> blockKeys = stackalloc long[KeysPerPerson];
        Span<long> shapeKeys = stackalloc long[KeysPerPerson];
        var n = BlockKeys(key, blockKeys);
        _ = BlockKeys(shape, shapeKeys);
        List<long>? oversized = null;
        for (var k = 0; k < n && _oversized is not null; k++)
        {
            if (Block(blockKeys[k]).Length > 0 && _oversized.Contains(blockKeys[k]))
            {
                (oversized ??= []).Add(shapeKeys[k]);
            }
        }

        var exempt = Top(key, nameText, exemptFirst: true);
        // Only when the first key's block is too large in the whole does it matter whether it is the record's first key there.
        var notExempt = oversized is { Count: > 0 } && oversized[0] == shapeKeys[0] ? Top(key, nameText, exemptFirst: false) : null;
        return new ShardProbe(KnownTokens(key), exempt, notExempt, oversized is null ? [] : [.. oversized], n > 0 ? shapeKeys[0] : 0);
    }

    /// <summary>
    /// Decides <paramref name="record"/> against its best candidate, the person at <paramref name="best"/> of this shard, with the
    /// runner-up found by <see cref="Merge"/> across all shards.
    /// </summary>
    internal RecordLink DecideShard(IdentityRecord record, int best, double runnerUp, Rival? rival, int skipped)
    {
        var key = IdentityKeys.KeyOf(record, _tokens, _places);
        return Decide(record, key, record.Name.MatchingKey, best, runnerUp, rival, skipped);
    }

    /// <summary>
    /// Merges the probes of all shards for one record: the best candidate and the runner-up over all of them, in the order of
    /// one index over the whole register (heavier first, then the smaller person id), and the number of skipped blocks.
    /// </summary>
    /// <returns>The shard of the best candidate (−1 when there is none), the best, the runner-up and the skipped keys.</returns>
    internal static ShardMerge Merge(IdentityRecord record, IReadOnlyList<ShardProbe> probes)
    {
        if (!record.IsVietnameseCitizen)
        {
            return new ShardMerge(-1, default, null, 0);
        }

        // The record's key as the whole register sees it: its tokens known wherever a shard knows them.
        var known = 0;
        foreach (var probe in probes)
        {
            known |= probe.KnownTokens;
        }

        var whole = IdentityKeys.KeyOf(record, s_noTokens, s_noTokens, null, intern: false);
        whole = Shape(whole, known);
        Span<long> wholeKeys = stackalloc long[KeysPerPerson];
        var n = BlockKeys(whole, wholeKeys);
        var first = n > 0 ? wholeKeys[0] : 0;
        var skippedKeys = new HashSet<long>();
        foreach (var probe in probes)
        {
            foreach (var k in probe.OversizedKeys)
            {
                if (k != first)
                {
                    skippedKeys.Add(k);
                }
            }
        }

        var bestShard = -1;
        ShardCandidate best = default, second = default;
        var haveSecond = false;
        for (var s = 0; s < probes.Count; s++)
        {
            var probe = probes[s];
            // The shard's own first key is exempt from skipping only if it is the record's first key in the whole register.
            var top = probe.NotExempt is not null && probe.FirstKey != first ? probe.NotExempt : probe.Exempt;
            foreach (var c in top)
            {
                if (bestShard < 0 || Before(c, best))
                {
                    if (bestShard >= 0)
                    {
                        second = best;
                        haveSecond = true;
                    }

                    best = c;
                    bestShard = s;
                }
                else if (!haveSecond || Before(c, second))
                {
                    second = c;
                    haveSecond = true;
                }
            }
        }

        return new ShardMerge(bestShard, best, haveSecond ? second : null, skippedKeys.Count);
    }

    // An empty token table (only read): every token of a record looks unknown, as to a register that knows none.
    private static readonly Dictionary<string, int> s_noTokens = new(StringComparer.Ordinal);

    private static bool Before(in ShardCandidate a, in ShardCandidate b) =>
        a.Weight > b.Weight || (a.Weight == b.Weight && string.CompareOrdinal(a.Person.PersonId, b.Person.PersonId) < 0);

    private ShardCandidate[] Top(in IdentityKey key, string nameText, bool exemptFirst)
    {
        var (best, bestWeight, runnerUp, second, _) = BestCandidates(key, nameText, exclude: -1, exemptFirst);
        if (best < 0)
        {
            return [];
        }

        var first = new ShardCandidate(best, bestWeight, RivalOf(best));
        return second < 0 ? [first] : [first, new ShardCandidate(second, runnerUp, RivalOf(second))];
    }

    private Rival RivalOf(int person)
    {
        ref readonly var p = ref _keys[person];
        return new Rival(_ids[person], p.CitizenIdValid, p.CitizenId, p.CitizenIdLength);
    }

    // Bits of the token fields that blocking keys are built from: set when the field holds a token this index knows.
    private static int KnownTokens(in IdentityKey key) =>
        (key.Name >= 0 ? 1 : 0) | (key.Family >= 0 ? 2 : 0) | (key.Middle >= 0 ? 4 : 0) | (key.Given >= 0 ? 8 : 0)
        | (key.Sorted >= 0 ? 16 : 0) | (key.Province >= 0 ? 32 : 0) | (key.Commune >= 0 ? 64 : 0);

    // The key with every known token replaced by 0: its blocking keys say which rules the record has, comparable between indexes.
    private static IdentityKey Shape(IdentityKey key) => Shape(key, KnownTokens(key));

    private static IdentityKey Shape(IdentityKey key, int known)
    {
        static int Token(int id, bool isKnown) => isKnown ? 0 : id == IdentityKey.Missing ? IdentityKey.Missing : IdentityKey.Unknown;
        key.Name = Token(key.Name, (known & 1) != 0);
        key.Family = Token(key.Family, (known & 2) != 0);
        key.Middle = Token(key.Middle, (known & 4) != 0);
        key.Given = Token(key.Given, (known & 8) != 0);
        key.Sorted = Token(key.Sorted, (known & 16) != 0);
        key.Province = Token(key.Province, (known & 32) != 0);
        key.Commune = Token(key.Commune, (known & 64) != 0);
        key.CommuneParts = null;
        return key;
    }

    /// <summary>What the decision needs of a candidate that may live in another shard.</summary>
    internal readonly record struct Rival(string PersonId, bool CitizenIdValid, long CitizenId, byte CitizenIdLength);

    /// <summary>A shard's candidate: its index in the shard, its weight, and its id and identity number.</summary>
    internal readonly record struct ShardCandidate(int Index, double Weight, Rival Person);

    /// <summary>
    /// A shard's answer for one record: which token fields it knows (bits), its best two candidates with its first blocking key
    /// exempt from skipping, and (only when that key's block is too large in the whole register) without; the shapes of the
    /// keys too large in the whole, and the shape of its first key.
    /// </summary>
    internal sealed record ShardProbe(int KnownTokens, ShardCandidate[] Exempt, ShardCandidate[]? NotExempt, long[] OversizedKeys, long FirstKey);

    /// <summary>The merge of all shards' probes: the best's shard (−1 none), the best, the runner-up, and the skipped keys.</summary>
    internal readonly record struct ShardMerge(int Shard, ShardCandidate Best, ShardCandidate? RunnerUp, int SkippedBlocks);
}
