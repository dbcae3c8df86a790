using System.Globalization;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Eligibility;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using Immunization.Core.Records;
using Immunization.Core.Records.Files;
using NodaTime;

namespace Immunization.Cli.Evaluate;

/// <summary>
/// Reads the standard record file (and a links file), groups records by person, evaluates each person's COVID-19 doses
/// as of a date, and writes people.csv, doses.csv and rejects.csv. Every data row of the record file ends in doses.csv or
/// in rejects.csv (file, row, column, reason; never the value).
/// </summary>
internal sealed class EvaluateRun(CovidEvaluator evaluator, LocalDate asOf)
{
    private readonly List<(int Row, DoseRecord Record)> _records = [];
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);

    public int Rows { get; private set; }

    public int Rejected { get; private set; }

    public int People { get; private set; }

    public int DoseRows { get; private set; }

    /// <summary>Reads the records with the standard reader's lenient mode, so that one bad row is rejected, not the file.</summary>
    public void ReadRecords(string path, StandardCsvWriter rejects)
    {
        var name = Path.GetFileName(path);
        var options = new StandardFileOptions(name)
        {
            Mode = StandardFileMode.Lenient,
            OnProblem = problem =>
            {
                Rows++;
                Reject(rejects, problem.File, problem.Row, problem.Column, problem.Reason);
            },
        };
        using var text = StandardFilePaths.OpenText(path);
        foreach (var (row, record) in StandardFileReader.ReadRecordRows(text, options))
        {
            Rows++;
            _records.Add((row, record));
        }
    }

    /// <summary>Reads links.csv (record_id, person_id, cluster_id): the person key of each record.</summary>
    public void ReadLinks(string path)
    {
        var name = Path.GetFileName(path);
        using var text = StandardFilePaths.OpenText(path);
        // Columns by name (the reader refuses a header without them): record_id, person_id, cluster_id are spans 0, 1, 2.
        var reader = StandardCsvReader.Open(text, name, ["record_id", "person_id", "cluster_id"]);
        while (reader.Next())
        {
            var person = reader.Span(1).Trim();
            var cluster = reader.Span(2).Trim();
            var key = person.Length > 0 ? "P:" + person.ToString() : cluster.Length > 0 ? "C:" + cluster.ToString() : null;
            if (key is not null)
            {
                _links[reader.Span(0).Trim().ToString()] = key;
            }
        }
    }

    public void Evaluate(string recordsName, StandardCsvWriter people, StandardCsvWriter doses, StandardCsvWriter rejects)
    {
        people.Row(["person_key", "records", "age_group", "priority_groups", "status", "series", "next_dose", "next_kind", "earliest", "recommended", "past_due", "products", "rule", "blocked", "first_dose_date", "second_dose_date", "first_product"]);
        doses.Row(["record_id", "person_key", "dose_date", "vaccine_code", "evaluation", "dose_number", "reason", "explanation"]);
        var groups = new Dictionary<string, List<(int Row, DoseRecord Record)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (row, record) in _records)
        {
            if (record.VaccineCode is null || record.DoseDate is null)
            {
                Reject(rejects, recordsName, row, record.VaccineCode is null ? "vaccine_code" : "dose_date", "a value is required to evaluate the dose");
                continue;
            }

            var key = Key(record);
            if (key is null)
            {
                Reject(rejects, recordsName, row, "citizen_id", "no person to group by: no links entry, no valid identity number, and no name with a date of birth");
                continue;
            }

            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                order.Add(key);
            }

            list.Add((row, record));
        }

        foreach (var key in order)
        {
            EvaluatePerson(groups[key], recordsName, people, doses, rejects);
        }
    }

    private string? Key(DoseRecord record)
    {
        if (_links.TryGetValue(record.RecordId.Trim(), out var linked))
        {
            return linked;
        }

        var details = record.Person;
        if (details.CitizenId is { } id && CitizenId.TryParse(id, out var citizen))
        {
            return "I:" + citizen;
        }

        if (details.FullName is { } fullName && details.DateOfBirth is { } born && PersonName.TryParse(fullName, out var name))
        {
            return "N:" + name.MatchingKey + "|" + born;
        }

        return null;
    }

    private void EvaluatePerson(List<(int Row, DoseRecord Record)> records, string recordsName, StandardCsvWriter people, StandardCsvWriter doses, StandardCsvWriter rejects)
    {
        // The person's facts from their records: the most precise date of birth (first row on a tie), the first known
        // sex, and each priority group from the earliest dose date of a record that names it (a record is evidence of the
        // group on its dose date; the evaluation as of a date uses only the groups in effect then).
        PartialDate? birth = null;
        var sex = Sex.Unknown;
        var groups = new SortedDictionary<PriorityGroup, LocalDate>();
        foreach (var (_, record) in records)
        {
            if (record.Person.DateOfBirth is { } d && (birth is not { } b || d.Precision > b.Precision))
            {
                birth = d;
            }

            if (sex == Sex.Unknown)
            {
                sex = record.Person.Sex;
            }

            if (record.PriorityGroup is { } g && record.DoseDate is { } on
                && (!groups.TryGetValue((PriorityGroup)g, out var from) || on < from))
            {
                groups[(PriorityGroup)g] = on;
            }
        }

        if (birth is not { } dateOfBirth || dateOfBirth.Earliest > asOf)
        {
            foreach (var (row, _) in records)
            {
                Reject(rejects, recordsName, row, "date_of_birth", birth is null
                    ? "no record of this person has a date of birth"
                    : "the person's date of birth is after the --as-of date");
            }

            return;
        }

        var sorted = records.OrderBy(r => r.Record.DoseDate!.Value).ThenBy(r => r.Record.VaccineCode, StringComparer.Ordinal).ThenBy(r => r.Row).ToList();
        var given = sorted.Select(r => new AdministeredDose(r.Record.DoseDate!.Value, r.Record.VaccineCode!)).ToList();
        var facts = groups.Select(g => new PriorityGroupFact(g.Key, From: g.Value));
        var result = evaluator.Evaluate(CovidPerson.WithFacts(dateOfBirth, sex, facts, []), given, asOf);
        var personKey = PersonKey(records);
        People++;
        var next = result.NextDose;
        people.Field(personKey);
        people.Field(records.Count);
        people.Field(result.AgeGroup.Name);
        people.Field(string.Join(';', result.PriorityGroups.Select(g => ((int)g).ToString(CultureInfo.InvariantCulture))));
        people.Field(Snake(result.Status.ToString()));
        people.Field(result.SeriesName);
        people.Field(next?.DoseNumber);
        people.Field(next is null ? null : Snake(next.Kind.ToString()));
        people.Field(Iso(next?.Earliest));
        people.Field(Iso(next?.Recommended));
        people.Field(Iso(next?.PastDue));
        people.Field(next is null ? null : string.Join(';', next.ProductCodes));
        people.Field(next is null ? "series_complete" : Snake(next.Rule.ToString()));
        people.Field(next?.IsBlocked == true ? "yes" : "no");

        // The valid doses 1 and 2 and the first product: what reporting's drop-out needs.
        var first = result.Doses.FirstOrDefault(d => d.Counts && d.DoseNumber == 1);
        var second = result.Doses.FirstOrDefault(d => d.Counts && d.DoseNumber == 2);
        people.Field(Iso(first?.Dose.DateAdministered));
        people.Field(Iso(second?.Dose.DateAdministered));
        people.Field(first?.Dose.Cvx);
        people.EndRow();

        for (var i = 0; i < sorted.Count; i++)
        {
            var (_, record) = sorted[i];
            var dose = result.Doses[i];
            DoseRows++;
            doses.Field(record.RecordId);
            doses.Field(personKey);
            doses.Field(Iso(record.DoseDate));
            doses.Field(record.VaccineCode);
            doses.Field(!dose.IsEvaluated ? "not_evaluated" : Snake(dose.Status.ToString()));
            doses.Field(dose.DoseNumber);
            doses.Field(Snake(dose.Reason.ToString()));
            doses.Field(dose.Explanation);
            doses.EndRow();
        }
    }

    // The key written out: the links file's person or cluster id, else the group's first record id (no personal data).
    private string PersonKey(List<(int Row, DoseRecord Record)> records)
    {
        var first = records[0].Record.RecordId.Trim();
        return _links.TryGetValue(first, out var linked) ? linked[2..] : "R:" + first;
    }

    private void Reject(StandardCsvWriter rejects, string file, int row, string? column, string reason)
    {
        Rejected++;
        rejects.Field(file);
        rejects.Field(row);
        rejects.Field(column);
        rejects.Field(reason);
        rejects.EndRow();
    }

    private static string? Iso(LocalDate? date) => date?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Snake(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
