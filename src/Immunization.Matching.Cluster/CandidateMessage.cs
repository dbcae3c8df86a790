using Immunization.Matching.Verification;

namespace Immunization.Matching.Cluster;

/// <summary>A shard's candidate on the wire (<see cref="RegisterIndex.ShardCandidate"/>).</summary>
[GenerateSerializer]
[Immutable]
internal readonly record struct CandidateMessage(
    [property: Id(0)] int Index,
    [property: Id(1)] double Weight,
    [property: Id(2)] string PersonId,
    [property: Id(3)] bool CitizenIdValid,
    [property: Id(4)] long CitizenId,
    [property: Id(5)] byte CitizenIdLength)
{
    public static CandidateMessage From(RegisterIndex.ShardCandidate c) =>
        new(c.Index, c.Weight, c.Person.PersonId, c.Person.CitizenIdValid, c.Person.CitizenId, c.Person.CitizenIdLength);

    public RegisterIndex.ShardCandidate ToCandidate() => new(Index, Weight, new RegisterIndex.Rival(PersonId, CitizenIdValid, CitizenId, CitizenIdLength));
}
