using Immunization.Tests.Shared;
using Immunization.Matching.Tables;

namespace Immunization.Matching.Tests.Support;

/// <summary>Reads the FEBRL files from the shared datasets (", " separators, no quotes) and the sample configurations.</summary>
internal static class Febrl
{
    public static RecordTable Read(string file, bool reverse = false)
    {
        var lines = File.ReadAllLines(SharedDatasets.Path("febrl/" + file)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var rows = lines.Skip(1).ToArray();
        if (reverse)
        {
            Array.Reverse(rows);
        }

        var table = new RecordTable(header);
        foreach (var line in rows)
        {
            var r = table.AddRecord();
            var fields = line.Split(',');
            for (var c = 0; c < header.Length; c++)
            {
                table.Set(r, c, fields[c]);
            }
        }

        return table;
    }

    /// <summary>The repository's samples folder, found upwards from the test binaries.</summary>
    public static string Sample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"samples/{name} not found above {AppContext.BaseDirectory}.");
    }
}
