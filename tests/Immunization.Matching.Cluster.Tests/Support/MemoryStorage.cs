using System.Collections.Concurrent;

namespace Immunization.Matching.Cluster.Tests.Support;

/// <summary>A cluster storage in memory, shared by the silos of one test cluster; counts the reads of each item.</summary>
internal sealed class MemoryStorage : IClusterStorage
{
    private readonly ConcurrentDictionary<string, byte[]> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);

    public Stream? OpenRead(string name)
    {
        if (!_items.TryGetValue(name, out var bytes))
        {
            return null;
        }

        _reads.AddOrUpdate(name, 1, (_, n) => n + 1);
        return new MemoryStream(bytes, writable: false);
    }

    public void Write(string name, Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        _items[name] = stream.ToArray();
    }

    public bool Exists(string name) => _items.ContainsKey(name);

    public int Reads(string name) => _reads.GetValueOrDefault(name);

    public IEnumerable<string> Names => _items.Keys;

    public void Delete(string name) => _items.TryRemove(name, out _);
}
