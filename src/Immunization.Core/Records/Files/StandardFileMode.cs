namespace Immunization.Core.Records.Files;

/// <summary>What <see cref="StandardFileReader"/> does with a row it cannot read.</summary>
public enum StandardFileMode
{
    /// <summary>Stops: the first bad row throws a <see cref="StandardFileException"/>.</summary>
    Strict,

    /// <summary>
    /// Skips the row and reports it to <see cref="StandardFileOptions.OnProblem"/>, then reads on: every data row is either
    /// returned or reported. A file that cannot be read at all (no header row, a column missing, a row longer than
    /// 16 Mi characters) still throws.
    /// </summary>
    Lenient,
}
