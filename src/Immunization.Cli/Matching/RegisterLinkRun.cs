using System.Diagnostics;
using System.Globalization;
using Immunization.Matching.Deduplication;
using Immunization.Matching.Linking;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Records;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;
using Immunization.Core.Records.Files;

namespace Immunization.Cli.Matching;

/// <summary>
/// <c>immunization link --register --records</c>: links every vaccination record to the register with the built-in Vietnamese
/// matcher and writes <c>links.csv</c> (every record once, in input order) and <c>explanations.csv</c>.
/// </summary>
internal static class RegisterLinkRun
{
    /// <param name="cluster">With <c>--silos</c> or <c>--cluster</c>: starts the cluster's link of every record (given the register
    /// file's statistics to fill); <see langword="null"/> to link on this machine.</param>
    /// <param name="registerRows">Whether links.csv gets a <c>register_row</c> column: each linked person's position in the
    /// register (its data row when the index was built from the register file).</param>
    public static int Run(TextWriter stdout, RegisterSource source, string recordsPath, string outDir, string? truthPath,
        Func<IdentityFileStats, ClusterLinkRun>? cluster = null, bool registerRows = false)
    {
        var clock = Stopwatch.StartNew();
        if (File.Exists(outDir))
        {
            throw new CliInputException($"--out {outDir}: is a file; give a folder (created if missing).");
        }

        // The register streams into the index batch by batch: only the compact index stays in memory. A saved index
        // replaces the register file altogether (it holds the person ids).
        var registerStats = new IdentityFileStats(Path.GetFileName(source.RegisterPath ?? source.IndexPath ?? "register"));
        var recordStats = new IdentityFileStats(Path.GetFileName(recordsPath));
        // With --silos (register file only) or --cluster, an Orleans cluster links every record first; its links are then
        // taken batch by batch.
        using var linked = cluster?.Invoke(registerStats);
        var index = linked is not null
            ? null
            : source.IndexPath is { } indexPath
                ? RegisterIndexFiles.Load(indexPath)
                : RegisterIndex.Build(ReadAhead.Of(IdentityFiles.ReadBatches(source.RegisterPath!, "person_id", registerStats), 2)
                    .SelectMany(batch => batch));
        var people = index?.Count ?? linked!.People;
        var indexTime = clock.Elapsed;
        if (source.SaveIndexPath is { } savePath)
        {
            var size = RegisterIndexFiles.Save(index!, savePath);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"index: saved to {savePath} ({size / 1e6:0.0} MB) in {(clock.Elapsed - indexTime).TotalSeconds:0.00} s"));
            indexTime = clock.Elapsed;
        }

        if (source.RegisterPath is not null && index is not null)
        {
            // The build's temporary arrays (the parsed batches, the keys before their final copy, the blocking keys before
            // sorting) are garbage now: give their memory back before linking, so that the run's peak is the index and the
            // batches in flight rather than the index and the build's leftovers (about 0.1 s).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        Directory.CreateDirectory(outDir);
        var linksPath = Path.Combine(outDir, "links.csv");
        var explanationsPath = Path.Combine(outDir, "explanations.csv");

        // Per record, only what links.csv needs, spooled to a temporary file (deleted when closed) rather than kept in memory:
        // links.csv is written at the end, once the unlinked records are clustered. Explanations are written as records are
        // linked. The distinct differences texts are few; a record keeps only the number of its text.
        using var spool = new FileStream(Path.Combine(outDir, "links.csv.tmp"), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            1 << 16, FileOptions.DeleteOnClose | FileOptions.SequentialScan);
        using var spoolWriter = new BinaryWriter(spool, System.Text.Encoding.UTF8, leaveOpen: true);
        var recordCount = 0;
        var differenceTexts = new Dictionary<string, int>(StringComparer.Ordinal);
        var differenceList = new List<string>();
        var unlinked = new List<IdentityRecord>();
        var unlinkedPositions = new List<int>();
        var differingIds = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long skippedBlocks = 0, recordsWithSkippedBlocks = 0;
        var truth = truthPath is null ? null : new RegisterTruthTally(IdentityFiles.ReadTruth(truthPath));
        using (var explanations = new StandardCsvWriter(File.Create(explanationsPath)))
        {
            explanations.Row("record_id", "person_id", "weight", "runner_up_weight", "citizen_id", "full_name", "date_of_birth", "sex", "phone",
                "residence", "outcome", "ambiguity_reason", "runner_up_id");
            var weightTexts = new WeightTexts();
            var fieldBuffer = new char[128];
            // Three stages at once: the next batches are read and parsed ahead on their own thread, a batch is linked on the
            // thread pool, and the batch before it is written here meanwhile (links never run two batches at once; output
            // stays in input order).
            void Output(IdentityRecord[] batch, RecordLink[] results)
            {
                // Blocking recall: does the true person come out of blocking at all?
                if (index is not null)
                {
                    truth?.AddBlocking(index, batch);
                }

                for (var i = 0; i < batch.Length; i++)
                {
                    var link = results[i];
                    if (link.Outcome is not (VerificationOutcome.Verified or VerificationOutcome.Differs))
                    {
                        unlinked.Add(batch[i]);
                        unlinkedPositions.Add(recordCount);
                    }
                    else if (link.Explanation.Count > (int)IdentityField.CitizenId
                        && link.Explanation[(int)IdentityField.CitizenId].Level is not ("exact" or "missing") and var level)
                    {
                        differingIds[level] = differingIds.GetValueOrDefault(level) + 1;
                    }

                    if (link.SkippedBlocks > 0)
                    {
                        skippedBlocks += link.SkippedBlocks;
                        recordsWithSkippedBlocks++;
                    }

                    var text = link.DifferencesText();
                    if (!differenceTexts.TryGetValue(text, out var textNumber))
                    {
                        textNumber = differenceList.Count;
                        differenceTexts.Add(text, textNumber);
                        differenceList.Add(text);
                    }

                    truth?.Add(batch[i].Id, link);
                    // An ambiguous record is not linked: its best candidate is only in explanations.csv.
                    var linkedPerson = link.Verification.LinkedPersonId;
                    spoolWriter.Write(batch[i].Id);
                    spoolWriter.Write(linkedPerson is not null);
                    if (linkedPerson is not null)
                    {
                        spoolWriter.Write(linkedPerson);
                        spoolWriter.Write(link.PersonIndex);
                    }

                    spoolWriter.Write((byte)link.Outcome);
                    spoolWriter.Write(link.Weight);
                    spoolWriter.Write(textNumber);
                    recordCount++;
                    if (link.Explanation.Count > 0)
                    {
                        // Field by field, each weight's text formatted once per distinct value (the row is what Row wrote).
                        explanations.Field(batch[i].Id);
                        explanations.Field(link.PersonId);
                        explanations.Field(weightTexts.Of(link.Weight));
                        explanations.Field(double.IsNaN(link.RunnerUpWeight) ? "" : weightTexts.Of(link.RunnerUpWeight));
                        for (var f = 0; f < 6; f++)
                        {
                            if (f < link.Explanation.Count)
                            {
                                var c = link.Explanation[f];
                                var number = weightTexts.Of(c.Weight);
                                var length = c.Level.Length + 1 + number.Length;
                                var field = length <= fieldBuffer.Length ? fieldBuffer.AsSpan(0, length) : new char[length];
                                c.Level.CopyTo(field);
                                field[c.Level.Length] = ':';
                                number.CopyTo(field[(c.Level.Length + 1)..]);
                                explanations.Field(field);
                            }
                            else
                            {
                                explanations.Field(ReadOnlySpan<char>.Empty);
                            }
                        }

                        explanations.Field(VerificationNames.Name(link.Outcome));
                        explanations.Field(link.AmbiguityReason is { } reason ? VerificationNames.Name(reason) : null);
                        explanations.Field(link.RunnerUpPersonId);
                        explanations.EndRow();
                    }
                }
            }

            // The batch being linked; once it is done, the next one starts linking and this one is written meanwhile.
            (IdentityRecord[] Batch, Task<RecordLink[]> Links)? pending = null;
            // As many lookups at once as there are cores: more only add threads to the pool (it grew to 40-49 under load).
            var cores = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            foreach (var batch in ReadAhead.Of(IdentityFiles.ReadBatches(recordsPath, "record_id", recordStats), 2))
            {
                var done = pending is { } previous ? (previous.Batch, Links: previous.Links.GetAwaiter().GetResult()) : default;
                pending = (batch, index is not null
                    ? Task.Run(() =>
                    {
                        var results = new RecordLink[batch.Length];
                        Parallel.For(0, batch.Length, cores, i => results[i] = index.Link(batch[i]));
                        return results;
                    })
                    : Task.FromResult(linked!.Next(batch.Length)));
                if (done.Links is not null)
                {
                    Output(done.Batch, done.Links);
                }
            }

            if (pending is { } last)
            {
                Output(last.Batch, last.Links.GetAwaiter().GetResult());
            }
        }

        var linkTime = clock.Elapsed;

        // Records without a person are clustered among themselves; a linked record's cluster is its person.
        // The unlinked records' cluster names follow their positions, which increase: read back in step with the spool.
        var unlinkedClusters = IdentityClusters.Cluster(unlinked);
        unlinked.Clear();
        spoolWriter.Flush();
        spool.Position = 0;
        var counts = new int[6];
        using (var spoolReader = new BinaryReader(spool, System.Text.Encoding.UTF8, leaveOpen: true))
        using (var writer = new StandardCsvWriter(File.Create(linksPath)))
        {
            string[] header = ["record_id", "person_id", "outcome", "weight", "differing_fields", "cluster_id", "register_row"];
            var row = new string?[registerRows ? 7 : 6];
            writer.Row(header.AsSpan(0, row.Length));
            var nextUnlinked = 0;
            for (var i = 0; i < recordCount; i++)
            {
                var recordId = spoolReader.ReadString();
                var person = spoolReader.ReadBoolean() ? spoolReader.ReadString() : null;
                var personIndex = person is null ? -1 : spoolReader.ReadInt32();
                var outcome = (VerificationOutcome)spoolReader.ReadByte();
                var weight = spoolReader.ReadDouble();
                var textNumber = spoolReader.ReadInt32();
                string? clusterName = null;
                if (nextUnlinked < unlinkedPositions.Count && unlinkedPositions[nextUnlinked] == i)
                {
                    clusterName = unlinkedClusters[nextUnlinked++];
                }

                counts[(int)outcome]++;
                row[0] = recordId;
                row[1] = person;
                row[2] = VerificationNames.Name(outcome);
                row[3] = double.IsNaN(weight) ? "" : StandardCsvWriter.Number(weight, "0.##");
                row[4] = differenceList[textNumber];
                row[5] = clusterName ?? person;
                if (registerRows)
                {
                    row[6] = personIndex >= 0 ? personIndex.ToString(CultureInfo.InvariantCulture) : null;
                }

                writer.Row(row);
            }
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"link: {people} people, {recordCount} records: verified {counts[1]}, differs {counts[2]}, ambiguous {counts[3]}, " +
            $"not_found {counts[4]}, not_applicable {counts[5]}"));
        foreach (var stats in (ReadOnlySpan<IdentityFileStats>)[registerStats, recordStats])
        {
            if (stats.Summary() is { } summary)
            {
                stdout.WriteLine(summary);
            }
        }

        var differing = 0L;
        foreach (var count in differingIds.Values)
        {
            differing += count;
        }

        // Every linked record whose identity number is neither equal to the person's nor missing, by comparison level.
        var kinds = string.Join(", ", differingIds.Select(d => d.Key + " " + d.Value.ToString(CultureInfo.InvariantCulture)));
        stdout.WriteLine(differing == 0
            ? "links despite a differing identity number: 0"
            : string.Create(CultureInfo.InvariantCulture, $"links despite a differing identity number: {differing} ({kinds})"));
        if (recordsWithSkippedBlocks > 0)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"blocking: {skippedBlocks} keys of {recordsWithSkippedBlocks} records skipped, their blocks holding more than " +
                $"{(index?.Options ?? new RegisterMatchOptions()).MaxBlockSize} people (candidates found only through them were not compared)"));
        }

        if (truth is not null)
        {
            var evaluation = truth.Evaluation;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"blocking: the true person is a candidate for {evaluation.TruePairsBlocked} of {evaluation.TruePairs} records " +
                $"({evaluation.BlockingRecall:P2})"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"truth: {evaluation.TruePairs} records of people in the register; {evaluation.PredictedPairs} linked, " +
                $"{evaluation.TruePositives} to the right person; precision {evaluation.Precision:0.0000}, recall {evaluation.Recall:0.0000}, " +
                $"F1 {evaluation.F1:0.0000}"));
            if (truth.RecordsWithoutTruth > 0)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {truth.RecordsWithoutTruth} records have no row in {truthPath}"));
            }
        }

        if (linked is not null)
        {
            stdout.WriteLine(linked.Summary);
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {linksPath}, {explanationsPath}; index {(source.IndexPath is null ? "" : "loaded ")}{indexTime.TotalSeconds:0.00} s, linking {(linkTime - indexTime).TotalSeconds:0.00} s, " +
            $"clusters and links.csv {(clock.Elapsed - linkTime).TotalSeconds:0.00} s, total {clock.Elapsed.TotalSeconds:0.00} s"));
        return 0;
    }
}
