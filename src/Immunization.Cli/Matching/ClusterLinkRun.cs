using System.Diagnostics;
using System.Globalization;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Records.Files;
using Immunization.Matching.Cluster;
using Immunization.Matching.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Immunization.Cli.Matching;

/// <summary>
/// <c>immunization link --register --records --silos N</c>: the register split into shards, an N-silo Orleans cluster started
/// in this process (loopback TCP), the records linked by a batch link job; or <c>immunization link --cluster client.json
/// --records</c>: the records linked by a batch link job on a running production cluster. Either way the links come back in
/// record order for <see cref="RegisterLinkRun"/> to write, as the single-machine run writes them.
/// </summary>
internal sealed class ClusterLinkRun : IDisposable
{
    private static readonly string[] s_columns =
        ["citizen_id", "full_name", "date_of_birth", "sex", "phone", "province_code", "commune_code", "admin_scheme", "nationality"];

    private readonly string _temporary;
    private readonly IEnumerator<RecordLink> _links;

    private ClusterLinkRun(string temporary, IEnumerator<RecordLink> links, int people, string summary)
    {
        _temporary = temporary;
        _links = links;
        People = people;
        Summary = summary;
    }

    public int People { get; }

    public string Summary { get; }

    public static ClusterLinkRun Start(string registerPath, string recordsPath, int silos, IdentityFileStats registerStats)
    {
        var clock = Stopwatch.StartNew();
        var storage = new DirectoryStorage(Path.Combine(Path.GetTempPath(), "immunization-cluster-" + Guid.NewGuid().ToString("N")));
        try
        {
            var people = ReadText(registerPath, "person_id").SelectMany(b => b).ToList();
            CountUnreadable(registerStats, people);

            // Several shards per silo, so that shards spread evenly over the silos.
            var shardCount = 4 * silos;
            var snapshot = RegisterSnapshot.Write(people, shardCount, storage, "register");
            people.Clear();
            var spec = LinkJob.Prepare(storage, "link", snapshot, ReadText(recordsPath, "record_id").SelectMany(b => b));
            var split = clock.Elapsed;
            var cluster = LocalCluster.StartAsync(silos, storage).GetAwaiter().GetResult();
            var started = clock.Elapsed;
            try
            {
                LinkJob.StartAsync(cluster.Client, spec).GetAwaiter().GetResult();
                LinkJob.WaitAsync(cluster.Client, spec, TimeSpan.FromMilliseconds(100)).GetAwaiter().GetResult();
            }
            finally
            {
                cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            var summary = string.Create(CultureInfo.InvariantCulture,
                $"cluster: {silos} silos, {shardCount} shards: split and job input {split.TotalSeconds:0.00} s, silos started {(started - split).TotalSeconds:0.00} s, " +
                $"job {(clock.Elapsed - started).TotalSeconds:0.00} s");
            return new ClusterLinkRun(storage.Root, LinkJob.ReadLinks(storage, spec).GetEnumerator(), snapshot.People, summary);
        }
        catch
        {
            Delete(storage.Root);
            throw;
        }
    }

    /// <summary>
    /// Links the records on a running cluster: stores them as a job in the shared folder, connects as a client (the gateways
    /// from the membership table), runs the job and waits for it. The job's folder (the records' copy) is deleted afterwards.
    /// </summary>
    public static ClusterLinkRun Connect(string configPath, ClusterClientOptions options, string recordsPath)
    {
        var clock = Stopwatch.StartNew();
        if (!File.Exists(recordsPath))
        {
            throw new CliInputException($"{recordsPath}: file not found.");
        }

        var storage = ClusterConfigFiles.OpenStorage(configPath, options.Storage);
        RegisterSnapshotInfo snapshot;
        try
        {
            snapshot = RegisterSnapshotInfo.Load(storage, options.Snapshot)
                ?? throw new CliInputException($"{configPath}: snapshot: no snapshot {options.Snapshot} in {storage.Root}; split the register " +
                    "into it first (immunization cluster split).");
        }
        catch (InvalidDataException e)
        {
            throw new CliInputException($"{configPath}: snapshot: {e.Message}");
        }

        var jobId = string.Create(CultureInfo.InvariantCulture, $"link-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}");
        var jobFolder = Path.Combine(storage.Root, "jobs", jobId);
        try
        {
            var spec = LinkJob.Prepare(storage, jobId, snapshot, ReadText(recordsPath, "record_id").SelectMany(b => b), options.ChunkSize);
            var stored = clock.Elapsed;
            var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.UseOrleansClient(client => client.UseRegisterCluster(options));
            using var host = builder.Build();
            try
            {
                host.StartAsync().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not CliInputException)
            {
                throw new ClusterRunException($"could not connect to cluster {options.ClusterId} ({e.GetType().Name}: {e.Message}); " +
                    $"check that its silos run (immunization silo) and the membershipDatabase and clusterId of {configPath}.", e);
            }

            var connected = clock.Elapsed;
            try
            {
                var client = host.Services.GetRequiredService<IClusterClient>();
                LinkJob.StartAsync(client, spec).GetAwaiter().GetResult();
                LinkJob.WaitAsync(client, spec, TimeSpan.FromMilliseconds(200)).GetAwaiter().GetResult();
            }
            catch (InvalidOperationException e)
            {
                throw new ClusterRunException($"{e.Message} (job {jobId})", e);
            }
            finally
            {
                host.StopAsync().GetAwaiter().GetResult();
            }

            var summary = string.Create(CultureInfo.InvariantCulture,
                $"cluster: {options.ClusterId}, snapshot {snapshot.Id} ({snapshot.ShardCount} shards), job {jobId}: records stored " +
                $"{stored.TotalSeconds:0.00} s, connected {(connected - stored).TotalSeconds:0.00} s, job {(clock.Elapsed - connected).TotalSeconds:0.00} s");
            return new ClusterLinkRun(jobFolder, LinkJob.ReadLinks(storage, spec).GetEnumerator(), snapshot.People, summary);
        }
        catch
        {
            Delete(jobFolder);
            throw;
        }
    }

    /// <summary>The links of the next <paramref name="count"/> records, in record order.</summary>
    public RecordLink[] Next(int count)
    {
        var links = new RecordLink[count];
        for (var i = 0; i < count; i++)
        {
            links[i] = _links.MoveNext() ? _links.Current : throw new InvalidOperationException("The cluster's job returned fewer links than records.");
        }

        return links;
    }

    public void Dispose()
    {
        _links.Dispose();
        Delete(_temporary);
    }

    private static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Counts the register's unreadable values, parsing on all cores. The shard-splitting step parses every person again:
    /// <see cref="RegisterSnapshot.Write"/> takes the people as text (see NOTES-silohost.md).
    /// </summary>
    public static void CountUnreadable(IdentityFileStats stats, IReadOnlyList<IdentityText> people)
    {
        var batch = new Immunization.Matching.Comparators.Vietnamese.IdentityRecord[Math.Min(65_536, people.Count)];
        for (var start = 0; start < people.Count; start += batch.Length)
        {
            var count = Math.Min(batch.Length, people.Count - start);
            var part = count == batch.Length ? batch : new Immunization.Matching.Comparators.Vietnamese.IdentityRecord[count];
            Parallel.For(0, count, i => part[i] = people[start + i].ToRecord());
            stats.Add(part);
        }
    }

    /// <summary>The identity columns of <c>register.csv</c> or <c>records.csv</c> as text, in batches.</summary>
    public static IEnumerable<IdentityText[]> ReadText(string path, string idColumn)
    {
        using var text = StandardFilePaths.OpenText(path);
        var reader = StandardCsvReader.Open(text, Path.GetFileName(path), [idColumn, .. s_columns], idColumn, uniqueIds: true);
        var batch = new List<IdentityText>(65_536);
        while (reader.Next())
        {
            // As IdentityFiles reads them (an empty field is an empty string), so that both runs parse alike.
            string Field(int c) => reader.Span(c).ToString();
            batch.Add(new IdentityText(reader.Span(0).ToString(), Field(1), Field(2), Field(3), Field(4), Field(5), Field(6), Field(7), Field(8), Field(9)));
            if (batch.Count == 65_536)
            {
                yield return [.. batch];
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            yield return [.. batch];
        }
    }
}
