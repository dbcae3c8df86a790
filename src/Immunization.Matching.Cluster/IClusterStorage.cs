namespace Immunization.Matching.Cluster;

/// <summary>
/// Where the cluster keeps its files: the register's shard files, and a batch job's parts and checkpoint. Every silo must see
/// the same storage (a shared folder, an object store); the library itself never opens a path.
/// </summary>
/// <remarks>Names are relative, with <c>/</c> between folders (<c>snapshots/2026-12-06/shard-0003.bin</c>).</remarks>
public interface IClusterStorage
{
    /// <summary>Opens the item <paramref name="name"/> for reading.</summary>
    /// <param name="name">The item's name.</param>
    /// <returns>The stream, or <see langword="null"/> when there is no such item.</returns>
    Stream? OpenRead(string name);

    /// <summary>Writes the item <paramref name="name"/> whole: readers see the old item or the new one, never a part.</summary>
    /// <param name="name">The item's name.</param>
    /// <param name="write">Writes the content.</param>
    void Write(string name, Action<Stream> write);

    /// <summary>Returns whether the item <paramref name="name"/> exists.</summary>
    /// <param name="name">The item's name.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    bool Exists(string name);
}
