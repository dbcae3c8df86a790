using Immunization.Matching.Scoring;
using Immunization.Matching.Engine;

namespace Immunization.Matching.Linking;

/// <summary>The outcome of linking two tables.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class LinkageResult
{
    private readonly LinkageSession _session;
    private readonly ScoredPair[] _matches;
    private readonly ScoredPair[] _reviews;

    internal LinkageResult(LinkageSession session, ScoredPair[] matches, ScoredPair[] reviews, TruthEvaluation? evaluation)
    {
        _session = session;
        _matches = matches;
        _reviews = reviews;
        Evaluation = evaluation;
    }

    /// <summary>Gets the matched pairs, heaviest first.</summary>
    public IReadOnlyList<ScoredPair> Matches => _matches;

    /// <summary>Gets the pairs in the review band, heaviest first.</summary>
    public IReadOnlyList<ScoredPair> Reviews => _reviews;

    /// <summary>Gets the number of candidate pairs that blocking produced and the engine compared.</summary>
    public long CandidatePairs => _session.Pairs.Count;

    /// <summary>Gets the fitted model.</summary>
    public MatchModel Model => _session.Model;

    /// <summary>Gets the number of EM iterations run (0 when m came from labels).</summary>
    public int EmIterations => _session.EmIterations;

    /// <summary>Gets the accuracy against the configuration's truth, or <see langword="null"/> when it has none.</summary>
    public TruthEvaluation? Evaluation { get; }

    /// <summary>Explains a pair's weight field by field.</summary>
    /// <param name="pair">A pair of this result (or any left and right record indexes).</param>
    /// <returns>The prior and each field's level and weight.</returns>
    public PairExplanation Explain(ScoredPair pair) => _session.Explain(pair);

    /// <summary>Explains a pair's weight field by field into a buffer of the caller's, allocating nothing (for writing many pairs).</summary>
    /// <param name="pair">A pair of this result (or any left and right record indexes).</param>
    /// <param name="fields">Receives each field's level and weight, in the configuration's order; at least one element per field.</param>
    /// <exception cref="ArgumentException"><paramref name="fields"/> is shorter than the number of fields.</exception>
    /// <remarks>The weight of the pair is <see cref="MatchModel.PriorWeight"/> plus the fields' weights, as <see cref="Explain(ScoredPair)"/> says.</remarks>
    public void Explain(ScoredPair pair, Span<FieldContribution> fields) => _session.Explain(pair, fields);
}
