using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using Immunization.Benchmarks.Matching;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed class RegisterIndexSnapshotTests
{
    private static readonly Lazy<(IdentityRecord[] People, IdentityRecord[] Records, RegisterIndex Index, byte[] Snapshot)> s_world = new(() =>
    {
        var generator = new SyntheticIdentities(seed: 31);
        var rows = generator.People(800);
        var (recordRows, _) = generator.Records(rows);
        var people = rows.Select(SyntheticIdentities.ToRecord).ToList();
        // An old commune split in 2025 gives a person several communes (IdentityKey.CommuneParts).
        var split = SplitCommune();
        people.Add(IdentityRecord.FromText("P-SPLIT", null, "Lê Thị Hoa", "1970-01-02", "F", null, null, split, "old", "VN"));
        var records = recordRows.Take(400).Select(SyntheticIdentities.ToRecord).ToList();
        records.Add(IdentityRecord.FromText("R-SPLIT", null, "Le Thi Hoa", "1970", "F", null, null, split, "old", "VN"));
        var index = RegisterIndex.Build(people, new RegisterMatchOptions { RandomPairs = 20_000 });
        return ([.. people], [.. records], index, Save(index));
    });

    [Fact]
    public void Load_SavedIndex_LinksEveryRecordExactlyAsTheBuiltIndex()
    {
        var (_, records, built, snapshot) = s_world.Value;

        var loaded = RegisterIndex.Load(new MemoryStream(snapshot));

        Assert.Equal(built.Count, loaded.Count);
        Assert.Equal(built.Options, loaded.Options);
        Assert.Equal(Links(built, records), Links(loaded, records));
    }

    [Fact]
    public void Save_LoadedIndex_WritesTheSameBytes()
    {
        var snapshot = s_world.Value.Snapshot;

        var again = Save(RegisterIndex.Load(new MemoryStream(snapshot)));

        Assert.Equal(snapshot, again);
    }

    [Fact]
    public void Load_ThroughStreamsThatCannotSeek_LinksAsTheBuiltIndex()
    {
        var (_, records, built, _) = s_world.Value;
        var compressed = new MemoryStream();
        // A compressing stream can neither seek nor tell its length, and returns short reads.
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            built.Save(gzip);
        }

        compressed.Position = 0;
        using var decompressing = new GZipStream(compressed, CompressionMode.Decompress);
        var loaded = RegisterIndex.Load(decompressing);

        Assert.Equal(Links(built, records), Links(loaded, records));
    }

    [Fact]
    public void Load_EmptyRegister_RoundTripsAndFindsNobody()
    {
        var record = s_world.Value.Records[0];
        var empty = RegisterIndex.Build([]);

        var loaded = RegisterIndex.Load(new MemoryStream(Save(empty)));

        Assert.Equal(0, loaded.Count);
        Assert.Equal(Links(empty, [record]), Links(loaded, [record]));
    }

    [Fact]
    public void SnapshotFields_EveryInstanceFieldOfTheIndexItsTablesAndKeys_IsSaved()
    {
        var saved = s_world.Value.Index.SnapshotFields().ToHashSet(StringComparer.Ordinal);
        // Derived on loading, never saved: the per-thread candidate buffers; and the whole register's oversized blocks, which
        // only a cluster shard's index has (Save refuses a shard's index: its shard file carries them).
        var derived = new HashSet<string>(StringComparer.Ordinal) { "RegisterIndex._scratch", "RegisterIndex._oversized", "TokenTable._slots", "TokenTable._names", "PersonIds._ascending" };
        var missing = new List<string>();
        foreach (var type in new[] { typeof(RegisterIndex), typeof(PersonIds), typeof(TokenTable), typeof(BlockTable), typeof(LookalikeTable), typeof(IdentityKey) })
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                var name = type.Name + "." + field.Name;
                if (!saved.Contains(name) && !derived.Contains(name))
                {
                    missing.Add(name);
                }
            }
        }

        Assert.True(missing.Count == 0, "not in the snapshot: " + string.Join(", ", missing));
        Assert.Contains("IdentityKey.CommuneParts", saved);
    }

    [Fact]
    public void Load_SnapshotOfAnotherLibraryVersion_IsRefusedNamingBothVersions()
    {
        var stream = new MemoryStream();
        s_world.Value.Index.Save(stream, "0.0.1-other");

        var e = Assert.Throws<RegisterIndexSnapshotException>(() => RegisterIndex.Load(new MemoryStream(stream.ToArray())));

        Assert.Equal(RegisterIndexSnapshotProblem.LibraryVersionMismatch, e.Problem);
        Assert.Contains("0.0.1-other", e.Message, StringComparison.Ordinal);
        Assert.Contains(RegisterIndex.LibraryVersion, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SnapshotOfAnotherFormatVersion_IsRefused()
    {
        var snapshot = (byte[])s_world.Value.Snapshot.Clone();
        snapshot[8] = (byte)(RegisterIndex.SnapshotFormatVersion + 1);

        var e = Assert.Throws<RegisterIndexSnapshotException>(() => RegisterIndex.Load(new MemoryStream(snapshot)));

        Assert.Equal(RegisterIndexSnapshotProblem.FormatVersionMismatch, e.Problem);
    }

    [Fact]
    public void Load_OtherExpectedOptions_IsRefusedNamingTheOption()
    {
        var e = Assert.Throws<RegisterIndexSnapshotException>(() =>
            RegisterIndex.Load(new MemoryStream(s_world.Value.Snapshot), new RegisterMatchOptions()));

        Assert.Equal(RegisterIndexSnapshotProblem.OptionsMismatch, e.Problem);
        Assert.Contains(nameof(RegisterMatchOptions.RandomPairs), e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(RegisterMatchOptions.MatchWeight), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TextFile_IsRefusedAsNotASnapshot()
    {
        var e = Assert.Throws<RegisterIndexSnapshotException>(() =>
            RegisterIndex.Load(new MemoryStream("person_id,citizen_id,full_name\n"u8.ToArray())));

        Assert.Equal(RegisterIndexSnapshotProblem.NotASnapshot, e.Problem);
    }

    [Fact]
    public void Load_OneByteChangedInTheIndex_IsRefusedAsCorruptWithoutPersonalData()
    {
        var snapshot = (byte[])s_world.Value.Snapshot.Clone();
        // A byte well inside the body (the arrays), not in a length or a tag.
        snapshot[snapshot.Length / 2] ^= 0x10;

        var e = Assert.Throws<RegisterIndexSnapshotException>(() => RegisterIndex.Load(new MemoryStream(snapshot)));

        Assert.Equal(RegisterIndexSnapshotProblem.Corrupt, e.Problem);
        Assert.DoesNotContain(s_world.Value.People.First().Id, e.Message, StringComparison.Ordinal);
    }

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property Load_AnyByteChanged_IsRefusedWithTheSnapshotException() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(1, 255).ToArbitrary(), (position, flip) =>
        {
            var snapshot = (byte[])s_world.Value.Snapshot.Clone();
            snapshot[position % snapshot.Length] ^= (byte)flip;
            var e = Record.Exception(() => RegisterIndex.Load(new MemoryStream(snapshot)));
            return e is RegisterIndexSnapshotException;
        });

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property Load_TruncatedAnywhere_IsRefusedAsTruncated() =>
        Prop.ForAll(Gen.Choose(8, int.MaxValue).ToArbitrary(), length =>
        {
            var snapshot = s_world.Value.Snapshot;
            var cut = snapshot.AsSpan(0, 8 + ((length - 8) % (snapshot.Length - 8))).ToArray();
            var e = Record.Exception(() => RegisterIndex.Load(new MemoryStream(cut)));
            return (e as RegisterIndexSnapshotException)?.Problem == RegisterIndexSnapshotProblem.Truncated;
        });

    [FsCheck.Xunit.Property(MaxTest = 8)]
    public Property Load_AnyGeneratedRegister_LinksGeneratedRecordsExactlyAsTheBuiltIndex() =>
        Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), Gen.Choose(1, 150).ToArbitrary(), (seed, size) =>
        {
            var generator = new SyntheticIdentities(seed);
            var rows = generator.People(size);
            var (recordRows, _) = generator.Records(rows);
            var records = recordRows.Select(SyntheticIdentities.ToRecord).ToArray();
            var built = RegisterIndex.Build(rows.Select(SyntheticIdentities.ToRecord), new RegisterMatchOptions { RandomPairs = 2_000 });

            var loaded = RegisterIndex.Load(new MemoryStream(Save(built)));

            return Links(built, records).SequenceEqual(Links(loaded, records));
        });

    private static byte[] Save(RegisterIndex index)
    {
        var stream = new MemoryStream();
        index.Save(stream);
        return stream.ToArray();
    }

    // Everything a link says, weights to the last bit.
    private static List<string> Links(RegisterIndex index, IEnumerable<IdentityRecord> records) =>
        records.Select(r =>
        {
            var link = index.Link(r);
            return string.Join('|', link.Outcome, link.PersonId, link.Weight.ToString("R", CultureInfo.InvariantCulture),
                link.RunnerUpWeight.ToString("R", CultureInfo.InvariantCulture), link.RunnerUpPersonId, link.AmbiguityReason, link.SkippedBlocks,
                link.DifferencesText(), string.Join(' ', link.Explanation.Select(c => $"{c.Level}:{c.Weight.ToString("R", CultureInfo.InvariantCulture)}")),
                index.IsCandidate(r, link.PersonId ?? ""));
        }).ToList();

    private static string SplitCommune()
    {
        for (var code = 1; code < 40_000; code++)
        {
            var text = code.ToString("00000", CultureInfo.InvariantCulture);
            if (IdentityRecord.FromText("x", null, null, null, null, null, null, text, "old", "VN").CommuneCodeParts is { Length: > 1 })
            {
                return text;
            }
        }

        throw new InvalidOperationException("no old commune split in 2025 in the administrative data");
    }
}
