using Immunization.Cli.StandardFiles;
using Immunization.Matching.Verification;

namespace Immunization.Cli.Matching;

/// <summary>Saves a register index to a file and loads it back (<c>link --save-index</c>, <c>link --index</c>).</summary>
internal static class RegisterIndexFiles
{
    private const int BufferSize = 1 << 20;

    /// <summary>Loads the index saved in <paramref name="path"/>; a refused snapshot is a usage error naming the file.</summary>
    public static RegisterIndex Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        try
        {
            return RegisterIndex.Load(stream);
        }
        catch (RegisterIndexSnapshotException e)
        {
            throw new CliInputException($"--index {path}: {e.Message}");
        }
    }

    /// <summary>
    /// Saves <paramref name="index"/> to <paramref name="path"/>: written beside it first and moved into place, so that a run
    /// that fails half-way never leaves a truncated index under the name.
    /// </summary>
    /// <returns>The file's size in bytes.</returns>
    public static long Save(RegisterIndex index, string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliInputException($"--save-index {path}: is a folder; give a file name.");
        }

        var temporary = path + ".partial";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize))
            {
                index.Save(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return new FileInfo(path).Length;
    }
}
