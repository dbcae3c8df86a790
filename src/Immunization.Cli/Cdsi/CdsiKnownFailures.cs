namespace Immunization.Cli.Cdsi;

/// <summary>
/// A list of CDSi test cases accepted as failing, one <c>case_id,cause</c> row each after a header: what
/// <c>cdsi --known-failures</c> reads, and the suites' committed lists.
/// </summary>
internal static class CdsiKnownFailures
{
    /// <summary>Reads the list: case id to its cause.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Each listed case id with its cause.</returns>
    /// <exception cref="FormatException">A row without a case id or without a cause (the message names file and row).</exception>
    public static Dictionary<string, string> Read(string path)
    {
        var causes = new Dictionary<string, string>(StringComparer.Ordinal);
        var row = 0;
        foreach (var line in File.ReadLines(path))
        {
            row++;
            if (row == 1 || line.Trim().Length == 0)
            {
                continue; // header: case_id,cause
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0 || line[(comma + 1)..].Trim().Length == 0)
            {
                throw new FormatException($"{Path.GetFileName(path)}, row {row}: expected 'case_id,cause' with a cause.");
            }

            causes[line[..comma].Trim()] = line[(comma + 1)..].Trim();
        }

        return causes;
    }
}
