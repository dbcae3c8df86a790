using System.Text;
using Ardalis.GuardClauses;

namespace Immunization.Core.Records.Files;

/// <summary>
/// Reads the project's standard files from a stream or a text, row by row (one row in memory at a time): a register
/// (<c>register.csv</c>) into <see cref="RegisterEntry"/>s, vaccination records (<c>records.csv</c>) into
/// <see cref="DoseRecord"/>s. The caller opens the file and names it; errors name that file, the row and the column, never
/// a value.
/// </summary>
/// <remarks>
/// <para>CSV as RFC 4180 writes it (comma, double quotes, CRLF or LF), UTF-8 with or without a byte-order mark. Columns are
/// found by their header names, in any order; extra columns are ignored; blank rows are skipped. Accepted variants: dates as
/// <c>yyyy-MM-dd</c>, <c>yyyy-MM</c>, <c>yyyy</c> or <c>dd/MM/yyyy</c> (read into <see cref="Identity.PartialDate"/>); sex as
/// <c>M</c>/<c>F</c>, <c>Nam</c>/<c>Nữ</c> or <c>Male</c>/<c>Female</c> (any case, with or without the tone mark). Empty
/// fields are missing data (<see langword="null"/>).</para>
/// <para>The results are read lazily: enumerate them once, while the text is open.</para>
/// </remarks>
public static class StandardFileReader
{
    /// <summary>Reads <c>register.csv</c> from a text.</summary>
    /// <param name="text">The file's text; the caller disposes it.</param>
    /// <param name="options">The file's name and the mode.</param>
    /// <exception cref="StandardFileException">The file cannot be read, or (strict mode) a row cannot.</exception>
    public static IEnumerable<RegisterEntry> ReadRegister(TextReader text, StandardFileOptions options) =>
        Values(ReadRegisterRows(text, options));

    /// <summary>Reads <c>register.csv</c> from a text, each entry with its row in the file (the header is row 1).</summary>
    /// <param name="text">The file's text; the caller disposes it.</param>
    /// <param name="options">The file's name and the mode.</param>
    /// <exception cref="StandardFileException">The file cannot be read, or (strict mode) a row cannot.</exception>
    public static IEnumerable<StandardFileRow<RegisterEntry>> ReadRegisterRows(TextReader text, StandardFileOptions options) =>
        Read(text, options, StandardColumns.Register, static row => new RegisterEntry(row.Id(), row.Person()));

    /// <summary>Reads <c>register.csv</c> from a stream of UTF-8 (or of the encoding its byte-order mark names).</summary>
    /// <param name="stream">The file's bytes; left open.</param>
    /// <param name="options">The file's name and the mode.</param>
    /// <exception cref="StandardFileException">The file cannot be read, or (strict mode) a row cannot.</exception>
    public static IEnumerable<RegisterEntry> ReadRegister(Stream stream, StandardFileOptions options) =>
        FromStream(stream, options, ReadRegister);

    /// <summary>Reads <c>records.csv</c> from a text.</summary>
    /// <param name="text">The file's text; the caller disposes it.</param>
    /// <param name="options">The file's name and the mode.</param>
    /// <exception cref="StandardFileException">The file cannot be read, or (strict mode) a row cannot.</exception>
    public static IEnumerable<DoseRecord> ReadRecords(TextReader text, StandardFileOptions options) =>
        Values(ReadRecordRows(text, options));

    /// <summary>Reads <c>records.csv</c> from a text, each record with its row in the file (the header is row 1).</summary>
    /// <param name="text">The file's text; the caller disposes it.</param>
    /// <param name="options">The file's name and the mode.</param>
    /// <exception cref="StandardFileException">The file cannot be read, or (strict mode) a row cannot.</exception>
    public static IEnumerable<StandardFileRow<DoseRecord>> ReadRecordRows(TextReader text, StandardFileOptions options) =>
        Read(text, options, StandardColumns.Records, static row => new DoseRecord(
            row.Id(),
            row.Person(),
            vaccineCode: row.VaccineCode(11),
            doseDate: row.FullDate(12),
            doseNumber: row.Integer(13, 1, 99),
            siteId: row.Optional(14),
            priorityGroup: row.Integer(15, 1, 11)));

    /// <summary>Reads <c>records.csv</c> from a stream of UTF-8 (or of the encoding its byte-order mark names).</summary>
    /// <param name="stream">The file's bytes; left open.</param>
    /// <param name="options">The file's name and the mode.</param>
    /// <exception cref="StandardFileException">The file cannot be read, or (strict mode) a row cannot.</exception>
    public static IEnumerable<DoseRecord> ReadRecords(Stream stream, StandardFileOptions options) =>
        FromStream(stream, options, ReadRecords);

    /// <summary>
    /// Reads <c>truth.csv</c>, the answer key of synthetic data: each record's id and its person's id (<see langword="null"/>
    /// when the person is not in the register).
    /// </summary>
    /// <param name="text">The file's text; the caller disposes it.</param>
    /// <param name="options">The file's name and the mode.</param>
    /// <exception cref="StandardFileException">The file cannot be read, or (strict mode) a row cannot.</exception>
    public static IEnumerable<(string RecordId, string? PersonId)> ReadTruth(TextReader text, StandardFileOptions options) =>
        Values(Read(text, options, StandardColumns.Truth, static row => (row.Id(), row.Optional(1))));

    private static IEnumerable<T> Values<T>(IEnumerable<StandardFileRow<T>> rows)
    {
        foreach (var row in rows)
        {
            yield return row.Value;
        }
    }

    private static IEnumerable<T> FromStream<T>(Stream stream, StandardFileOptions options, Func<TextReader, StandardFileOptions, IEnumerable<T>> read)
    {
        Guard.Against.Null(stream);
        Check(options);
        return Lines();

        IEnumerable<T> Lines()
        {
            using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            foreach (var item in read(text, options))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<StandardFileRow<T>> Read<T>(TextReader text, StandardFileOptions options, IReadOnlyList<string> columns, Func<StandardRowValues, T> convert)
    {
        Guard.Against.Null(text);
        Check(options);
        return Rows();

        IEnumerable<StandardFileRow<T>> Rows()
        {
            var reader = StandardCsvReader.Open(text, options.FileName, columns, idColumn: columns[0]);
            var row = new StandardRowValues(reader, columns);
            var lenient = options.Mode == StandardFileMode.Lenient;
            while (reader.NextRow())
            {
                T item;
                try
                {
                    reader.Check();
                    item = convert(row);
                }
                catch (StandardFileException e) when (lenient)
                {
                    options.OnProblem!(e.Problem);
                    continue;
                }

                yield return new StandardFileRow<T>(reader.Row, item);
            }
        }
    }

    private static void Check(StandardFileOptions options)
    {
        Guard.Against.Null(options);
        Guard.Against.EnumOutOfRange(options.Mode);
        if (options.Mode == StandardFileMode.Lenient && options.OnProblem is null)
        {
            throw new ArgumentException("The lenient mode needs OnProblem: every row skipped is reported there.", nameof(options));
        }
    }
}
