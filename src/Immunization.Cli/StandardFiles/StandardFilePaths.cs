using System.Text;
using Immunization.Core.Records.Files;

namespace Immunization.Cli.StandardFiles;

/// <summary>
/// Opens the standard files by path for Core's reader (<see cref="StandardFileReader"/>, <see cref="StandardCsvReader"/>),
/// which reads texts and never opens a path: the tool is where paths are.
/// </summary>
internal static class StandardFilePaths
{
    /// <summary>Opens <paramref name="path"/> as text: UTF-8, or the encoding its byte-order mark names.</summary>
    public static StreamReader OpenText(string path) => new(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    /// <summary>Opens a file and reads it strictly with <paramref name="read"/>, naming the file in errors.</summary>
    public static IEnumerable<T> ReadFile<T>(string path, Func<TextReader, StandardFileOptions, IEnumerable<T>> read)
    {
        using var reader = OpenText(path);
        foreach (var item in read(reader, new StandardFileOptions(Path.GetFileName(path))))
        {
            yield return item;
        }
    }
}
