using System.Globalization;
using System.Text;
using Immunization.Cli.Matching;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Quality;
using Immunization.Reporting.WorkLists;
using Immunization.Core.Records.Files;

namespace Immunization.Cli.Reporting;

/// <summary>
/// <c>immunization worklist apply</c>: applies the work lists the commune police returned through Reporting's
/// <see cref="ReturnApplier"/>. The lists are drawn up again from the links (as <c>report</c> drew them, on the date each returned
/// file names); a corrected record takes the corrected values and is linked again against the register with the built-in
/// matcher, as <c>link --register</c> does. Writes links.csv and records.csv as updated, changes.csv (one row per answered
/// record), problems.csv and returned-lists.csv (the lists now returned; read again from beside <c>--links</c> next time, so a
/// second return of a list is refused).
/// </summary>
internal static class WorklistApplyRun
{
    /// <summary>The file, beside links.csv, naming the lists already returned.</summary>
    public const string ReturnedListsFile = "returned-lists.csv";

    private static readonly string[] s_linkColumns = ["record_id", "person_id", "outcome", "weight", "differing_fields", "cluster_id"];

    public static int Run(TextWriter stdout, TextWriter stderr, string registerPath, string recordsPath, string linksPath, string returnedDir, string outDir)
    {
        if (!Directory.Exists(returnedDir))
        {
            throw new CliInputException($"--returned {returnedDir}: not a folder.");
        }

        if (File.Exists(outDir))
        {
            throw new CliInputException($"--out {outDir}: is a file; give a folder (created if missing).");
        }

        var records = new List<DoseRecord>();
        var input = ReportFiles.Read(registerPath, recordsPath, linksPath, null, null, records);
        var linkRows = ReportFiles.ReadTable(linksPath, ["record_id", "person_id", "outcome", "differing_fields"])
            .ToDictionary(r => r.Row["record_id"], r => r.Row, StringComparer.Ordinal);
        var alreadyReturned = ReadReturnedLists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(linksPath))!, ReturnedListsFile));

        var problems = new List<ReturnProblem>();
        var returned = ReturnedListFiles.ReadFolder(returnedDir, problems, out int files);

        // The lists as report drew them up from these links, once per drawing-up date the returned files name.
        var lists = new Dictionary<string, WorkList>(StringComparer.Ordinal);
        foreach (var group in returned.GroupBy(r => r.DrawnUp).OrderBy(g => g.Key))
        {
            int dueDays = NodaTime.Period.Between(group.Key, group.First().Due, NodaTime.PeriodUnits.Days).Days;
            foreach (var list in WorkListBuilder.Build(input.Register, input.Doses, group.Key, dueDays))
            {
                lists.TryAdd(list.Id, list);
            }
        }

        var recordsById = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        for (int i = 0; i < records.Count; i++)
        {
            recordsById.TryAdd(records[i].RecordId, i);
        }

        // Linking again needs the register indexed: done once, on the first correction.
        RegisterIndex? index = null;
        var relinked = new Dictionary<string, RecordLink>(StringComparer.Ordinal);
        DoseEntry Relink(DoseEntry dose, IReadOnlyDictionary<IdentityField, string> corrections)
        {
            index ??= RegisterIndex.Build(IdentityFiles.ReadBatches(registerPath, "person_id", new IdentityFileStats(Path.GetFileName(registerPath))).SelectMany(b => b));
            int at = recordsById[dose.RecordId];
            var person = Correct(records[at].Person, corrections);
            records[at] = records[at].WithPerson(person);
            var link = index.Link(IdentityRecord.FromText(dose.RecordId, person.CitizenId, person.FullName, person.DateOfBirth?.ToString(),
                StandardFields.FormatSex(person.Sex), person.Phone, person.ProvinceCode, person.CommuneCode, StandardFields.FormatScheme(person.AdminScheme),
                person.Nationality));
            relinked[dose.RecordId] = link;
            bool linked = link.Outcome is VerificationOutcome.Verified or VerificationOutcome.Differs;
            return dose with
            {
                PersonId = linked ? link.PersonId : null,
                Outcome = link.Outcome,
                Differences = link.Differences,
                AmbiguityReason = link.AmbiguityReason,
                RecordCommune = ReportFiles.Place(person),
                IdentityNumber = ReportFiles.IdentityState(person.CitizenId),
                RegisterRow = null, // the row links.csv gave belongs to the old link
            };
        }

        var result = ReturnApplier.Apply(input.Doses, [.. lists.Values], [.. returned.Select(r => r.List)], alreadyReturned, Relink);
        problems.AddRange(result.Problems);

        Directory.CreateDirectory(outDir);
        WriteLinks(Path.Combine(outDir, "links.csv"), result.Records, linkRows, relinked);
        using (var stream = File.Create(Path.Combine(outDir, "records.csv")))
        using (var writer = new RecordsCsvWriter(stream))
        {
            foreach (var record in records)
            {
                writer.Write(record);
            }
        }

        var applied = WriteChanges(Path.Combine(outDir, "changes.csv"), returned, result);
        WriteProblems(Path.Combine(outDir, "problems.csv"), problems);
        using (var writer = new StandardCsvWriter(File.Create(Path.Combine(outDir, ReturnedListsFile))))
        {
            writer.Row("list_id");
            foreach (var id in result.ReturnedListIds)
            {
                writer.Row(id);
            }
        }

        var c = CultureInfo.InvariantCulture;
        int newlyReturned = result.ReturnedListIds.Count - alreadyReturned.Count;
        int refused = files - returned.Count;
        stdout.WriteLine(string.Create(c, $"worklist apply: {returned.Count} returned files{(refused > 0 ? $" ({refused} more refused: see problems.csv)" : "")}, {newlyReturned} lists applied ({alreadyReturned.Count} returned before)"));
        stdout.WriteLine(string.Create(c, $"answers applied: {applied} ({result.Confirmed.Count} confirmed, {result.Changes.Count} corrected and linked again, {result.CouldNotVerify.Count} could not verify)"));
        foreach (var group in result.Changes.GroupBy(ch => (ch.Before, ch.After)).OrderBy(g => g.Key.Before).ThenBy(g => g.Key.After))
        {
            stdout.WriteLine(string.Create(c, $"  {VerificationNames.Name(group.Key.Before)} -> {VerificationNames.Name(group.Key.After)}: {group.Count()}"));
        }

        stdout.WriteLine(string.Create(c, $"problems: {problems.Count}"));
        foreach (var problem in problems)
        {
            stderr.WriteLine("worklist apply: " + Describe(problem));
        }

        stdout.WriteLine($"wrote {Path.Combine(outDir, "links.csv")}, records.csv, changes.csv, problems.csv, {ReturnedListsFile}");
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>A problem as <c>file, row N, column C: why</c> (never a value).</summary>
    public static string Describe(ReturnProblem problem) =>
        problem.Source
        + (problem.Row > 0 ? ", row " + problem.Row.ToString(CultureInfo.InvariantCulture) : "")
        + (problem.Column is null ? "" : ", column " + problem.Column)
        + ": " + problem.Message;

    private static PersonDetails Correct(PersonDetails person, IReadOnlyDictionary<IdentityField, string> corrections)
    {
        var (citizenId, fullName, dateOfBirth, sex, phone) = (person.CitizenId, person.FullName, person.DateOfBirth, person.Sex, person.Phone);
        var (provinceCode, communeCode, scheme) = (person.ProvinceCode, person.CommuneCode, person.AdminScheme);
        foreach (var (field, value) in corrections)
        {
            switch (field)
            {
                case IdentityField.CitizenId:
                    citizenId = value;
                    break;
                case IdentityField.FullName:
                    fullName = value;
                    break;
                case IdentityField.DateOfBirth when PartialDate.TryParse(value, out var d):
                    dateOfBirth = d;
                    break;
                case IdentityField.Sex when SexCodes.TryParse(value, out var s):
                    sex = s;
                    break;
                case IdentityField.Phone:
                    phone = value;
                    break;
                case IdentityField.Residence when AdministrativeUnitCatalog.Vietnam.TryGetByCode(AdministrativeScheme.New, value, out var unit):
                    (communeCode, provinceCode, scheme) = (unit.Code, unit.ToNewProvince().Code, AdministrativeScheme.New);
                    break;
            }
        }

        return new PersonDetails(citizenId, fullName, dateOfBirth, sex, phone, provinceCode, communeCode, scheme, person.Address, person.Nationality);
    }

    private static HashSet<string> ReadReturnedLists(string path)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var (_, row) in ReportFiles.ReadTable(path, ["list_id"]))
            {
                ids.Add(row["list_id"].Trim());
            }
        }

        return ids;
    }

    private static void WriteLinks(string path, IReadOnlyList<DoseEntry> doses, Dictionary<string, Dictionary<string, string>> before, Dictionary<string, RecordLink> relinked)
    {
        using var writer = new StandardCsvWriter(File.Create(path));
        writer.Row(s_linkColumns);
        var row = new string?[s_linkColumns.Length];
        foreach (var dose in doses)
        {
            before.TryGetValue(dose.RecordId, out var old);
            if (relinked.TryGetValue(dose.RecordId, out var link))
            {
                row[0] = dose.RecordId;
                row[1] = dose.PersonId;
                row[2] = VerificationNames.Name(dose.Outcome);
                row[3] = double.IsNaN(link.Weight) ? "" : StandardCsvWriter.Number(link.Weight, "0.##");
                row[4] = link.DifferencesText();

                // An unlinked record keeps the cluster it had (records without a person are not clustered again here).
                row[5] = dose.PersonId ?? old?.GetValueOrDefault("cluster_id") ?? dose.RecordId;
            }
            else if (old is not null)
            {
                for (int i = 0; i < s_linkColumns.Length; i++)
                {
                    row[i] = old.GetValueOrDefault(s_linkColumns[i]);
                }
            }
            else
            {
                // A record without a links row stays so: report reads it as not_found.
                continue;
            }

            writer.Row(row);
        }
    }

    private static int WriteChanges(string path, List<ReturnedListFiles.Returned> returned, ReturnApplication result)
    {
        var listOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in returned)
        {
            foreach (var row in r.List.Rows)
            {
                listOf.TryAdd(row.RecordId, r.List.ListId);
            }
        }

        var rows = new List<(string RecordId, string?[] Fields)>();
        foreach (var change in result.Changes)
        {
            rows.Add((change.RecordId, [change.RecordId, listOf.GetValueOrDefault(change.RecordId), "corrected",
                string.Join(';', change.CorrectedFields.Select(ReturnApplier.CorrectionColumn)),
                VerificationNames.Name(change.Before), VerificationNames.Name(change.After), change.PersonBefore, change.PersonAfter]));
        }

        var outcomes = result.Records.ToDictionary(r => r.RecordId, r => r, StringComparer.Ordinal);
        foreach (var (ids, action) in new[] { (result.Confirmed, "confirmed"), (result.CouldNotVerify, "could_not_verify") })
        {
            foreach (var id in ids)
            {
                var dose = outcomes[id];
                string outcome = VerificationNames.Name(dose.Outcome);
                rows.Add((id, [id, listOf.GetValueOrDefault(id), action, "", outcome, outcome, dose.PersonId, dose.PersonId]));
            }
        }

        using var writer = new StandardCsvWriter(File.Create(path));
        writer.Row("record_id", "list_id", "action", "corrected_fields", "outcome_before", "outcome_after", "person_before", "person_after");
        foreach (var (_, fields) in rows.OrderBy(r => r.RecordId, StringComparer.Ordinal))
        {
            writer.Row(fields);
        }

        return rows.Count;
    }

    private static void WriteProblems(string path, List<ReturnProblem> problems)
    {
        using var writer = new StandardCsvWriter(File.Create(path));
        writer.Row("file", "row", "column", "problem");
        foreach (var p in problems)
        {
            writer.Row(p.Source, p.Row.ToString(CultureInfo.InvariantCulture), p.Column, p.Message);
        }
    }
}
