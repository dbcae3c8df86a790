using Ardalis.GuardClauses;

namespace Immunization.Core.Records.Files;

/// <summary>How <see cref="StandardFileReader"/> reads one file.</summary>
public sealed record StandardFileOptions
{
    /// <summary>Options for a file that errors and problems will call <paramref name="fileName"/>.</summary>
    /// <param name="fileName">The file's name as messages show it (the reader never opens it).</param>
    public StandardFileOptions(string fileName)
    {
        FileName = Guard.Against.NullOrWhiteSpace(fileName);
    }

    /// <summary>The file's name as messages show it.</summary>
    public string FileName { get; init; }

    /// <summary>Strict (the default: the first bad row throws) or lenient (bad rows are skipped and reported).</summary>
    public StandardFileMode Mode { get; init; } = StandardFileMode.Strict;

    /// <summary>Receives each row skipped in the lenient mode; required in that mode, so that no row is lost unseen.</summary>
    public Action<StandardFileProblem>? OnProblem { get; init; }
}
