using Immunization.Matching.Cluster.Tests.Support;

namespace Immunization.Matching.Cluster.Tests;

/// <summary>A silo added in the middle of a job: the output is unchanged.</summary>
public sealed class LinkJobSiloAddedTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task WaitAsync_SiloAddedMidJob_OutputUnchanged()
    {
        var run = JobRun.Prepare(fixture.Storage, "job-add", 59, chunkSize: 50);
        await LinkJob.StartAsync(fixture.Cluster.Client, run.Spec);
        await run.WaitForPartsAsync(fixture.Storage, 3);

        var partsAtAdd = run.PartsWritten(fixture.Storage);
        await fixture.Cluster.StartAdditionalSiloAsync();
        var status = await LinkJob.WaitAsync(fixture.Cluster.Client, run.Spec, TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);

        Assert.InRange(partsAtAdd, 3, run.Spec.Chunks - 1);
        Assert.Equal(4, fixture.Cluster.Silos.Count);
        Assert.Equal(run.Expected, LinkJob.ReadLinks(fixture.Storage, run.Spec).Select(World.Row));
    }
}
