using Immunization.Matching.Cluster.Tests.Support;

namespace Immunization.Matching.Cluster.Tests;

/// <summary>A batch link job on a 3-silo cluster writes the links of one index over the whole register.</summary>
public sealed class LinkJobTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task WaitAsync_JobOnAHealthyCluster_WritesTheWholeRegistersLinksInRecordOrder()
    {
        var run = JobRun.Prepare(fixture.Storage, "job-healthy", 43, chunkSize: 300);

        await LinkJob.StartAsync(fixture.Cluster.Client, run.Spec);
        var status = await LinkJob.WaitAsync(fixture.Cluster.Client, run.Spec, TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);

        Assert.True(status.Finished);
        Assert.Equal(run.Expected, LinkJob.ReadLinks(fixture.Storage, run.Spec).Select(World.Row));
    }

    [Fact]
    public void Prepare_JobIdTaken_IsRefused()
    {
        _ = JobRun.Prepare(fixture.Storage, "job-twice", 47, chunkSize: 500);

        Assert.Throws<ArgumentException>(() => LinkJob.Prepare(fixture.Storage, "job-twice", new RegisterSnapshotInfo("job-twice", 6, 1), []));
    }
}
