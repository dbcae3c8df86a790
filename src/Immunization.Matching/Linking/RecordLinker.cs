using Immunization.Matching.Comparators;
using Ardalis.GuardClauses;
using Immunization.Matching.Configuration;
using Immunization.Matching.Deduplication;
using Immunization.Matching.Scoring;
using Immunization.Matching.Engine;
using Immunization.Matching.Tables;

namespace Immunization.Matching.Linking;

/// <summary>Options of one linking or de-duplication run.</summary>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly record struct LinkageOptions
{
    /// <summary>
    /// Gets whether the m probabilities are counted from the labelled candidate pairs (the configuration's truth) instead of
    /// being estimated by EM. Accuracy measured this way is optimistic: the model has seen the answers.
    /// </summary>
    public bool TrainOnTruth { get; init; }
}

/// <summary>
/// The general record-linkage engine: links two tables, or finds duplicates in one, as a compiled <see cref="MatchPlan"/> says.
/// </summary>
/// <remarks>
/// <para>
/// A run interns every compared value once, generates candidate pairs from the blocking rules (each pair once), compares
/// each pair into a packed pattern of levels, estimates u from random pairs and m by EM, scores every pair, and decides:
/// a match at or above the match weight, review between the review and match weights.
/// </para>
/// </remarks>
/// <threadsafety>Instances are immutable; runs on different threads do not interfere.</threadsafety>
public sealed class RecordLinker
{
    private readonly MatchPlan _plan;

    /// <summary>Initializes an engine for a compiled plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    public RecordLinker(MatchPlan plan)
    {
        _plan = Guard.Against.Null(plan);
    }

    /// <summary>Links the records of <paramref name="left"/> to those of <paramref name="right"/>.</summary>
    /// <param name="left">The first table.</param>
    /// <param name="right">The second table.</param>
    /// <param name="options">The run's options.</param>
    /// <returns>The matched pairs, the pairs for review, the fitted model and, with truth, the accuracy.</returns>
    /// <exception cref="ArgumentNullException">A table is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A table lacks a column that the plan reads; the message names it.</exception>
    /// <exception cref="InvalidOperationException">Blocking produced more candidate pairs than the configuration allows.</exception>
    public LinkageResult Link(RecordTable left, RecordTable right, LinkageOptions options = default)
    {
        Guard.Against.Null(left);
        Guard.Against.Null(right);
        var session = new LinkageSession(_plan, left, right, options.TrainOnTruth);
        var decision = _plan.Source.Decision ?? new DecisionConfiguration();
        var (matches, reviews) = Decide(session, decision.MatchWeight, decision.ReviewWeight ?? decision.MatchWeight);
        if (decision.OneToOne)
        {
            matches = OneToOne(matches, session.LeftCount, session.RightCount);
        }

        TruthEvaluation? evaluation = null;
        if (session.TruthKeys is { } truth)
        {
            var (truePairs, blocked) = session.TruthCounts();
            long tp = 0;
            foreach (var pair in matches)
            {
                if (session.IsTrue(truth, pair.Left, pair.Right))
                {
                    tp++;
                }
            }

            evaluation = new TruthEvaluation(truePairs, blocked, matches.Length, tp);
        }

        return new LinkageResult(session, matches, reviews, evaluation);
    }

    /// <summary>Finds the records of <paramref name="records"/> that belong to one entity, as clusters.</summary>
    /// <param name="records">The table.</param>
    /// <param name="options">The run's options.</param>
    /// <returns>The matched pairs, the clusters, the fitted model and, with truth, the pairwise accuracy of the clusters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The table lacks a column that the plan reads; the message names it.</exception>
    /// <exception cref="InvalidOperationException">Blocking produced more candidate pairs than the configuration allows.</exception>
    /// <remarks>
    /// Pairs join clusters from the heaviest down. With an exclusive field configured, a join that would put two values of
    /// that field more than one edit apart in one cluster is refused, so weak links cannot chain two different people
    /// together: values one edit apart (Damerau-Levenshtein 1: one character substituted, inserted, deleted, or two adjacent
    /// characters swapped, as in a mistyped identity number) may share a cluster, provided every value of the one cluster is
    /// within one edit of every value of the other.
    /// </remarks>
    public DeduplicationResult Deduplicate(RecordTable records, LinkageOptions options = default)
    {
        Guard.Against.Null(records);
        var session = new LinkageSession(_plan, records, null, options.TrainOnTruth);
        var decision = _plan.Source.Decision ?? new DecisionConfiguration();
        var (matches, reviews) = Decide(session, decision.MatchWeight, decision.ReviewWeight ?? decision.MatchWeight);
        int[]? exclusive = null;
        Func<int, int, bool>? close = null;
        if (_plan.ExclusiveField >= 0)
        {
            var field = session.Fields[_plan.ExclusiveField];
            exclusive = field.Ids[0];
            // A one-edit typo of the exclusive value (an identity number mistyped once) does not make another entity.
            close = (x, y) => DamerauLevenshtein.Distance(field.Values[x], field.Values[y], 1) <= 1;
        }

        var sets = new UnionFind(records.Count, exclusive, close);
        var refused = 0;
        foreach (var pair in matches)
        {
            if (!sets.TryUnion(pair.Left, pair.Right))
            {
                refused++;
            }
        }

        var clusters = new int[records.Count];
        var clusterOfRoot = new Dictionary<int, int>();
        for (var i = 0; i < clusters.Length; i++)
        {
            var root = sets.Find(i);
            if (!clusterOfRoot.TryGetValue(root, out var cluster))
            {
                cluster = clusterOfRoot.Count;
                clusterOfRoot.Add(root, cluster);
            }

            clusters[i] = cluster;
        }

        TruthEvaluation? evaluation = null;
        if (session.TruthKeys is { } truth)
        {
            var (truePairs, blocked) = session.TruthCounts();
            var sizes = new Dictionary<int, long>();
            var together = new Dictionary<(int, int), long>();
            for (var i = 0; i < clusters.Length; i++)
            {
                sizes[clusters[i]] = sizes.GetValueOrDefault(clusters[i]) + 1;
                if (truth[0][i] >= 0)
                {
                    var key = (clusters[i], truth[0][i]);
                    together[key] = together.GetValueOrDefault(key) + 1;
                }
            }

            long predicted = 0, tp = 0;
            foreach (var size in sizes.Values)
            {
                predicted += size * (size - 1) / 2;
            }

            foreach (var size in together.Values)
            {
                tp += size * (size - 1) / 2;
            }

            evaluation = new TruthEvaluation(truePairs, blocked, predicted, tp);
        }

        return new DeduplicationResult(session, matches, reviews, clusters, clusterOfRoot.Count, refused, evaluation);
    }

    /// <summary>Pairs at or above the match weight (heaviest first), and pairs in the review band.</summary>
    private static (ScoredPair[] Matches, ScoredPair[] Reviews) Decide(LinkageSession session, double matchWeight, double reviewWeight)
    {
        var matches = new List<ScoredPair>();
        var reviews = new List<ScoredPair>();
        var weights = session.Weights;
        for (var p = 0; p < weights.Length; p++)
        {
            var w = weights[p];
            if (w >= reviewWeight)
            {
                var pair = new ScoredPair(session.Pairs.LeftIndexes[p], session.Pairs.RightIndexes[p], w);
                (w >= matchWeight ? matches : reviews).Add(pair);
            }
        }

        // Heaviest first; ties in the canonical record order, so that the outcome does not depend on the input order.
        var leftRanks = session.LeftRanks;
        var rightRanks = session.RightRanks;
        var sameTable = session.SameTable;
        int Compare(ScoredPair a, ScoredPair b)
        {
            var c = b.Weight.CompareTo(a.Weight);
            if (c != 0)
            {
                return c;
            }

            var (a1, a2) = (leftRanks[a.Left], rightRanks[a.Right]);
            var (b1, b2) = (leftRanks[b.Left], rightRanks[b.Right]);
            if (sameTable)
            {
                (a1, a2) = (Math.Min(a1, a2), Math.Max(a1, a2));
                (b1, b2) = (Math.Min(b1, b2), Math.Max(b1, b2));
            }

            c = a1.CompareTo(b1);
            return c != 0 ? c : a2.CompareTo(b2);
        }

        var result = matches.ToArray();
        Array.Sort(result, Compare);
        var review = reviews.ToArray();
        Array.Sort(review, Compare);
        return (result, review);
    }

    private static ScoredPair[] OneToOne(ScoredPair[] sortedMatches, int leftCount, int rightCount)
    {
        var leftUsed = new bool[leftCount];
        var rightUsed = new bool[rightCount];
        var kept = new List<ScoredPair>();
        foreach (var pair in sortedMatches)
        {
            if (!leftUsed[pair.Left] && !rightUsed[pair.Right])
            {
                leftUsed[pair.Left] = true;
                rightUsed[pair.Right] = true;
                kept.Add(pair);
            }
        }

        return [.. kept];
    }
}
