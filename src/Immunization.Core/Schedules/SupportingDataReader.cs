using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Immunization.Core.Identity;
using Immunization.Core.Vaccines;
using NodaTime;

namespace Immunization.Core.Schedules;

/// <summary>Reads CDC's supporting-data XML (antigen files and the schedule file) into the schedule model.</summary>
internal static class SupportingDataReader
{
    /// <summary>The deepest nesting of elements accepted (the root is level 1).</summary>
    internal const int MaxDepth = 64;

    private const int MaxMessage = 200;
    private const long MaxBytes = 64L * 1024 * 1024;

    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>
    /// Loads one file. Elements nested deeper than <see cref="MaxDepth"/> are refused before the document is built (CDC's
    /// files nest 7 deep; a hostile file nested 100,000 deep would otherwise take seconds and, deeper, overflow the stack).
    /// </summary>
    public static XDocument LoadDocument(Stream stream, string name)
    {
        try
        {
            // The depth is checked in a first, streaming pass; a stream that cannot seek is copied first, up to a limit.
            var source = stream.CanSeek ? stream : Copy(stream, name);
            var start = source.Position;
            using (var scan = XmlReader.Create(source, s_settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth >= MaxDepth)
                    {
                        throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                            $"Supporting data '{name}' nests elements deeper than {MaxDepth} levels (line {((IXmlLineInfo)scan).LineNumber}); CDC's files nest 7."));
                    }
                }
            }

            source.Position = start;
            using var reader = XmlReader.Create(source, s_settings);
            return XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException(
                $"Supporting data '{name}' is not well-formed XML (line {ex.LineNumber}): {Shown(ex.Message, MaxMessage)}", ex);
        }
    }

    /// <summary>A value as an error message shows it: at most <paramref name="max"/> characters, control characters as '?'.</summary>
    internal static string Shown(string? value, int max = 40)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var cut = value.Length <= max ? value : value[..max];
        var text = string.Create(cut.Length, cut, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
        return value.Length <= max ? text : string.Create(CultureInfo.InvariantCulture, $"{text}… ({value.Length:N0} characters)");
    }

    private static MemoryStream Copy(Stream stream, string name)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > MaxBytes)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"Supporting data '{name}' is larger than {MaxBytes / (1024 * 1024)} MiB; CDC's files are well under 1 MiB."));
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        return copy;
    }

    /// <summary>CVX codes are compared without leading zeros ("03" and "3" are both MMR): <see cref="VaccineCode"/>'s normalisation.</summary>
    public static string NormalizeCvx(ReadOnlySpan<char> cvx) => VaccineCode.Normalize(cvx);

    /// <summary>As <see cref="NormalizeCvx(ReadOnlySpan{char})"/>; <paramref name="cvx"/> itself when already normalised (no allocation).</summary>
    public static string NormalizeCvx(string cvx) => VaccineCode.Normalize(cvx);

    public static Antigen ReadAntigen(XDocument document, string name)
    {
        var root = document.Root ?? throw new FormatException($"Supporting data '{name}' is empty.");
        if (root.Name.LocalName != "antigenSupportingData")
        {
            throw new FormatException($"Supporting data '{name}': root element is '{Shown(root.Name.LocalName)}', expected 'antigenSupportingData'.");
        }

        var series = root.Elements("series").Select(s => ReadSeries(s, name)).ToArray();
        if (series.Length == 0)
        {
            throw new FormatException($"Supporting data '{name}' defines no series.");
        }

        var immunityElement = root.Element("immunity");
        var immunity = new Immunity(
            immunityElement?.Elements("clinicalHistory").Select(e => Text(e, "guidelineCode")).OfType<string>().ToArray() ?? [],
            ParseSlashDate(Text(immunityElement?.Element("dateOfBirth"), "immunityBirthDate"), name),
            immunityElement?.Element("dateOfBirth")?.Elements("exclusion").Select(e => Text(e, "exclusionCode")).OfType<string>().ToArray() ?? []);
        var contraindications = root.Element("contraindications");
        var group = contraindications?.Element("vaccineGroup")?.Elements("contraindication").Select(c => ReadContraindication(c, name)).ToArray() ?? [];
        var vaccine = contraindications?.Element("vaccine")?.Elements("contraindication").Select(c => ReadContraindication(c, name)).ToArray() ?? [];
        return new Antigen(series[0].Antigen, immunity, group, vaccine, series);
    }

    private static Contraindication ReadContraindication(XElement e, string name) => new(
        Text(e, "observationCode") ?? throw new FormatException($"Supporting data '{name}': a contraindication has no observationCode."),
        Text(e, "contraindicationText") ?? string.Empty,
        Duration(e, "beginAge", name),
        Duration(e, "endAge", name),
        e.Elements("contraindicatedVaccine").Select(v => Text(v, "cvx")).OfType<string>().Select(VaccineCode.Parse).ToArray());

    private static AntigenSeries ReadSeries(XElement s, string name)
    {
        var seriesName = Text(s, "seriesName") ?? throw new FormatException($"Supporting data '{name}': a series has no seriesName.");
        var where = $"{name}, series '{Shown(seriesName)}'";
        var select = s.Element("selectSeries") ?? throw new FormatException($"Supporting data {where}: selectSeries is missing.");
        var type = Text(s, "seriesType") switch
        {
            "Standard" => SeriesType.Standard,
            "Risk" => SeriesType.Risk,
            "Evaluation Only" => SeriesType.EvaluationOnly,
            var other => throw new FormatException($"Supporting data {where}: seriesType '{Shown(other)}' is not Standard, Risk or Evaluation Only."),
        };
        var priority = Text(select, "seriesPriority");
        var doses = s.Elements("seriesDose").Select((d, i) => ReadDose(d, i + 1, where)).ToArray();
        return new AntigenSeries(
            seriesName,
            Text(s, "targetDisease") ?? throw new FormatException($"Supporting data {where}: targetDisease is missing."),
            Text(s, "vaccineGroup") ?? string.Empty,
            type,
            SplitList(Text(s, "equivalentSeriesGroups")),
            s.Elements("requiredGender").Select(g => g.Value.Trim()).Where(g => g.Length > 0).Select(g => ReadSex(g, where)).ToArray(),
            IsYes(Text(select, "defaultSeries")),
            IsYes(Text(select, "productPath")),
            Text(select, "seriesGroupName") ?? string.Empty,
            Text(select, "seriesGroup") ?? "1",
            string.IsNullOrEmpty(priority) ? 'A' : char.ToUpperInvariant(priority[0]),
            int.TryParse(Text(select, "seriesPreference"), NumberStyles.None, CultureInfo.InvariantCulture, out var preference) ? preference : int.MaxValue,
            Duration(select, "minAgeToStart", where),
            Duration(select, "maxAgeToStart", where),
            s.Elements("indication").Where(i => i.HasElements && Text(i.Element("observationCode"), "code") is not null)
                .Select(i => new Indication(Text(i.Element("observationCode"), "code")!, Duration(i, "beginAge", where), Duration(i, "endAge", where), Text(i, "description") ?? string.Empty))
                .ToArray(),
            doses,
            ReadPrimaryDoses(Text(select, "primaryDoses"), doses.Length, where));
    }

    // CDC writes requiredGender as Male, Female or Unknown: read once here, compared as Sex values by the engine.
    private static Sex ReadSex(string text, string where) => text.ToUpperInvariant() switch
    {
        "MALE" => Sex.Male,
        "FEMALE" => Sex.Female,
        "UNKNOWN" => Sex.Unknown,
        _ => throw new FormatException($"Supporting data {where}: requiredGender '{Shown(text)}' is not Male, Female or Unknown."),
    };

    // Extension to CDC's format (absent from CDC's files): selectSeries/primaryDoses, the number of primary doses.
    private static int? ReadPrimaryDoses(string? text, int doses, string where)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= doses
            ? n
            : throw new FormatException($"Supporting data {where}: primaryDoses is not a whole number from 1 to the series' {doses} doses.");
    }

    private static SeriesDose ReadDose(XElement d, int ordinal, string where)
    {
        var number = ordinal;
        var text = Text(d, "doseNumber");
        if (text is not null && text.StartsWith("Dose ", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            number = parsed;
        }

        where = $"{where}, dose {number}";
        var season = d.Element("seasonalRecommendation");
        return new SeriesDose(
            number,
            d.Elements("age").Where(e => e.HasElements).Select(e => new AgeRule(
                Duration(e, "absMinAge", where), Duration(e, "minAge", where), Duration(e, "earliestRecAge", where),
                Duration(e, "latestRecAge", where), Duration(e, "maxAge", where), Period(e, where))).ToArray(),
            d.Elements("interval").Where(e => e.HasElements).Select(e => ReadInterval(e, where)).ToArray(),
            d.Elements("allowableInterval").Where(e => e.HasElements).Select(e => ReadInterval(e, where)).ToArray(),
            d.Elements("preferableVaccine").Where(e => e.HasElements).Select(e => ReadVaccine(e, where)).ToArray(),
            d.Elements("allowableVaccine").Where(e => e.HasElements).Select(e => ReadVaccine(e, where)).ToArray(),
            d.Elements("inadvertentVaccine").Where(e => e.HasElements).Select(e => Text(e, "cvx")).OfType<string>().Select(VaccineCode.Parse).ToArray(),
            d.Elements("conditionalSkip").Where(e => e.HasElements).Select(e => ReadSkip(e, where)).ToArray(),
            IsYes(Text(d, "recurringDose")),
            ParseCompactDate(Text(season, "startDate"), where),
            ParseCompactDate(Text(season, "endDate"), where));
    }

    private static IntervalRule ReadInterval(XElement e, string where)
    {
        var fromTarget = Text(e, "fromTargetDose");
        return new IntervalRule(
            IsYes(Text(e, "fromPrevious")),
            int.TryParse(fromTarget, NumberStyles.None, CultureInfo.InvariantCulture, out var target) ? target : null,
            SplitList(Text(e, "fromMostRecent")).Select(VaccineCode.Parse).ToArray(),
            Text(e.Element("fromRelevantObs"), "code"),
            Duration(e, "absMinInt", where),
            Duration(e, "minInt", where),
            Duration(e, "earliestRecInt", where),
            Duration(e, "latestRecInt", where),
            string.Equals(Text(e, "intervalPriority"), "override", StringComparison.OrdinalIgnoreCase),
            Period(e, where));
    }

    private static SeriesVaccine ReadVaccine(XElement e, string where) => new(
        Text(e, "vaccineType") ?? string.Empty,
        VaccineCode.Parse(Text(e, "cvx") ?? throw new FormatException($"Supporting data {where}: a vaccine has no cvx.")),
        Duration(e, "beginAge", where),
        Duration(e, "endAge", where),
        Text(e, "tradeName"),
        Text(e, "mvx"),
        IsYes(Text(e, "forecastVaccineType")),
        Period(e, where));

    private static ConditionalSkip ReadSkip(XElement e, string where)
    {
        var context = Text(e, "context") switch
        {
            "Evaluation" => SkipContext.Evaluation,
            "Forecast" => SkipContext.Forecast,
            "Both" => SkipContext.Both,
            var other => throw new FormatException($"Supporting data {where}: conditional skip context '{Shown(other)}' is not Evaluation, Forecast or Both."),
        };
        var sets = e.Elements("set").Select(s => new SkipSet(
            Text(s, "setID") ?? string.Empty,
            Text(s, "setDescription") ?? string.Empty,
            string.Equals(Text(s, "conditionLogic"), "OR", StringComparison.OrdinalIgnoreCase),
            Period(s, where),
            s.Elements("condition").Select(c => ReadCondition(c, where)).ToArray())).ToArray();
        return new ConditionalSkip(context, string.Equals(Text(e, "setLogic"), "OR", StringComparison.OrdinalIgnoreCase), sets);
    }

    private static SkipCondition ReadCondition(XElement c, string where)
    {
        var typeText = Text(c, "conditionType") ?? string.Empty;
        var type = typeText.ToUpperInvariant() switch
        {
            "AGE" => SkipConditionType.Age,
            "INTERVAL" => SkipConditionType.Interval,
            "COMPLETED SERIES" => SkipConditionType.CompletedSeries,
            "VACCINE COUNT BY AGE" => SkipConditionType.VaccineCountByAge,
            "VACCINE COUNT BY DATE" => SkipConditionType.VaccineCountByDate,
            "VACCINE COUNT BY DATE AND AGE" => SkipConditionType.VaccineCountByDateAndAge,
            _ => throw new FormatException($"Supporting data {where}: conditional skip condition type '{Shown(typeText)}' is unknown."),
        };
        var logicText = Text(c, "doseCountLogic");
        var logic = logicText?.ToUpperInvariant() switch
        {
            null => DoseCountLogic.GreaterThan,
            "GREATER THAN" => DoseCountLogic.GreaterThan,
            "EQUAL TO" or "EQUAL" => DoseCountLogic.EqualTo,
            "LESS THAN" => DoseCountLogic.LessThan,
            _ => throw new FormatException($"Supporting data {where}: dose count logic '{Shown(logicText)}' is unknown."),
        };
        return new SkipCondition(
            type,
            ParseCompactDate(Text(c, "startDate"), where),
            ParseCompactDate(Text(c, "endDate"), where),
            Duration(c, "beginAge", where),
            Duration(c, "endAge", where),
            Duration(c, "interval", where),
            int.TryParse(Text(c, "doseCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0,
            string.Equals(Text(c, "doseType"), "Valid", StringComparison.OrdinalIgnoreCase),
            logic,
            SplitList(Text(c, "vaccineTypes")).Select(VaccineCode.Parse).ToArray(),
            SplitList(Text(c, "seriesGroups")));
    }

    public static (IReadOnlyList<LiveVirusConflict> Conflicts, IReadOnlyList<VaccineGroup> Groups, IReadOnlyList<CvxMapping> Cvx, IReadOnlyList<Observation> Observations)
        ReadSchedule(XDocument document, string name)
    {
        var root = document.Root ?? throw new FormatException($"Supporting data '{name}' is empty.");
        if (root.Name.LocalName != "scheduleSupportingData")
        {
            throw new FormatException($"Supporting data '{name}': root element is '{Shown(root.Name.LocalName)}', expected 'scheduleSupportingData'.");
        }

        var conflicts = root.Element("liveVirusConflicts")?.Elements("liveVirusConflict").Select(c => new LiveVirusConflict(
            VaccineCode.Parse(Text(c.Element("previous"), "cvx") ?? throw new FormatException($"Supporting data '{name}': a live virus conflict has no previous cvx.")),
            VaccineCode.Parse(Text(c.Element("current"), "cvx") ?? throw new FormatException($"Supporting data '{name}': a live virus conflict has no current cvx.")),
            Duration(c, "conflictBeginInterval", name) ?? default,
            Duration(c, "minConflictEndInterval", name) ?? default,
            Duration(c, "conflictEndInterval", name) ?? default)).ToArray() ?? [];
        var antigensByGroup = (root.Element("vaccineGroupToAntigenMap")?.Elements("vaccineGroupMap") ?? [])
            .ToDictionary(m => Text(m, "name") ?? string.Empty, m => (IReadOnlyList<string>)m.Elements("antigen").Select(a => a.Value.Trim()).Where(a => a.Length > 0).ToArray(), StringComparer.Ordinal);
        var groups = (root.Element("vaccineGroups")?.Elements("vaccineGroup") ?? []).Select(g =>
        {
            var groupName = Text(g, "name") ?? throw new FormatException($"Supporting data '{name}': a vaccine group has no name.");
            return new VaccineGroup(groupName, IsYes(Text(g, "administerFullVaccineGroup")), antigensByGroup.GetValueOrDefault(groupName) ?? []);
        }).ToArray();
        var cvx = (root.Element("cvxToAntigenMap")?.Elements("cvxMap") ?? []).Select(m => new CvxMapping(
            VaccineCode.Parse(Text(m, "cvx") ?? throw new FormatException($"Supporting data '{name}': a cvxMap has no cvx.")),
            Text(m, "shortDescription") ?? string.Empty,
            m.Elements("association").Select(a => new CvxAssociation(Text(a, "antigen") ?? string.Empty, Duration(a, "associationBeginAge", name), Duration(a, "associationEndAge", name))).ToArray())).ToArray();
        var observations = (root.Element("observations")?.Elements("observation") ?? []).Select(o => new Observation(
            Text(o, "observationCode") ?? string.Empty, Text(o, "observationTitle") ?? string.Empty)).ToArray();
        return (conflicts, groups, cvx, observations);
    }

    private static string? Text(XElement? parent, string child)
    {
        var value = parent?.Element(child)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static bool IsYes(string? text) =>
        text is not null && (text.Equals("Yes", StringComparison.OrdinalIgnoreCase) || text.Equals("Y", StringComparison.OrdinalIgnoreCase));

    private static string[] SplitList(string? text) =>
        text is null ? [] : text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static CdsiDuration? Duration(XElement? parent, string child, string where)
    {
        var text = Text(parent, child);
        if (text is null)
        {
            return null;
        }

        return CdsiDuration.TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"Supporting data {where}: {child} '{Shown(text)}' is not a CDSi duration.");
    }

    private static EffectivePeriod Period(XElement e, string where) =>
        new(ParseCompactDate(Text(e, "effectiveDate"), where), ParseCompactDate(Text(e, "cessationDate"), where));

    /// <summary>Dates in rules are written <c>yyyyMMdd</c>.</summary>
    private static LocalDate? ParseCompactDate(string? text, string where)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, ["yyyyMMdd", "MM/dd/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return LocalDate.FromDateTime(date);
        }

        throw new FormatException($"Supporting data {where}: '{Shown(text)}' is not a date (yyyyMMdd).");
    }

    private static LocalDate? ParseSlashDate(string? text, string where) => ParseCompactDate(text, where);
}
