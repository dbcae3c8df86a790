using BenchmarkDotNet.Attributes;
using Immunization.Core.Records;
using Immunization.Testing.Synthetic;

namespace Immunization.Benchmarks.Synthetic;

/// <summary>Generation alone (no CSV writing): 10,000 people and their records into a sink that only counts.</summary>
[MemoryDiagnoser]
public class SyntheticDataGeneratorBenchmarks
{
    private readonly SyntheticDataOptions _options = new() { People = 10_000, Seed = 42 };

    [GlobalSetup]
    public void Warm() => SyntheticDataGenerator.Generate(_options with { People = 10 }, new CountingSink());

    [Benchmark]
    public long Generate10kPeople()
    {
        var sink = new CountingSink();
        SyntheticDataGenerator.Generate(_options, sink);
        return sink.Records;
    }

    private sealed class CountingSink : ISyntheticDataSink
    {
        public long Records { get; private set; }

        public void AddRegisterEntry(RegisterEntry entry)
        {
        }

        public void AddRecord(SyntheticRecord record) => Records++;
    }
}
