using Immunization.Matching.Scoring;
using Immunization.Matching.Engine;

namespace Immunization.Matching.Deduplication;

/// <summary>The outcome of de-duplicating one table: matched pairs and the clusters they form.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class DeduplicationResult
{
    private readonly LinkageSession _session;
    private readonly ScoredPair[] _matches;
    private readonly ScoredPair[] _reviews;
    private readonly int[] _clusters;

    internal DeduplicationResult(LinkageSession session, ScoredPair[] matches, ScoredPair[] reviews, int[] clusters, int clusterCount,
        int refusedJoins, TruthEvaluation? evaluation)
    {
        _session = session;
        _matches = matches;
        _reviews = reviews;
        _clusters = clusters;
        ClusterCount = clusterCount;
        RefusedJoins = refusedJoins;
        Evaluation = evaluation;
    }

    /// <summary>Gets the matched pairs, heaviest first.</summary>
    public IReadOnlyList<ScoredPair> Matches => _matches;

    /// <summary>Gets the pairs in the review band, heaviest first.</summary>
    public IReadOnlyList<ScoredPair> Reviews => _reviews;

    /// <summary>Gets the cluster of each record (0 to <see cref="ClusterCount"/> − 1), by record index.</summary>
    public IReadOnlyList<int> Clusters => _clusters;

    /// <summary>Gets the number of clusters (single records included).</summary>
    public int ClusterCount { get; }

    /// <summary>Gets how many matched pairs the chaining guard refused to join.</summary>
    public int RefusedJoins { get; }

    /// <summary>Gets the number of candidate pairs compared.</summary>
    public long CandidatePairs => _session.Pairs.Count;

    /// <summary>Gets the fitted model.</summary>
    public MatchModel Model => _session.Model;

    /// <summary>Gets the number of EM iterations run (0 when m came from labels).</summary>
    public int EmIterations => _session.EmIterations;

    /// <summary>Gets the pairwise accuracy of the clusters against the configuration's truth, or <see langword="null"/>.</summary>
    public TruthEvaluation? Evaluation { get; }

    /// <summary>Explains a pair's weight field by field.</summary>
    /// <param name="pair">A pair of this result (or any two record indexes).</param>
    /// <returns>The prior and each field's level and weight.</returns>
    public PairExplanation Explain(ScoredPair pair) => _session.Explain(pair);

    /// <summary>Explains a pair's weight field by field into a buffer of the caller's, allocating nothing (for writing many pairs).</summary>
    /// <param name="pair">A pair of this result (or any two record indexes).</param>
    /// <param name="fields">Receives each field's level and weight, in the configuration's order; at least one element per field.</param>
    /// <exception cref="ArgumentException"><paramref name="fields"/> is shorter than the number of fields.</exception>
    /// <remarks>The weight of the pair is <see cref="MatchModel.PriorWeight"/> plus the fields' weights, as <see cref="Explain(ScoredPair)"/> says.</remarks>
    public void Explain(ScoredPair pair, Span<FieldContribution> fields) => _session.Explain(pair, fields);
}
