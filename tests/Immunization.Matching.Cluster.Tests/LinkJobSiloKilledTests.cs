using Immunization.Matching.Cluster.Tests.Support;

namespace Immunization.Matching.Cluster.Tests;

/// <summary>A silo killed in the middle of a job: the job resumes from its parts and its output is unchanged.</summary>
public sealed class LinkJobSiloKilledTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task WaitAsync_SiloKilledMidJob_OutputUnchanged()
    {
        var run = JobRun.Prepare(fixture.Storage, "job-kill", 53, chunkSize: 50);
        await LinkJob.StartAsync(fixture.Cluster.Client, run.Spec);
        await run.WaitForPartsAsync(fixture.Storage, 3);

        var partsAtKill = run.PartsWritten(fixture.Storage);
        await fixture.Cluster.KillSiloAsync(fixture.Cluster.Silos[^1], TestContext.Current.CancellationToken);
        var status = await LinkJob.WaitAsync(fixture.Cluster.Client, run.Spec, TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);

        Assert.InRange(partsAtKill, 3, run.Spec.Chunks - 1);
        Assert.True(status.Finished);
        Assert.Equal(run.Expected, LinkJob.ReadLinks(fixture.Storage, run.Spec).Select(World.Row));
        TestContext.Current.SendDiagnosticMessage($"killed after {partsAtKill} of {run.Spec.Chunks} parts; retries after: {status.Retries}");
    }
}
