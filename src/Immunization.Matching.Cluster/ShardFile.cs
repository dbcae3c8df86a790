using System.Text;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Cluster;

/// <summary>
/// One shard's file: its people as text with the whole register's statistics (<see cref="ShardStatistics"/>) and the matcher's
/// options. Versioned and checked on load.
/// </summary>
internal static class ShardFile
{
    private const int Magic = 0x48534D49; // "IMSH"
    private const int Version = 2;

    public static void Write(Stream stream, int shard, int shardCount, RegisterMatchOptions options, ShardStatistics statistics,
        IReadOnlyList<IdentityText> people)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(shard);
        w.Write(shardCount);
        w.Write(options.MatchWeight);
        w.Write(options.ReviewWeight);
        w.Write(options.AmbiguityMargin);
        w.Write(options.RandomPairs);
        w.Write(options.MaxBlockSize);
        w.Write(options.UnregisteredShare);
        WriteJagged(w, statistics.U);
        WriteJagged(w, statistics.Weights);
        w.Write(statistics.YearWeight);
        w.Write(statistics.NameWeights.Count);
        foreach (var (name, weight) in statistics.NameWeights)
        {
            w.Write(name);
            w.Write(weight);
        }

        // The whole register's lookalike counts of this shard's people's names and birth years (the lookalike prior).
        w.Write(statistics.Lookalikes.GroupCount);
        foreach (var (key, count) in statistics.Lookalikes.Groups())
        {
            w.Write(key);
            w.Write(count);
        }

        w.Write(people.Count);
        for (var i = 0; i < people.Count; i++)
        {
            w.Write(statistics.OversizedKeys[i]);
            people[i].Write(w);
        }
    }

    /// <summary>Reads a shard file and builds its index.</summary>
    /// <exception cref="InvalidDataException">The file is not a shard file of this version, or not shard <paramref name="shard"/>.</exception>
    public static RegisterIndex Read(Stream stream, int shard, int shardCount)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (r.ReadInt32() != Magic)
            {
                throw new InvalidDataException("Not a register shard file.");
            }

            var version = r.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"Register shard file version {version}; this library reads version {Version}. Split the register again.");
            }

            if (r.ReadInt32() != shard || r.ReadInt32() != shardCount)
            {
                throw new InvalidDataException($"The file is not shard {shard} of {shardCount}.");
            }

            var options = new RegisterMatchOptions
            {
                MatchWeight = r.ReadDouble(),
                ReviewWeight = r.ReadDouble(),
                AmbiguityMargin = r.ReadDouble(),
                RandomPairs = r.ReadInt32(),
                MaxBlockSize = r.ReadInt32(),
                UnregisteredShare = r.ReadDouble(),
            };
            var u = ReadJagged(r);
            var weights = ReadJagged(r);
            var yearWeight = r.ReadDouble();
            var nameCount = r.ReadInt32();
            var names = new Dictionary<string, double>(nameCount, StringComparer.Ordinal);
            for (var i = 0; i < nameCount; i++)
            {
                names.Add(r.ReadString(), r.ReadDouble());
            }

            var groupCount = r.ReadInt32();
            var groupKeys = new long[groupCount];
            var groupSizes = new int[groupCount];
            for (var i = 0; i < groupCount; i++)
            {
                groupKeys[i] = r.ReadInt64();
                groupSizes[i] = r.ReadInt32();
            }

            if (!LookalikeTable.TryFromGroups(groupKeys, groupSizes, out var lookalikes))
            {
                throw new InvalidDataException("The register shard file is corrupt: its lookalike groups are not in order.");
            }

            var count = r.ReadInt32();
            var oversized = new int[count];
            var people = new Comparators.Vietnamese.IdentityRecord[count];
            for (var i = 0; i < count; i++)
            {
                oversized[i] = r.ReadInt32();
                people[i] = IdentityText.Read(r).ToRecord();
            }

            return RegisterIndex.BuildShard(people, new ShardStatistics(u, weights, yearWeight, names, oversized, lookalikes), options);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The register shard file is cut short.", e);
        }
    }

    private static void WriteJagged(BinaryWriter w, double[][] values)
    {
        w.Write(values.Length);
        foreach (var row in values)
        {
            w.Write(row.Length);
            foreach (var v in row)
            {
                w.Write(v);
            }
        }
    }

    private static double[][] ReadJagged(BinaryReader r)
    {
        var values = new double[r.ReadInt32()][];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new double[r.ReadInt32()];
            for (var j = 0; j < values[i].Length; j++)
            {
                values[i][j] = r.ReadDouble();
            }
        }

        return values;
    }
}
