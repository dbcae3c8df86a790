using Immunization.Matching.Cluster;

namespace Immunization.Cli.Matching;

/// <summary>The cluster's storage in a folder (a shared folder in production): items are files, written whole by renaming.</summary>
internal sealed class DirectoryStorage(string root) : IClusterStorage
{
    public string Root { get; } = Path.GetFullPath(root);

    public Stream? OpenRead(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16) : null;
    }

    public void Write(string name, Action<Stream> write)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            write(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public bool Exists(string name) => File.Exists(PathOf(name));

    private string PathOf(string name)
    {
        var path = Path.GetFullPath(Path.Combine(Root, name));
        return path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("A storage item's name leads out of the storage folder.", nameof(name));
    }
}
