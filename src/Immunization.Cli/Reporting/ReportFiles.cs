using Immunization.Cli.StandardFiles;
using Immunization.Core.Eligibility;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using nietras.SeparatedValues;
using NodaTime;
using NodaTime.Text;

namespace Immunization.Cli.Reporting;

/// <summary>
/// Reads the report command's inputs into Reporting's values: register.csv and records.csv through the standard readers,
/// links.csv (from <c>link --register</c>) and people.csv (from <c>evaluate</c>) here. Errors name file, row and column.
/// </summary>
internal static class ReportFiles
{
    internal sealed record Link(string? PersonId, VerificationOutcome Outcome, IdentityField[] Differing);

    public static Dictionary<string, Link> ReadLinks(string path)
    {
        var links = new Dictionary<string, Link>(StringComparer.Ordinal);
        string file = Path.GetFileName(path);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, HasHeader = true }).FromFile(path);
        foreach (var column in (string[])["record_id", "person_id", "outcome", "differing_fields"])
        {
            if (!reader.Header.ColNames.Contains(column))
            {
                throw new StandardFileException(file, 1, column, "the column is missing");
            }
        }

        int line = 1;
        foreach (var row in reader)
        {
            line++;
            string recordId = row["record_id"].ToString();
            string person = row["person_id"].ToString();
            var outcome = row["outcome"].ToString() switch
            {
                "verified" => VerificationOutcome.Verified,
                "differs" => VerificationOutcome.Differs,
                "ambiguous" => VerificationOutcome.Ambiguous,
                "not_found" => VerificationOutcome.NotFound,
                "not_applicable" => VerificationOutcome.NotApplicable,
                _ => throw new StandardFileException(file, line, "outcome", "expected verified, differs, ambiguous, not_found or not_applicable"),
            };
            var differing = row["differing_fields"].ToString()
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(f => Field(f.Split(':')[0]))
                .Where(f => f is not null)
                .Select(f => f!.Value)
                .Distinct()
                .ToArray();
            links[recordId] = new Link(person.Length == 0 ? null : person, outcome, differing);
        }

        return links;
    }

    public static List<PersonStatus> ReadPeople(string path)
    {
        var people = new List<PersonStatus>();
        string file = Path.GetFileName(path);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, HasHeader = true }).FromFile(path);
        foreach (var column in (string[])["person_key", "status"])
        {
            if (!reader.Header.ColNames.Contains(column))
            {
                throw new StandardFileException(file, 1, column, "the column is missing");
            }
        }

        bool hasFirst = reader.Header.ColNames.Contains("first_dose_date");
        bool hasSecond = reader.Header.ColNames.Contains("second_dose_date");
        bool hasProduct = reader.Header.ColNames.Contains("first_product");
        int line = 1;
        foreach (var row in reader)
        {
            line++;
            var status = row["status"].ToString() switch
            {
                "not_vaccinated" => VaccinationStatus.NotVaccinated,
                "partially_vaccinated" => VaccinationStatus.PartiallyVaccinated,
                "primary_series_complete" => VaccinationStatus.PrimarySeriesComplete,
                "boosted" => VaccinationStatus.Boosted,
                "second_booster" => VaccinationStatus.SecondBooster,
                _ => throw new StandardFileException(file, line, "status", "expected not_vaccinated, partially_vaccinated, primary_series_complete, boosted or second_booster"),
            };
            people.Add(new PersonStatus(
                row["person_key"].ToString(),
                status,
                hasFirst ? Date(row["first_dose_date"].ToString(), file, line, "first_dose_date") : null,
                hasSecond ? Date(row["second_dose_date"].ToString(), file, line, "second_dose_date") : null,
                hasProduct && row["first_product"].ToString() is { Length: > 0 } p ? p : null));
        }

        return people;
    }

    public static ReportInput Read(string registerPath, string recordsPath, string linksPath, string? peoplePath)
    {
        var links = ReadLinks(linksPath);
        var register = new List<RegisterPerson>();
        var groups = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var doses = new List<DoseEntry>();
        foreach (var record in StandardFileReader.ReadFile(recordsPath, StandardFileReader.ReadRecords))
        {
            links.TryGetValue(record.RecordId, out var link);
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

            string? id = record.Person.CitizenId;
            doses.Add(new DoseEntry(record.RecordId, person, outcome, record.DoseDate ?? default, record.VaccineCode ?? "unknown", record.DoseDate is not null)
            {
                DifferingFields = link?.Differing ?? [],
                AmbiguityReason = outcome == VerificationOutcome.Ambiguous ? "see explanations.csv" : null,
                RecordCommune = Place(record.Person),
                SiteCode = record.SiteId,
                IdentityNumber = string.IsNullOrWhiteSpace(id) ? IdentityNumberState.Missing
                    : CitizenId.TryParse(id, out _) ? IdentityNumberState.Valid : IdentityNumberState.Invalid,
            });
        }

        foreach (var entry in StandardFileReader.ReadFile(registerPath, StandardFileReader.ReadRegister))
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

    private static LocalDate? Date(string text, string file, int line, string column)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new StandardFileException(file, line, column, "expected a date as yyyy-MM-dd");
    }

    private static AdministrativeUnit Place(PersonDetails person)
    {
        var scheme = person.AdminScheme ?? AdministrativeScheme.New;
        var catalog = AdministrativeUnitCatalog.Vietnam;
        if (person.CommuneCode is { } commune && catalog.TryGetByCode(scheme, commune, out var unit) && unit.Level == AdministrativeLevel.Commune)
        {
            return unit;
        }

        return person.ProvinceCode is { } province && catalog.TryGetByCode(scheme, province, out var p) ? p : default;
    }

    private static IdentityField? Field(string name) => name switch
    {
        "citizen_id" => IdentityField.CitizenId,
        "full_name" => IdentityField.FullName,
        "date_of_birth" => IdentityField.DateOfBirth,
        "sex" => IdentityField.Sex,
        "phone" => IdentityField.Phone,
        "residence" or "commune_code" or "province_code" => IdentityField.Residence,
        _ => null,
    };
}
