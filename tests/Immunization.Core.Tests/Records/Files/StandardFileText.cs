using System.Globalization;
using System.Text;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Core.Records.Files;
using NodaTime;

namespace Immunization.Core.Tests.Records.Files;

/// <summary>Writes register and records rows as RFC 4180 CSV for the reader's tests: every non-empty field quoted.</summary>
internal static class StandardFileText
{
    public static string Register(IEnumerable<RegisterEntry> entries, string newLine = "\n")
    {
        var text = new StringBuilder().Append(string.Join(',', StandardColumns.Register)).Append(newLine);
        foreach (var entry in entries)
        {
            text.Append(Quoted(entry.PersonId)).Append(',').Append(Person(entry.Person)).Append(newLine);
        }

        return text.ToString();
    }

    public static string Records(IEnumerable<DoseRecord> records, string newLine = "\n")
    {
        var text = new StringBuilder().Append(string.Join(',', StandardColumns.Records)).Append(newLine);
        foreach (var r in records)
        {
            string?[] dose =
            [
                r.VaccineCode, r.DoseDate?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                r.DoseNumber?.ToString(CultureInfo.InvariantCulture), r.SiteId, r.PriorityGroup?.ToString(CultureInfo.InvariantCulture),
            ];
            text.Append(Quoted(r.RecordId)).Append(',').Append(Person(r.Person)).Append(',')
                .Append(string.Join(',', dose.Select(Quoted))).Append(newLine);
        }

        return text.ToString();
    }

    public static string Quoted(string? value) => value is null ? "" : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Person(PersonDetails p)
    {
        string?[] fields =
        [
            p.CitizenId, p.FullName, p.DateOfBirth?.ToString(), p.Sex switch { Sex.Male => "M", Sex.Female => "F", _ => null }, p.Phone,
            p.ProvinceCode, p.CommuneCode, p.AdminScheme switch { AdministrativeScheme.Old => "old", AdministrativeScheme.New => "new", _ => null },
            p.Address, p.Nationality,
        ];
        return string.Join(',', fields.Select(Quoted));
    }
}
