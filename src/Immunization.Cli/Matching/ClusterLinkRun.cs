using System.Diagnostics;
using System.Globalization;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Records.Files;
using Immunization.Matching.Cluster;
using Immunization.Matching.Verification;

namespace Immunization.Cli.Matching;

/// <summary>
/// <c>immunization link --register --records --silos N</c>: the register split into shards, an N-silo Orleans cluster started
/// in this process (loopback TCP), the records linked by a batch link job; the links come back in record order for
/// <see cref="RegisterLinkRun"/> to write, as the single-machine run writes them.
/// </summary>
internal sealed class ClusterLinkRun : IDisposable
{
    private static readonly string[] s_columns =
        ["citizen_id", "full_name", "date_of_birth", "sex", "phone", "province_code", "commune_code", "admin_scheme", "nationality"];

    private readonly DirectoryStorage _storage;
    private readonly IEnumerator<RecordLink> _links;

    private ClusterLinkRun(DirectoryStorage storage, IEnumerator<RecordLink> links, int people, string summary)
    {
        _storage = storage;
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
            foreach (var batch in people.Chunk(65_536))
            {
                registerStats.Add([.. batch.Select(p => p.ToRecord())]);
            }

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
            return new ClusterLinkRun(storage, LinkJob.ReadLinks(storage, spec).GetEnumerator(), snapshot.People, summary);
        }
        catch
        {
            Delete(storage);
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
        Delete(_storage);
    }

    private static void Delete(DirectoryStorage storage)
    {
        if (Directory.Exists(storage.Root))
        {
            Directory.Delete(storage.Root, recursive: true);
        }
    }

    private static IEnumerable<IdentityText[]> ReadText(string path, string idColumn)
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
