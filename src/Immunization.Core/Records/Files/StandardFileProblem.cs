namespace Immunization.Core.Records.Files;

/// <summary>
/// A row of a standard file that could not be read, as the lenient mode reports it: the file (named by the caller), the
/// row, the column at fault and why. Never the value: rows hold personal data.
/// </summary>
/// <param name="File">The file's name as given to the reader.</param>
/// <param name="Row">The 1-based row, the header being row 1.</param>
/// <param name="Column">The column's name, or <see langword="null"/> when the row as a whole is at fault.</param>
/// <param name="Reason">Why the row was refused.</param>
public readonly record struct StandardFileProblem(string File, int Row, string? Column, string Reason)
{
    /// <summary>"register.csv, row 7, column sex: not a sex; expected M, F, Nam or Nữ".</summary>
    public override string ToString() => StandardFileException.Describe(File, Row, Column, Reason);
}
