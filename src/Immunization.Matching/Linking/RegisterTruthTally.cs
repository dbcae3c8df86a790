using Ardalis.GuardClauses;
using Immunization.Core.Records;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Scoring;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Linking;

/// <summary>
/// Scores record-to-person links against a ground truth (record id → person id, <see langword="null"/> when the person is
/// not in the register), batch by batch, as a <see cref="TruthEvaluation"/>: the true pairs are the records of people in the
/// register, blocking kept those whose person is a candidate of a Vietnamese citizen's record, a declared pair is a record
/// linked (<c>verified</c> or <c>differs</c>) and a true positive one linked to its person.
/// </summary>
/// <threadsafety>Not thread-safe: add from one thread (<see cref="AddBlocking"/> uses all cores itself).</threadsafety>
public sealed class RegisterTruthTally
{
    private readonly IReadOnlyDictionary<string, string?> _truth;
    private long _truePairs;
    private long _blocked;
    private long _predicted;
    private long _correct;

    /// <summary>Initializes a tally against <paramref name="truth"/>.</summary>
    /// <param name="truth">Each record's true person id, or <see langword="null"/> when the person is not in the register.</param>
    /// <exception cref="ArgumentNullException"><paramref name="truth"/> is <see langword="null"/>.</exception>
    public RegisterTruthTally(IReadOnlyDictionary<string, string?> truth) => _truth = Guard.Against.Null(truth);

    /// <summary>Gets how many records added have no row in the truth (not scored).</summary>
    public long RecordsWithoutTruth { get; private set; }

    /// <summary>Gets the evaluation so far.</summary>
    public TruthEvaluation Evaluation => new(_truePairs, _blocked, _predicted, _correct);

    /// <summary>Counts the records of <paramref name="records"/> whose true person blocking makes a candidate.</summary>
    /// <param name="index">The register index the records are linked with.</param>
    /// <param name="records">A batch of records.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public void AddBlocking(RegisterIndex index, IReadOnlyList<IdentityRecord> records)
    {
        Guard.Against.Null(index);
        Guard.Against.Null(records);
        long blocked = 0;
        Parallel.For(0, records.Count, () => 0L, (i, _, local) =>
            records[i].IsVietnameseCitizen && _truth.TryGetValue(records[i].Id, out var person) && person is not null
                && index.IsCandidate(records[i], person) ? local + 1 : local,
            local => Interlocked.Add(ref blocked, local));
        _blocked += blocked;
    }

    /// <summary>Scores one record's link.</summary>
    /// <param name="recordId">The record's id.</param>
    /// <param name="link">Its link.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public void Add(string recordId, RecordLink link)
    {
        Guard.Against.Null(recordId);
        Guard.Against.Null(link);
        if (!_truth.TryGetValue(recordId, out var person))
        {
            RecordsWithoutTruth++;
            return;
        }

        if (person is not null)
        {
            _truePairs++;
        }

        if (link.Outcome is VerificationOutcome.Verified or VerificationOutcome.Differs)
        {
            _predicted++;
            if (link.PersonId == person)
            {
                _correct++;
            }
        }
    }
}
