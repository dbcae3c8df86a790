using Immunization.Core.Records;
using Immunization.Matching.Verification;
using Orleans.Concurrency;

namespace Immunization.Matching.Cluster;

/// <summary>
/// The router (<see cref="ILinkRouterGrain"/>): one activation per silo core or so, no state.
/// </summary>
/// <remarks>
/// Every record goes to every shard, the identity-number probes too: the register is sharded by person id (many people have no
/// identity number, some share or mistype one), and the decision needs the runner-up wherever it lives, so that links and
/// explanations are those of one index over the whole register.
/// </remarks>
[StatelessWorker]
[Reentrant]
internal sealed class LinkRouterGrain : Grain, ILinkRouterGrain
{
    public async Task<LinkMessage[]> LinkAsync(RegisterSnapshotInfo snapshot, IdentityText[] records)
    {
        var shards = new IRegisterShardGrain[snapshot.ShardCount];
        var probes = new Task<ProbeMessage[]>[shards.Length];
        for (var s = 0; s < shards.Length; s++)
        {
            shards[s] = GrainFactory.GetGrain<IRegisterShardGrain>(snapshot.GrainKey(s));
            probes[s] = shards[s].ProbeAsync(records);
        }

        var answers = await Task.WhenAll(probes);
        var result = new LinkMessage?[records.Length];
        var requests = new List<DecideRequest>[shards.Length];
        var positions = new List<int>[shards.Length];
        for (var s = 0; s < shards.Length; s++)
        {
            requests[s] = [];
            positions[s] = [];
        }

        var recordProbes = new RegisterIndex.ShardProbe[shards.Length];
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i].ToRecord();
            for (var s = 0; s < shards.Length; s++)
            {
                recordProbes[s] = answers[s][i].ToProbe();
            }

            var merge = RegisterIndex.Merge(record, recordProbes);
            if (!record.IsVietnameseCitizen)
            {
                result[i] = NoCandidate(records[i].Id, VerificationOutcome.NotApplicable, 0);
            }
            else if (merge.Shard < 0)
            {
                result[i] = NoCandidate(records[i].Id, VerificationOutcome.NotFound, merge.SkippedBlocks);
            }
            else
            {
                var runnerUp = merge.RunnerUp;
                requests[merge.Shard].Add(new DecideRequest(records[i], merge.Best.Index, runnerUp?.Weight ?? double.NaN,
                    runnerUp is { } r ? CandidateMessage.From(r) : null, merge.SkippedBlocks));
                positions[merge.Shard].Add(i);
            }
        }

        var decisions = new Task<LinkMessage[]>[shards.Length];
        for (var s = 0; s < shards.Length; s++)
        {
            decisions[s] = requests[s].Count == 0 ? Task.FromResult(Array.Empty<LinkMessage>()) : shards[s].DecideAsync([.. requests[s]]);
        }

        var decided = await Task.WhenAll(decisions);
        for (var s = 0; s < shards.Length; s++)
        {
            for (var k = 0; k < decided[s].Length; k++)
            {
                result[positions[s][k]] = decided[s][k];
            }
        }

        return result!;
    }

    private static LinkMessage NoCandidate(string recordId, VerificationOutcome outcome, int skipped) =>
        new(recordId, outcome, null, double.NaN, double.NaN, [], [], [], [], [], null, null, skipped);
}
