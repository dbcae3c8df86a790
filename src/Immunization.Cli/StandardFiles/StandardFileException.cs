using System.Globalization;

namespace Immunization.Cli.StandardFiles;

/// <summary>
/// A standard file (register.csv, records.csv, truth.csv) could not be read: says which file, row and column, and why.
/// The message never contains the field's value (it may be personal data).
/// </summary>
internal sealed class StandardFileException : FormatException
{
    public StandardFileException(string file, int row, string? column, string reason)
        : base(Describe(file, row, column, reason))
    {
        File = file;
        Row = row;
        Column = column;
        Reason = reason;
    }

    public StandardFileException(string file, int row, string? column, string reason, Exception inner)
        : base(Describe(file, row, column, reason), inner)
    {
        File = file;
        Row = row;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file's name as given to the reader.</summary>
    public string File { get; }

    /// <summary>The 1-based row in the file, the header being row 1.</summary>
    public int Row { get; }

    /// <summary>The column's name, or <see langword="null"/> when the problem is the row as a whole.</summary>
    public string? Column { get; }

    /// <summary>Why the value was refused.</summary>
    public string Reason { get; }

    private static string Describe(string file, int row, string? column, string reason) =>
        column is null
            ? string.Create(CultureInfo.InvariantCulture, $"{file}, row {row}: {reason}")
            : string.Create(CultureInfo.InvariantCulture, $"{file}, row {row}, column {column}: {reason}");
}
