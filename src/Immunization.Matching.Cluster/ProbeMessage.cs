using Immunization.Matching.Verification;

namespace Immunization.Matching.Cluster;

/// <summary>A shard's answer for one record on the wire (<see cref="RegisterIndex.ShardProbe"/>).</summary>
[GenerateSerializer]
[Immutable]
internal sealed record ProbeMessage(
    [property: Id(0)] int KnownTokens,
    [property: Id(1)] CandidateMessage[] Exempt,
    [property: Id(2)] CandidateMessage[]? NotExempt,
    [property: Id(3)] long[] OversizedKeys,
    [property: Id(4)] long FirstKey)
{
    public static ProbeMessage From(RegisterIndex.ShardProbe p) => new(p.KnownTokens, [.. p.Exempt.Select(CandidateMessage.From)],
        p.NotExempt is null ? null : [.. p.NotExempt.Select(CandidateMessage.From)], p.OversizedKeys, p.FirstKey);

    public RegisterIndex.ShardProbe ToProbe() => new(KnownTokens, [.. Exempt.Select(c => c.ToCandidate())],
        NotExempt is null ? null : [.. NotExempt.Select(c => c.ToCandidate())], OversizedKeys, FirstKey);
}
