using System.Globalization;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using Immunization.Core.Records.Files;
using NodaTime;

namespace Immunization.Cli.Cdsi;

/// <summary>
/// Reads CDC's CDSi test cases exported as CSV (one row per case, CDC's column names): the healthy childhood and adult
/// layout, and the underlying-conditions layout with <c>Observation_Code_n</c> columns. Dates are ISO (<c>yyyy-MM-dd</c>)
/// or CDC's <c>MM/dd/yyyy</c>.
/// </summary>
internal static class CdsiTestCaseReader
{
    private const int MaxDoses = 7;
    private const int MaxObservations = 3;

    // Dates outside these years are refused: no patient or dose of a test case lies there, and the engine's date
    // arithmetic (ages, intervals) must stay within NodaTime's range.
    private const int MinYear = 1900;
    private const int MaxYear = 2199;
    // CDC's vocabularies (layout files v4.45 and v4.6); compared without case, as CDC's own files vary.
    private static readonly HashSet<string> s_doseStatuses = new(["Valid", "Not Valid", "Extraneous", "Sub-standard"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> s_seriesStatuses = new(["Not complete", "Complete", "Immune", "Contraindicated", "Aged out", "Not recommended"], StringComparer.OrdinalIgnoreCase);
    private static readonly string[] s_required = ["CDC_Test_ID", "DOB", "gender", "Series_Status", "Vaccine_Group", "Assessment_Date"];

    /// <summary>Reads every case of the file.</summary>
    /// <exception cref="FormatException">A column is missing or a value cannot be read; the message names the file, row and column.</exception>
    public static List<CdsiTestCase> ReadFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new FormatException($"{Path.GetFileName(Path.TrimEndingDirectorySeparator(path))}: is a folder, not a file.");
        }

        using var reader = File.OpenText(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static List<CdsiTestCase> Read(TextReader text, string fileName)
    {
        if (text.Peek() < 0)
        {
            throw new FormatException($"{fileName}: the file is empty.");
        }

        // Core's reader checks the header and the rows' quotes, naming the row, never quoting it.
        var reader = StandardCsvReader.Open(text, fileName, columns: null);
        var header = reader.Header;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            // CDC writes "Assessment Date" in the dictionary and "Assessment_Date" in the sheet: accept both.
            columns.TryAdd(header[i].Trim().Replace(' ', '_'), i);
        }

        foreach (var name in s_required)
        {
            if (!columns.ContainsKey(name))
            {
                throw new FormatException($"{fileName}: column '{name}' is missing; this is not a CDC CDSi test-case file.");
            }
        }

        var cases = new List<CdsiTestCase>();
        while (reader.NextRow())
        {
            var rowNumber = reader.Row;

            // Shorter rows are read (missing columns are empty), as CDC's sheets end rows early; wider ones are refused.
            reader.CheckQuotes();
            if (reader.FieldCount > header.Count)
            {
                reader.Check();
            }

            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.Span(i).ToString().Trim();
            }

            string Get(string column) =>
                columns.TryGetValue(column, out var index) && index < values.Length ? values[index] : string.Empty;

            LocalDate? Date(string column)
            {
                var value = Get(column);
                if (value.Length == 0)
                {
                    return null;
                }

                // The date of birth is personal data: it is never shown; other dates are shown cut short.
                var shown = column == "DOB" ? "the value" : $"'{CsvInput.Shown(value)}'";
                if (DateTime.TryParseExact(value, ["yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date.Year is >= MinYear and <= MaxYear
                        ? LocalDate.FromDateTime(date)
                        : throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                            $"{fileName}, row {rowNumber}, column {column}: {shown} is out of range (years {MinYear} to {MaxYear})."));
                }

                throw new FormatException($"{fileName}, row {rowNumber}, column {column}: {shown} is not a date (yyyy-MM-dd or MM/dd/yyyy).");
            }

            LocalDate RequiredDate(string column) =>
                Date(column) ?? throw new FormatException($"{fileName}, row {rowNumber}, column {column}: a date is required.");

            var id = Get("CDC_Test_ID");
            if (id.Length == 0)
            {
                continue;
            }

            var sex = Get("gender").ToUpperInvariant() switch
            {
                "M" or "MALE" => Sex.Male,
                "F" or "FEMALE" => Sex.Female,
                "" or "U" or "UNKNOWN" => Sex.Unknown,
                var other => throw new FormatException($"{fileName}, row {rowNumber}, column gender: '{CsvInput.Shown(other)}' is not M or F."),
            };
            var doses = new List<ExpectedDose>();
            for (var n = 1; n <= MaxDoses; n++)
            {
                var date = Date($"Date_Administered_{n}");
                var cvx = Get($"CVX_{n}");
                if (date is null)
                {
                    if (cvx.Length > 0)
                    {
                        throw new FormatException($"{fileName}, row {rowNumber}, column Date_Administered_{n}: a date is required when CVX_{n} is given.");
                    }

                    continue;
                }

                if (cvx.Length == 0 || !cvx.All(char.IsAsciiDigit))
                {
                    throw new FormatException($"{fileName}, row {rowNumber}, column CVX_{n}: '{CsvInput.Shown(cvx)}' is not a CVX code (digits).");
                }

                var mvx = Get($"MVX_{n}");
                var status = Get($"Evaluation_Status_{n}");
                if (status.Length > 0 && !s_doseStatuses.Contains(status))
                {
                    throw new FormatException($"{fileName}, row {rowNumber}, column Evaluation_Status_{n}: '{CsvInput.Shown(status)}' is not an evaluation status ({string.Join(", ", s_doseStatuses)}).");
                }

                doses.Add(new ExpectedDose(new AdministeredDose(date.Value, cvx, mvx.Length == 0 ? null : mvx), status, Get($"Evaluation_Reason_{n}")));
            }

            var observations = new List<PatientObservation>();
            for (var n = 1; n <= MaxObservations; n++)
            {
                var code = Get($"Observation_Code_{n}");
                if (code.Length > 0)
                {
                    observations.Add(new PatientObservation(code.PadLeft(3, '0'), Date($"Observation_Date_{n}")));
                }
            }

            var group = Get("Vaccine_Group");
            if (group.Length == 0)
            {
                throw new FormatException($"{fileName}, row {rowNumber}, column Vaccine_Group: a vaccine group is required.");
            }

            var seriesStatus = Get("Series_Status");
            if (!s_seriesStatuses.Contains(seriesStatus))
            {
                throw new FormatException($"{fileName}, row {rowNumber}, column Series_Status: '{CsvInput.Shown(seriesStatus)}' is not a series status ({string.Join(", ", s_seriesStatuses)}).");
            }

            var forecastNumber = Get("Forecast_#");
            if (forecastNumber.Length > 0 && forecastNumber != "-"
                && !(forecastNumber.All(char.IsAsciiDigit) && int.TryParse(forecastNumber, CultureInfo.InvariantCulture, out var number) && number > 0))
            {
                throw new FormatException($"{fileName}, row {rowNumber}, column Forecast_#: '{CsvInput.Shown(forecastNumber)}' is not a dose number (1, 2, ...) or '-'.");
            }

            var birth = RequiredDate("DOB");
            var assessment = RequiredDate("Assessment_Date");
            if (birth > assessment)
            {
                // The engine assesses a patient already born; such a row is refused here, without showing either date.
                throw new FormatException($"{fileName}, row {rowNumber}, column DOB: the date of birth is after the assessment date.");
            }

            cases.Add(new CdsiTestCase(
                id,
                rowNumber,
                birth,
                sex,
                observations,
                doses,
                seriesStatus,
                forecastNumber,
                Date("Earliest_Date"),
                Date("Recommended_Date"),
                Date("Past_Due_Date"),
                group,
                assessment));
        }

        return cases;
    }
}
