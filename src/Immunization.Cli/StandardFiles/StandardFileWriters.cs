using System.Globalization;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Core.Records.Files;
using NodaTime;

namespace Immunization.Cli.StandardFiles;

/// <summary>Writes <c>register.csv</c>: one row a person, with the header row.</summary>
internal sealed class RegisterCsvWriter(Stream stream) : IDisposable
{
    private readonly StandardCsvWriter _csv = Start(stream, StandardColumns.Register);

    public void Write(RegisterEntry entry)
    {
        _csv.Field(entry.PersonId);
        StandardFields.WritePerson(_csv, entry.Person);
        _csv.EndRow();
    }

    public void Dispose() => _csv.Dispose();

    internal static StandardCsvWriter Start(Stream stream, IReadOnlyList<string> columns)
    {
        var csv = new StandardCsvWriter(stream);
        csv.Row(columns);
        return csv;
    }
}

/// <summary>Writes <c>records.csv</c>: one row a dose as it was entered, with the header row.</summary>
internal sealed class RecordsCsvWriter(Stream stream) : IDisposable
{
    private readonly StandardCsvWriter _csv = RegisterCsvWriter.Start(stream, StandardColumns.Records);

    public void Write(DoseRecord record)
    {
        _csv.Field(record.RecordId);
        StandardFields.WritePerson(_csv, record.Person);
        _csv.Field(record.VaccineCode);
        _csv.Field(record.DoseDate is { } date ? StandardFields.FormatDate(date) : null);
        _csv.Field(record.DoseNumber);
        _csv.Field(record.SiteId);
        _csv.Field(record.PriorityGroup);
        _csv.EndRow();
    }

    public void Dispose() => _csv.Dispose();
}

/// <summary>Writes <c>truth.csv</c>: <c>record_id,person_id</c>, the person id empty when the person is not in the register.</summary>
internal sealed class TruthCsvWriter(Stream stream) : IDisposable
{
    private readonly StandardCsvWriter _csv = RegisterCsvWriter.Start(stream, StandardColumns.Truth);

    public void Write(string recordId, string? personId)
    {
        _csv.Field(recordId);
        _csv.Field(personId);
        _csv.EndRow();
    }

    public void Dispose() => _csv.Dispose();
}

/// <summary>The text forms of the standard files' fields.</summary>
internal static class StandardFields
{
    public static void WritePerson(StandardCsvWriter csv, PersonDetails person)
    {
        csv.Field(person.CitizenId);
        csv.Field(person.FullName);
        csv.Field(person.DateOfBirth?.ToString());
        csv.Field(FormatSex(person.Sex));
        csv.Field(person.Phone);
        csv.Field(person.ProvinceCode);
        csv.Field(person.CommuneCode);
        csv.Field(FormatScheme(person.AdminScheme));
        csv.Field(person.Address);
        csv.Field(person.Nationality);
    }

    public static string? FormatScheme(AdministrativeScheme? scheme) => scheme switch
    {
        AdministrativeScheme.Old => "old",
        AdministrativeScheme.New => "new",
        _ => null,
    };

    public static string? FormatSex(Sex sex) => sex switch
    {
        Sex.Male => "M",
        Sex.Female => "F",
        _ => null,
    };

    public static string FormatDate(LocalDate date) =>
        date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);
}
