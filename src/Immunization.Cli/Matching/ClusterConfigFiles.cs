using Immunization.Cli.StandardFiles;
using Immunization.Matching.Cluster;

namespace Immunization.Cli.Matching;

/// <summary>
/// Reads a silo's or a client's settings file (<c>silo.json</c>, <c>client.json</c>): its structure checked by
/// <see cref="JsonInput"/>, its keys by the Cluster library; every error names the file and the key.
/// </summary>
internal static class ClusterConfigFiles
{
    public static ClusterSiloOptions ReadSilo(string path) =>
        Read(path, "silo settings", ClusterSiloOptions.FromJson);

    public static ClusterClientOptions ReadClient(string path) =>
        Read(path, "client settings", ClusterClientOptions.FromJson);

    /// <summary>The shared folder named by a settings file's <c>storage</c> key; it must exist (it is shared, never made here).</summary>
    public static DirectoryStorage OpenStorage(string path, string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CliInputException($"{path}: storage: the folder {folder} does not exist; create it (the folder every silo and client shares).");
        }

        return new DirectoryStorage(folder);
    }

    private static T Read<T>(string path, string what, Func<Stream, T> parse)
    {
        var json = JsonInput.Read(path, what);
        try
        {
            using var stream = new MemoryStream(json, writable: false);
            return parse(stream);
        }
        catch (ClusterConfigurationException e)
        {
            throw new CliInputException($"{path}: {JsonInput.Cap(e.Message)}");
        }
    }
}
