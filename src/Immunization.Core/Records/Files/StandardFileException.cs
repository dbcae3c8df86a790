using System.Globalization;

namespace Immunization.Core.Records.Files;

/// <summary>
/// A standard file (register.csv, records.csv, truth.csv) could not be read: says which file, row and column, and why.
/// The message never contains the field's value (it may be personal data).
/// </summary>
public sealed class StandardFileException : FormatException
{
    /// <summary>Creates the error for a row (and a column, when one is at fault).</summary>
    /// <param name="file">The file's name as given to the reader.</param>
    /// <param name="row">The 1-based row, the header being row 1.</param>
    /// <param name="column">The column's name, or <see langword="null"/> when the row as a whole is at fault.</param>
    /// <param name="reason">Why, without the value.</param>
    public StandardFileException(string file, int row, string? column, string reason)
        : this(new StandardFileProblem(file, row, column, reason), Describe(file, row, column, reason))
    {
    }

    private StandardFileException(StandardFileProblem problem, string message)
        : base(message) => Problem = problem;

    /// <summary>The file's name as given to the reader.</summary>
    public string File => Problem.File;

    /// <summary>The 1-based row in the file, the header being row 1.</summary>
    public int Row => Problem.Row;

    /// <summary>The column's name, or <see langword="null"/> when the problem is the row as a whole.</summary>
    public string? Column => Problem.Column;

    /// <summary>Why the value or the row was refused (never the value itself).</summary>
    public string Reason => Problem.Reason;

    /// <summary>The problem this error reports, as the lenient mode would have passed it on.</summary>
    public StandardFileProblem Problem { get; }

    /// <summary>Two rows hold the same id where each must appear once: names both rows.</summary>
    internal static StandardFileException Duplicate(string file, int firstRow, int row, string column) =>
        new(new StandardFileProblem(file, row, column, string.Create(CultureInfo.InvariantCulture, $"the same {column} as row {firstRow}; each must appear once")),
            string.Create(CultureInfo.InvariantCulture, $"{file}, rows {firstRow} and {row}: the same {column}; each must appear once."));

    internal static string Describe(string file, int row, string? column, string reason) =>
        column is null
            ? string.Create(CultureInfo.InvariantCulture, $"{file}, row {row}: {reason}")
            : string.Create(CultureInfo.InvariantCulture, $"{file}, row {row}, column {column}: {reason}");
}
