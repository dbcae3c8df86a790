using System.CommandLine;
using System.Globalization;
using System.Text;
using Immunization.Cli.Reporting;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Records.Files;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Export;
using Immunization.Reporting.Quality;
using Immunization.Reporting.WorkLists;
using NodaTime;
using NodaTime.Text;

namespace Immunization.Cli;

/// <summary>
/// <c>immunization report --register R --records D --links L [--people P] --as-of DATE --out DIR</c>: coverage and
/// data-quality figures as a tidy table (CSV and JSON), optionally DHIS2 dataValueSets, and one work-list CSV per commune.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var register = new Option<FileInfo>("--register") { Description = "register.csv (the denominators).", Required = true };
        var records = new Option<FileInfo>("--records") { Description = "records.csv (the dose records).", Required = true };
        var links = new Option<FileInfo>("--links") { Description = "links.csv from 'link --register' (record_id, person_id, outcome, differing_fields).", Required = true };
        var people = new Option<FileInfo?>("--people")
        {
            Description = "people.csv from 'evaluate' (person_key, status [, first_dose_date, second_dose_date, first_product]); without it the status indicators are omitted.",
        };
        var doses = new Option<FileInfo?>("--doses")
        {
            Description = "doses.csv from 'evaluate' (record_id, evaluation): a dose counts as valid when its evaluation is 'valid'; without it, when it has a date.",
        };
        var asOf = new Option<string>("--as-of") { Description = "The reference date (yyyy-MM-dd): ages, statuses, drop-out and overdue lists are as of it.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The output directory.", Required = true };
        var dueDays = new Option<int>("--due-days") { Description = "Days from drawing a work list up to its due date.", DefaultValueFactory = _ => WorkListBuilder.DefaultDueAfterDays };
        var dhis2 = new Option<FileInfo?>("--dhis2-mapping") { Description = "A DHIS2 mapping (JSON); writes dhis2-datavalueset.json (counts only)." };

        var command = new Command("report", "Coverage, data quality and commune work lists. Exit codes: 0 written, 2 usage or input error.");
        foreach (var option in new Option[] { register, records, links, people, doses, asOf, output, dueDays, dhis2 })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var date = LocalDatePattern.Iso.Parse(parse.GetValue(asOf) ?? "");
            if (!date.Success)
            {
                error.WriteLine("report: --as-of must be a date as yyyy-MM-dd.");
                return CliApp.UsageError;
            }

            int due = parse.GetValue(dueDays);
            if (due < 0)
            {
                error.WriteLine("report: --due-days must not be negative.");
                return CliApp.UsageError;
            }

            // The output folder first, so that one that cannot be made fails before the inputs are read.
            var dir = parse.GetValue(output)!;
            try
            {
                Directory.CreateDirectory(dir.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"report: cannot make the output folder '{dir.FullName}': {e.Message}");
                return CliApp.UsageError;
            }

            var peopleFile = parse.GetValue(people);
            var unlinked = new ReportFiles.UnlinkedRecords();
            ReportInput input;
            Dhis2Mapping? mapping = null;
            List<Immunization.Reporting.DueLists.NextDose> nextDoses = [];
            try
            {
                input = ReportFiles.Read(parse.GetValue(register)!.FullName, parse.GetValue(records)!.FullName, parse.GetValue(links)!.FullName, peopleFile?.FullName, parse.GetValue(doses)?.FullName, null, unlinked);
                if (peopleFile is not null)
                {
                    nextDoses = ReportFiles.ReadNextDoses(peopleFile.FullName);
                }

                if (parse.GetValue(dhis2) is { } mappingFile)
                {
                    mapping = ReportFiles.ReadDhis2Mapping(mappingFile.FullName);
                }
            }
            catch (Exception e) when (e is StandardFileException or CliInputException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine("report: " + e.Message);
                return CliApp.UsageError;
            }

            var options = new ReportOptions { AsOf = date.Value };
            var coverage = CoverageCalculator.Compute(input, options);
            var quality = DataQualityCalculator.Compute(input, options, coverage);
            var lists = WorkListBuilder.Build(input.Register, input.Doses, date.Value, due);
            var dueLists = Immunization.Reporting.DueLists.DoseDueListBuilder.Build(input.Register, nextDoses, date.Value, due);

            // Lists of an earlier run in the same folder that this run does not write again are left (a returned list may
            // have been edited there), and said.
            int Left(string folder, IEnumerable<string> ids)
            {
                var path = Path.Combine(dir.FullName, folder);
                var names = ids.Select(id => id + ".csv").ToHashSet(StringComparer.Ordinal);
                return Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.csv").Count(f => !names.Contains(Path.GetFileName(f))) : 0;
            }

            int left;
            try
            {
                left = Left("worklists", lists.Select(l => l.Id)) + Left("duelists", dueLists.Select(l => l.Id));
                Write(dir, coverage, quality, lists, dueLists, mapping, out int dhis2Values);
                Summary(stdout, coverage, quality, lists, date.Value, peopleFile is not null, dhis2Values);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"report: cannot write the outputs in '{dir.FullName}': {e.Message}");
                return CliApp.UsageError;
            }

            if (left > 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"report: worklists/ and duelists/ in '{dir.FullName}' already held {left} lists that this run did not write (from an earlier run?); they were left as they were"));
            }

            if (unlinked.Count > 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"report: {unlinked.Count} records of {parse.GetValue(records)!.Name} have no row in {parse.GetValue(links)!.Name} (the first at row {unlinked.FirstRow}); they are read as not_found and go on their commune's work list"));
            }

            if (peopleFile is not null)
            {
                var kinds = dueLists.SelectMany(l => l.Items).GroupBy(i => i.Kind).OrderBy(g => g.Key)
                    .Select(g => DoseDueCsvWriter.KindName(g.Key) + " " + g.Count().ToString(CultureInfo.InvariantCulture));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dose-due lists: {dueLists.Count} communes ({string.Join(", ", kinds)})"));
            }

            return 0;
        });
        return command;
    }

    // Writes the outputs in the folder.
    private static void Write(DirectoryInfo dir, CoverageReport coverage, IReadOnlyList<IndicatorRow> quality, IReadOnlyList<WorkList> lists, IReadOnlyList<Immunization.Reporting.DueLists.DoseDueList> dueLists, Dhis2Mapping? mapping, out int dhis2Values)
    {
        var utf8 = new UTF8Encoding(false);
        var all = coverage.Rows.Concat(quality).ToList();
        using (var writer = new StreamWriter(Path.Combine(dir.FullName, "indicators.csv"), false, utf8))
        {
            TidyCsvWriter.Write(all, writer);
        }

        using (var stream = File.Create(Path.Combine(dir.FullName, "indicators.json")))
        {
            TidyJsonWriter.Write(all, stream);
        }

        using (var html = new StreamWriter(Path.Combine(dir.FullName, "report.html"), false, utf8)) { Immunization.Reporting.Export.Html.HtmlReportWriter.Write(all, lists, new Immunization.Reporting.Export.Html.HtmlReportOptions(), html); }

        dhis2Values = -1;
        if (mapping is not null)
        {
            using var stream = File.Create(Path.Combine(dir.FullName, "dhis2-datavalueset.json"));
            dhis2Values = Dhis2Writer.Write(all, mapping, stream);
        }

        var listDir = Path.Combine(dir.FullName, "worklists");
        var dueDir = Path.Combine(dir.FullName, "duelists");
        Directory.CreateDirectory(listDir);
        foreach (var list in lists)
        {
            using var writer = new StreamWriter(Path.Combine(listDir, list.Id + ".csv"), false, utf8);
            WorkListCsvWriter.Write(list, writer);
        }

        if (dueLists.Count > 0)
        {
            Directory.CreateDirectory(dueDir);
            foreach (var list in dueLists)
            {
                using var writer = new StreamWriter(Path.Combine(dueDir, list.Id + ".csv"), false, utf8);
                DoseDueCsvWriter.Write(list, writer);
            }
        }
    }

    private static void Summary(TextWriter stdout, CoverageReport coverage, IReadOnlyList<IndicatorRow> quality, IReadOnlyList<WorkList> lists, LocalDate asOf, bool statusKnown, int dhis2Values)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(c, $"report as of {asOf:yyyy-MM-dd}: {coverage.People} people, {coverage.DuplicatePersonIds} duplicate person ids, {coverage.DosesOfUnknownPeople} doses of people not in the register"));
        var national = coverage.Rows.Where(r => r.UnitCode == "VN").ToList();
        stdout.WriteLine(string.Create(c, $"doses entered {national.Single(r => r.Indicator == Indicators.DosesEntered && r.Disaggregation == "all").Figure.Numerator}, valid {national.Single(r => r.Indicator == Indicators.DosesValid && r.Disaggregation == "all").Figure.Numerator}"));
        if (!statusKnown)
        {
            stdout.WriteLine("status unknown (no --people): people with 1+ dose, primary series, boosters and drop-out are omitted; dose validity without --doses is 'has a date' only");
        }
        else
        {
            stdout.WriteLine("coverage by age group (people, 1+ dose, primary complete, boosted):");
            foreach (var row in national.Where(r => r.Indicator == Indicators.Population && (r.Disaggregation == "all" || r.Disaggregation.StartsWith("age:", StringComparison.Ordinal))))
            {
                string Pct(string indicator) => national.Single(r => r.Indicator == indicator && r.Disaggregation == row.Disaggregation).Figure is var f && f.Value is double v ? v.ToString("0.00", c) + " %" : "-";
                stdout.WriteLine(string.Create(c, $"  {row.Disaggregation,-10} {row.Figure.Numerator,10}  {Pct(Indicators.PeopleOnePlus),9}  {Pct(Indicators.PeoplePrimaryComplete),9}  {Pct(Indicators.PeopleBoosted),9}"));
            }
        }

        stdout.WriteLine("data quality (country):");
        foreach (var row in quality.Where(r => r.UnitCode == "VN"))
        {
            var f = row.Figure;
            string value = f.Denominator is null ? f.Numerator.ToString(c) : string.Create(c, $"{f.Numerator}/{f.Denominator} = {(f.Value is double v ? v.ToString("0.00", c) + " %" : "-")}");
            stdout.WriteLine(string.Create(c, $"  {row.Indicator} {row.Disaggregation}: {value}{(f.Flags == FigureFlags.None ? "" : " [" + f.Flags + "]")}"));
        }

        stdout.WriteLine(string.Create(c, $"work lists: {lists.Count} communes, {lists.Sum(l => l.Items.Count)} records, due {(lists.Count > 0 ? lists[0].Due.ToString("yyyy-MM-dd", c) : "-")}"));
        foreach (var list in lists.OrderByDescending(l => l.Items.Count).ThenBy(l => l.CommuneCode, StringComparer.Ordinal).Take(5))
        {
            stdout.WriteLine(string.Create(c, $"  {list.CommuneCode} {list.CommuneName}: {list.Items.Count} records"));
        }

        if (dhis2Values >= 0)
        {
            stdout.WriteLine(string.Create(c, $"dhis2: {dhis2Values} data values"));
        }
    }
}
