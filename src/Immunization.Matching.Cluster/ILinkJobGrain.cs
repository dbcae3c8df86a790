using Orleans.Concurrency;

namespace Immunization.Matching.Cluster;

/// <summary>
/// A batch link job, keyed by its id. Runs in the background; its checkpoint is the set of output parts written, so that an
/// activation on another silo (after the job's silo died) carries on from the first chunk without a part.
/// </summary>
internal interface ILinkJobGrain : IGrainWithStringKey
{
    /// <summary>Starts (or resumes) the job and returns at once.</summary>
    Task StartAsync();

    /// <summary>The job's progress; activates the job, and so resumes it, if its silo died.</summary>
    [AlwaysInterleave]
    Task<LinkJobStatus> GetStatusAsync();
}
