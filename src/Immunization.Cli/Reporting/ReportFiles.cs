using System.Collections.Immutable;
using Immunization.Cli.Matching;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Eligibility;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Core.Records.Files;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Export;
using NodaTime;
using NodaTime.Text;

namespace Immunization.Cli.Reporting;

/// <summary>
/// Reads the report command's inputs into Reporting's values: register.csv and records.csv through the standard readers,
/// links.csv (from <c>link --register</c>) and people.csv (from <c>evaluate</c>) here. Errors name file, row and column.
/// </summary>
internal static class ReportFiles
{
    /// <summary>
    /// One row of links.csv: the person, the outcome, the differences, for an ambiguous record the matcher's reason, and the
    /// person's register row when the file gives it.
    /// </summary>
    internal sealed record Link(string? PersonId, VerificationOutcome Outcome, ImmutableArray<IdentityDifference> Differences, AmbiguityReason? AmbiguityReason = null, int? RegisterRow = null)
    {
        /// <summary>The row of links.csv the link was read from.</summary>
        public int Line { get; init; }
    }

    /// <summary>
    /// Reads links.csv of <c>link --register</c>: outcomes and the <c>differing_fields</c> column by the names
    /// <see cref="VerificationNames"/> writes (an ambiguous record's reason first, as <c>ambiguous:</c><i>reason</i>); and,
    /// when the file has it, the optional <c>register_row</c> column: the linked person's data row in register.csv,
    /// counted from 0 (empty: not known). The row only saves the report a lookup: a row that does not hold the person id is
    /// ignored (<see cref="DoseEntry.RegisterRow"/>).
    /// </summary>
    public static Dictionary<string, Link> ReadLinks(string path)
    {
        var links = new Dictionary<string, Link>(StringComparer.Ordinal);
        string file = Path.GetFileName(path);
        foreach (var (line, row) in ReadTable(path, ["record_id", "person_id", "outcome", "differing_fields"]))
        {
            string recordId = row["record_id"];
            string person = row["person_id"];
            if (!VerificationNames.TryParse(row["outcome"], out VerificationOutcome outcome))
            {
                throw new StandardFileException(file, line, "outcome", "expected verified, differs, ambiguous, not_found or not_applicable");
            }

            if (!VerificationNames.TryParseDifferences(row["differing_fields"], out var differences, out var reason))
            {
                throw new StandardFileException(file, line, "differing_fields",
                    "expected field:kind parts separated by ';' (e.g. full_name:tone_marks), an ambiguous record's reason first as ambiguous:reason");
            }

            int? registerRow = null;
            if (row.TryGetValue("register_row", out var rowText) && rowText.Length > 0)
            {
                registerRow = int.TryParse(rowText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number)
                    ? number
                    : throw new StandardFileException(file, line, "register_row", "expected the register's data row counted from 0, or nothing");
            }

            links[recordId] = new Link(person.Length == 0 ? null : person, outcome, differences, reason, registerRow) { Line = line };
        }

        return links;
    }

    public static List<PersonStatus> ReadPeople(string path)
    {
        var people = new List<PersonStatus>();
        string file = Path.GetFileName(path);
        foreach (var (line, row) in ReadTable(path, ["person_key", "status"]))
        {
            var status = row["status"] switch
            {
                "not_vaccinated" => VaccinationStatus.NotVaccinated,
                "partially_vaccinated" => VaccinationStatus.PartiallyVaccinated,
                "primary_series_complete" => VaccinationStatus.PrimarySeriesComplete,
                "boosted" => VaccinationStatus.Boosted,
                "second_booster" => VaccinationStatus.SecondBooster,
                _ => throw new StandardFileException(file, line, "status", "expected not_vaccinated, partially_vaccinated, primary_series_complete, boosted or second_booster"),
            };
            people.Add(new PersonStatus(
                row["person_key"],
                status,
                row.TryGetValue("first_dose_date", out var first) ? Date(first, file, line, "first_dose_date") : null,
                row.TryGetValue("second_dose_date", out var second) ? Date(second, file, line, "second_dose_date") : null,
                row.TryGetValue("first_product", out var product) && product.Length > 0 ? product : null));
        }

        return people;
    }

    /// <summary>
    /// Reads each person's next dose from <c>people.csv</c> of <c>evaluate</c> (<c>next_dose</c>, <c>earliest</c>,
    /// <c>recommended</c>, <c>past_due</c>, <c>priority_groups</c>); empty when the file has no <c>next_dose</c> column, a
    /// person without a next dose (series complete, or no dates) left out.
    /// </summary>
    public static List<Immunization.Reporting.DueLists.NextDose> ReadNextDoses(string path)
    {
        var next = new List<Immunization.Reporting.DueLists.NextDose>();
        string file = Path.GetFileName(path);
        foreach (var (line, row) in ReadTable(path, ["person_key"]))
        {
            if (!row.TryGetValue("next_dose", out var number) || number.Length == 0)
            {
                continue;
            }

            if (!int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int dose))
            {
                throw new StandardFileException(file, line, "next_dose", "expected a dose number");
            }

            var earliest = row.TryGetValue("earliest", out var e) ? Date(e, file, line, "earliest") : null;
            var recommended = row.TryGetValue("recommended", out var r) ? Date(r, file, line, "recommended") : null;
            if (earliest is not { } from || recommended is not { } at)
            {
                continue;
            }

            var pastDue = row.TryGetValue("past_due", out var pd) ? Date(pd, file, line, "past_due") : null;
            var groups = row.TryGetValue("priority_groups", out var g) ? g.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            next.Add(new Immunization.Reporting.DueLists.NextDose(row["person_key"], dose, from, at, pastDue, groups));
        }

        return next;
    }

    /// <summary>
    /// Reads <c>doses.csv</c> from <c>evaluate</c>: whether each record's dose is valid (<c>evaluation</c> is <c>valid</c>).
    /// </summary>
    public static Dictionary<string, bool> ReadDoseValidity(string path)
    {
        var valid = new Dictionary<string, bool>(StringComparer.Ordinal);
        string file = Path.GetFileName(path);
        foreach (var (line, row) in ReadTable(path, ["record_id", "evaluation"]))
        {
            string evaluation = row["evaluation"];
            if (evaluation is not ("valid" or "not_valid" or "extraneous" or "sub_standard" or "not_evaluated"))
            {
                throw new StandardFileException(file, line, "evaluation", "expected valid, not_valid, extraneous, sub_standard or not_evaluated");
            }

            if (!valid.TryAdd(row["record_id"], evaluation == "valid"))
            {
                throw new StandardFileException(file, line, "record_id", "the same record_id as an earlier row");
            }
        }

        return valid;
    }

    public static ReportInput Read(string registerPath, string recordsPath, string linksPath, string? peoplePath, string? dosesPath = null) =>
        Read(registerPath, recordsPath, linksPath, peoplePath, dosesPath, null);

    /// <summary>
    /// Reads the inputs; <paramref name="keepRecords"/>, when given, receives the dose records as read, in file order, and
    /// <paramref name="unlinked"/> the records that links.csv has no row for (read as <c>not_found</c>). A row of links.csv
    /// whose record records.csv does not have is an error naming its row: the two files do not belong together.
    /// </summary>
    public static ReportInput Read(string registerPath, string recordsPath, string linksPath, string? peoplePath, string? dosesPath, List<DoseRecord>? keepRecords, UnlinkedRecords? unlinked = null)
    {
        var links = ReadLinks(linksPath);
        var validity = dosesPath is null ? null : ReadDoseValidity(dosesPath);
        var register = new List<RegisterPerson>();
        var groups = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var doses = new List<DoseEntry>();
        // Each link's use marked by its row of links.csv (one flag per row, not a set of every record id).
        var used = new bool[links.Count == 0 ? 0 : links.Values.Max(l => l.Line) + 1];
        foreach (var (recordRow, record) in StandardFilePaths.ReadFile(recordsPath, StandardFileReader.ReadRecordRows))
        {
            if (links.TryGetValue(record.RecordId, out var link))
            {
                used[link.Line] = true;
            }
            else if (unlinked is not null)
            {
                unlinked.Count++;
                unlinked.FirstRow ??= recordRow;
            }

            var outcome = link?.Outcome ?? VerificationOutcome.NotFound;
            string? person = link?.PersonId is { } p && outcome is VerificationOutcome.Verified or VerificationOutcome.Differs ? p : null;
            if (person is not null && record.PriorityGroup is int group)
            {
                if (!groups.TryGetValue(person, out var set))
                {
                    groups[person] = set = [];
                }

                set.Add(group.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            keepRecords?.Add(record);
            doses.Add(new DoseEntry(record.RecordId, person, outcome, record.DoseDate ?? default, record.VaccineCode ?? "unknown",
                validity is null ? record.DoseDate is not null : validity.TryGetValue(record.RecordId, out var isValid) && isValid)
            {
                Differences = link is null ? [] : link.Differences,
                AmbiguityReason = outcome == VerificationOutcome.Ambiguous ? link?.AmbiguityReason : null,
                RecordCommune = Place(record.Person),
                SiteCode = record.SiteId,
                IdentityNumber = IdentityState(record.Person.CitizenId),
                RegisterRow = person is null ? null : link?.RegisterRow,
            });
        }

        var strays = links.Values.Where(l => !used[l.Line]).Select(l => l.Line).Order().ToList();
        if (strays.Count > 0)
        {
            throw new StandardFileException(Path.GetFileName(linksPath), strays[0], "record_id",
                $"no record of {Path.GetFileName(recordsPath)} has this id ({strays.Count} rows of {Path.GetFileName(linksPath)} name records it does not have: are these the links of these records?)");
        }

        foreach (var entry in StandardFilePaths.ReadFile(registerPath, StandardFileReader.ReadRegister))
        {
            var birth = entry.Person.DateOfBirth is { } dob && dob.Precision != DatePrecision.None ? dob.Earliest : default;
            register.Add(new RegisterPerson(
                entry.PersonId,
                entry.Person.Sex,
                birth,
                Place(entry.Person),
                groups.TryGetValue(entry.PersonId, out var g) ? [.. g] : []));
        }

        return new ReportInput
        {
            Register = register,
            Doses = doses,
            Statuses = peoplePath is null ? null : ReadPeople(peoplePath),
        };
    }

    /// <summary>The records that links.csv has no row for: how many, and the first one's row in records.csv.</summary>
    internal sealed class UnlinkedRecords
    {
        /// <summary>How many records links.csv has no row for.</summary>
        public int Count { get; set; }

        /// <summary>The first such record's row in records.csv.</summary>
        public int? FirstRow { get; set; }
    }

    /// <summary>Whether an identity number as written is missing, valid or invalid.</summary>
    public static IdentityNumberState IdentityState(string? id) =>
        string.IsNullOrWhiteSpace(id) ? IdentityNumberState.Missing
            : CitizenId.TryParse(id, out _) ? IdentityNumberState.Valid : IdentityNumberState.Invalid;

    // Rows of a CSV file with a header, through Core's reader (errors name file, row and column, never the row's content);
    // blank lines skipped; the required columns checked. Each row is a column-name -> value map.
    internal static IEnumerable<(int Line, Dictionary<string, string> Row)> ReadTable(string path, string[] required)
    {
        string file = Path.GetFileName(path);
        using var text = StandardFilePaths.OpenText(path);
        var reader = StandardCsvReader.Open(text, file, columns: null);
        var header = reader.Header;
        foreach (var column in required)
        {
            if (!header.Contains(column))
            {
                throw new StandardFileException(file, 1, column, header.Count == 1 && header[0].Contains(';', StringComparison.Ordinal)
                    ? "the column is missing (the header is one column holding ';': the columns must be separated by ',')"
                    : "the column is missing");
            }
        }

        while (reader.Next())
        {
            var values = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                values[header[i]] = reader.Span(i).ToString();
            }

            yield return (reader.Row, values);
        }
    }

    private static LocalDate? Date(string text, string file, int line, string column)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new StandardFileException(file, line, column, "expected a date as yyyy-MM-dd");
    }

    /// <summary>The residence written on a record or register entry: its commune, else its province, else none.</summary>
    public static AdministrativeUnit Place(PersonDetails person)
    {
        var scheme = person.AdminScheme ?? AdministrativeScheme.New;
        var catalog = AdministrativeUnitCatalog.Vietnam;
        if (person.CommuneCode is { } commune && catalog.TryGetByCode(scheme, commune, out var unit) && unit.Level == AdministrativeLevel.Commune)
        {
            return unit;
        }

        return person.ProvinceCode is { } province && catalog.TryGetByCode(scheme, province, out var p) ? p : default;
    }

    /// <summary>
    /// Reads a DHIS2 mapping with the checks every JSON input gets (encoding, size, depth, duplicate keys, trailing text);
    /// a mapping the library refuses is reported naming the file, with anything quoted from it cut short.
    /// </summary>
    public static Dhis2Mapping ReadDhis2Mapping(string path)
    {
        using var stream = new MemoryStream(JsonInput.Read(path, "DHIS2 mapping"), writable: false);
        try
        {
            return Dhis2Mapping.Read(stream);
        }
        catch (System.Text.Json.JsonException e)
        {
            // The serializer's message names .NET types; a value of the wrong type is said as such, at its path.
            string reason = e.Message.Contains("could not be converted", StringComparison.Ordinal) ? "a value of the wrong type" : e.Message;
            throw new CliInputException(JsonInput.Cap($"{Path.GetFileName(path)}: not a DHIS2 mapping: at {e.Path ?? "$"}: {reason}"));
        }
    }
}
