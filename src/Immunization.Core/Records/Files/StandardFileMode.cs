namespace Immunization.Core.Records.Files;

/// <summary>What <see cref="StandardFileReader"/> does with a row it cannot read.</summary>
public enum StandardFileMode
{
    /// <summary>Stops: the first bad row throws a <see cref="StandardFileException"/>.</summary>
    Strict,

    /// <summary>
    /// Skips the row and reports it to <see cref="StandardFileOptions.OnProblem"/>, then reads on: every data row is either
    /// returned or reported. A file that cannot be read at all (no header, a column missing, a repeated id) still throws.
    /// </summary>
    Lenient,
}
