using Immunization.Matching.Verification;

namespace Immunization.Matching.Cluster.Tests.Support;

/// <summary>A link job's world: the register snapshot, the job, and the links one index over the whole register gives.</summary>
internal sealed record JobRun(LinkJobSpec Spec, string[] Expected)
{
    public static JobRun Prepare(MemoryStorage storage, string name, ulong seed, int chunkSize)
    {
        var world = World.Generate(seed, 2_000, 6, twins: 100);
        var snapshot = RegisterSnapshot.Write(world.Register, 6, storage, name);
        var spec = LinkJob.Prepare(storage, name, snapshot, world.Records, chunkSize);
        var whole = RegisterIndex.Build(world.Register.Select(p => p.ToRecord()));
        return new JobRun(spec, [.. world.Records.Select(r => World.Row(whole.Link(r.ToRecord())))]);
    }

    public int PartsWritten(MemoryStorage storage) => Enumerable.Range(0, Spec.Chunks).Count(c => storage.Exists(Spec.PartName(c)));

    public async Task WaitForPartsAsync(MemoryStorage storage, int parts)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (PartsWritten(storage) < parts && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
