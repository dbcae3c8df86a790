using System.Globalization;
using System.Text.RegularExpressions;
using Immunization.Core.Records;
using Immunization.Matching.Comparators;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Configuration;

/// <summary>The test of one comparison level, as compiled.</summary>
internal enum LevelKind : byte
{
    Exact,
    JaroWinkler,
    DamerauLevenshtein,
    NumericDifference,
    DateDifference,
    DayMonthSwapped,
    SameYearMonth,
    YearDifference,

    // The Vietnamese comparators: the level's code (MatchPlan.Codes) is the comparator's own level it accepts at worst.
    VietnameseName,
    PartialDate,
    CitizenId,
    Phone,
    AdminUnit,
}

/// <summary>How a field's values are read.</summary>
internal enum ValueFormat : byte
{
    Text,
    Date,
    Number,
}

/// <summary>How a field's values are normalised before comparison.</summary>
internal enum Normalization : byte
{
    Trim,
    LowerCase,
    Alphanumeric,
}

/// <summary>A compiled blocking rule: field indexes and prefix lengths (0 for the whole value).</summary>
internal sealed record BlockingRule(int[] Fields, int[] PrefixLengths, string Text);

/// <summary>
/// A validated match configuration compiled into flat arrays: per field its format, normalisation and level range; per level
/// its test, parameter and fixed probabilities; the blocking rules as field indexes.
/// </summary>
/// <remarks>Compiling checks everything that can be checked without data; a plan that exists is consistent.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MatchPlan
{
    /// <summary>The largest number of fields: a comparison pattern packs 4 bits per field into 64 bits.</summary>
    public const int MaxFields = 16;

    /// <summary>The largest number of configured levels per field (plus the implicit "different" level).</summary>
    public const int MaxLevels = 13;

    private MatchPlan(MatchConfiguration configuration)
    {
        // A private snapshot: changing the caller's configuration object afterwards cannot change a compiled plan.
        Source = configuration.Clone();
    }

    /// <summary>Gets a copy of the configuration this plan was compiled from (changing it does not change the plan).</summary>
    public MatchConfiguration Configuration => Source.Clone();

    /// <summary>The plan's own snapshot of its configuration, read by the engine and never handed out.</summary>
    internal MatchConfiguration Source { get; }

    /// <summary>Gets the names of the compared fields, in configuration order.</summary>
    public IReadOnlyList<string> FieldNames => Names;

    internal string[] Names { get; private init; } = [];

    internal string[] Columns { get; private init; } = [];

    /// <summary>Per field, the input columns it reads: one, or several for a field configured with <c>columns</c>.</summary>
    internal string[][] ColumnSets { get; private init; } = [];

    internal ValueFormat[] Formats { get; private init; } = [];

    internal Normalization[] Normalizations { get; private init; } = [];

    internal bool[] TermFrequency { get; private init; } = [];

    /// <summary>Index of each field's first level in the flat level arrays.</summary>
    internal int[] LevelOffset { get; private init; } = [];

    /// <summary>Number of levels of each field, the implicit "different" level included.</summary>
    internal int[] LevelCount { get; private init; } = [];

    internal LevelKind[] Kinds { get; private init; } = [];

    internal double[] Parameters { get; private init; } = [];

    /// <summary>
    /// Per level of a Vietnamese comparator, the loosest of the comparator's own levels it accepts (see
    /// <see cref="IdentityLevels"/>); 0 for the other tests.
    /// </summary>
    internal int[] Codes { get; private init; } = [];

    /// <summary>Per field, the Vietnamese comparator its levels use (at most one per field), or <see cref="LevelKind.Exact"/> for none.</summary>
    internal LevelKind[] Families { get; private init; } = [];

    /// <summary>
    /// Whether a field's first column alone says whether its value is present and what blocking rules key on: a citizenId
    /// field that also reads the sex and date of birth (for 'citizenId.consistent').
    /// </summary>
    internal bool KeyedOnFirstColumn(int field) => Families[field] == LevelKind.CitizenId && ColumnSets[field].Length == 3;

    /// <summary>Fixed m per level, NaN when estimated (flat, "different" levels included).</summary>
    internal double[] FixedM { get; private init; } = [];

    /// <summary>Fixed u per level, NaN when estimated (flat, "different" levels included).</summary>
    internal double[] FixedU { get; private init; } = [];

    internal string[] LevelLabels { get; private init; } = [];

    internal BlockingRule[] Rules { get; private init; } = [];

    internal int ExclusiveField { get; private init; } = -1;

    internal Regex? TruthPattern { get; private init; }

    internal int TotalLevels => Kinds.Length;

    /// <summary>Validates <paramref name="configuration"/> and compiles it.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The compiled plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <exception cref="MatchConfigurationException">
    /// The configuration is inconsistent; the message names the field, level or rule and says why.
    /// </exception>
    public static MatchPlan Compile(MatchConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var fields = configuration.Fields ?? throw Error("'fields' is missing.");
        if (fields.Count == 0)
        {
            throw Error("'fields' is empty: at least one field must be compared.");
        }

        if (fields.Count > MaxFields)
        {
            throw Error($"'fields' has {fields.Count} fields; at most {MaxFields} are supported.");
        }

        var names = new string[fields.Count];
        var columns = new string[fields.Count];
        var columnSets = new string[fields.Count][];
        var formats = new ValueFormat[fields.Count];
        var normalizations = new Normalization[fields.Count];
        var termFrequency = new bool[fields.Count];
        var offsets = new int[fields.Count];
        var counts = new int[fields.Count];
        var kinds = new List<LevelKind>();
        var parameters = new List<double>();
        var codes = new List<int>();
        var families = new LevelKind[fields.Count];
        var fixedM = new List<double>();
        var fixedU = new List<double>();
        var labels = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 0; f < fields.Count; f++)
        {
            var field = fields[f] ?? throw Error($"fields[{f}] is null.");
            if (string.IsNullOrWhiteSpace(field.Name))
            {
                throw Error($"fields[{f}] has no 'name'.");
            }

            if (field.Name.Contains(':', StringComparison.Ordinal))
            {
                throw Error($"field '{field.Name}': a name cannot contain ':' (it introduces a prefix length in blocking rules).");
            }

            if (!index.TryAdd(field.Name, f))
            {
                throw Error($"field '{field.Name}' is defined twice.");
            }

            names[f] = field.Name;
            columnSets[f] = CompileColumns(field);
            columns[f] = columnSets[f][0];
            formats[f] = field.Format switch
            {
                "text" or "" or null => ValueFormat.Text,
                "date" => ValueFormat.Date,
                "number" => ValueFormat.Number,
                _ => throw Error($"field '{field.Name}': format '{field.Format}' is unknown; use 'text', 'date' or 'number'."),
            };
            normalizations[f] = field.Normalization switch
            {
                "trim" or "" or null => Normalization.Trim,
                "lowerCase" => Normalization.LowerCase,
                "alphanumeric" => Normalization.Alphanumeric,
                _ => throw Error(
                    $"field '{field.Name}': normalization '{field.Normalization}' is unknown; use 'trim', 'lowerCase' or 'alphanumeric'."),
            };
            termFrequency[f] = field.TermFrequency;
            var levels = field.Levels ?? [];
            if (levels.Count == 0)
            {
                throw Error($"field '{field.Name}' has no 'levels': give at least one, e.g. {{\"comparator\": \"exact\"}}.");
            }

            if (levels.Count > MaxLevels)
            {
                throw Error($"field '{field.Name}' has {levels.Count} levels; at most {MaxLevels} are supported.");
            }

            if (field.TermFrequency && levels[0]?.Comparator != "exact")
            {
                throw Error($"field '{field.Name}': termFrequency needs 'exact' as the first level (it adjusts the exact level).");
            }

            offsets[f] = kinds.Count;
            counts[f] = levels.Count + 1;
            for (var l = 0; l < levels.Count; l++)
            {
                var level = levels[l] ?? throw Error($"field '{field.Name}', level {l}: null.");
                var (kind, parameter, code, label) = CompileLevel(field.Name, l, level, formats[f]);
                if (kind >= LevelKind.VietnameseName)
                {
                    if (families[f] != LevelKind.Exact && families[f] != kind)
                    {
                        throw Error($"field '{field.Name}', level {l} ('{level.Comparator}'): a field uses at most one Vietnamese " +
                            $"comparator, and an earlier level uses '{FamilyName(families[f])}'; compare the other one in a field of its own.");
                    }

                    families[f] = kind;
                }

                if (kind == LevelKind.CitizenId && code == IdentityLevels.CitizenIdConsistent && columnSets[f].Length == 1)
                {
                    throw Error($"field '{field.Name}', level {l} ('{level.Comparator}'): checks the number against the other record's " +
                        "sex and birth year, so the field must read them too: give \"columns\": [\"citizen_id\", \"sex\", \"date_of_birth\"].");
                }

                CheckReachable(field.Name, l, kind, parameter, code, kinds, parameters, codes, offsets[f]);
                kinds.Add(kind);
                parameters.Add(parameter);
                codes.Add(code);
                fixedM.Add(CheckProbability(field.Name, l, "m", level.M));
                fixedU.Add(CheckProbability(field.Name, l, "u", level.U));
                labels.Add(label);
            }

            if (families[f] == LevelKind.AdminUnit && columnSets[f].Length is not (2 or 3))
            {
                throw Error($"field '{field.Name}': adminUnit reads the province code, the commune code and optionally the scheme " +
                    "(old or new): give them as \"columns\": [\"province_code\", \"commune_code\", \"admin_scheme\"].");
            }

            if (families[f] == LevelKind.CitizenId && columnSets[f].Length is not (1 or 3))
            {
                throw Error($"field '{field.Name}': citizenId reads the identity number alone, or with the record's sex and date of " +
                    "birth (for 'citizenId.consistent'): give one column, or \"columns\": [\"citizen_id\", \"sex\", \"date_of_birth\"].");
            }

            if (families[f] == LevelKind.CitizenId && columnSets[f].Length == 3)
            {
                // The value joins number, sex and date of birth; only the number may be compared as written or blocked on.
                if (levels[0]?.Comparator == "exact")
                {
                    throw Error($"field '{field.Name}' reads the identity number with the sex and date of birth: a plain 'exact' level " +
                        "(and termFrequency, which weighs it) would compare all three; 'citizenId.exact' compares the number.");
                }

                if (normalizations[f] == Normalization.Alphanumeric)
                {
                    throw Error($"field '{field.Name}': normalization 'alphanumeric' would also strip the date of birth " +
                        "(1988-07-15 becomes 19880715, which no longer reads as a date); use 'trim' (the default) or 'lowerCase'.");
                }
            }

            if (families[f] is not (LevelKind.AdminUnit or LevelKind.CitizenId) && columnSets[f].Length > 1
                && (families[f] != LevelKind.Exact || levels.Any(l => l?.Comparator != "exact")))
            {
                throw Error($"field '{field.Name}' reads several columns: only adminUnit and citizenId levels and 'exact' compare such a value.");
            }

            kinds.Add(LevelKind.Exact); // placeholder for "different": never tested
            parameters.Add(0);
            codes.Add(0);
            fixedM.Add(double.NaN);
            fixedU.Add(double.NaN);
            labels.Add("different");
        }

        var rules = CompileBlocking(configuration.Blocking, index);
        var exclusive = -1;
        if (configuration.ExclusiveField is { } exclusiveName && !index.TryGetValue(exclusiveName, out exclusive))
        {
            throw Error($"exclusiveField '{exclusiveName}' is not one of the fields.");
        }

        var decision = configuration.Decision ?? new DecisionConfiguration();
        if (!double.IsFinite(decision.MatchWeight))
        {
            throw Error("decision.matchWeight must be a finite number.");
        }

        if (decision.ReviewWeight is { } review && (!double.IsFinite(review) || review > decision.MatchWeight))
        {
            throw Error("decision.reviewWeight must be a finite number no larger than matchWeight.");
        }

        var estimation = configuration.Estimation ?? new EstimationConfiguration();
        if (estimation.RandomPairs < 1000)
        {
            throw Error("estimation.randomPairs must be at least 1000 (fewer pairs give unreliable u probabilities).");
        }

        if (estimation.MaxIterations < 1 || estimation.Tolerance <= 0 || estimation.MaxCandidatePairs < 1)
        {
            throw Error("estimation.maxIterations, tolerance and maxCandidatePairs must be positive.");
        }

        Regex? truthPattern = null;
        if (configuration.Truth is { } truth)
        {
            if (string.IsNullOrWhiteSpace(truth.Column))
            {
                throw Error("truth.column is missing.");
            }

            if (truth.Pattern is { } pattern)
            {
                try
                {
                    truthPattern = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException e)
                {
                    throw new MatchConfigurationException($"truth.pattern is not a valid regular expression: {e.Message}", e);
                }

                if (truthPattern.GetGroupNumbers().Length < 2)
                {
                    throw Error("truth.pattern has no capture group: put the part of the value that names the entity in parentheses, " +
                        "e.g. \"rec-(\\d+)-\".");
                }
            }
        }

        return new MatchPlan(configuration)
        {
            Names = names,
            Columns = columns,
            ColumnSets = columnSets,
            Formats = formats,
            Normalizations = normalizations,
            TermFrequency = termFrequency,
            LevelOffset = offsets,
            LevelCount = counts,
            Kinds = [.. kinds],
            Parameters = [.. parameters],
            Codes = [.. codes],
            Families = families,
            FixedM = [.. fixedM],
            FixedU = [.. fixedU],
            LevelLabels = [.. labels],
            Rules = rules,
            ExclusiveField = exclusive,
            TruthPattern = truthPattern,
        };
    }

    private static (LevelKind Kind, double Parameter, int Code, string Label) CompileLevel(string field, int l, LevelConfiguration level,
        ValueFormat format)
    {
        var where = $"field '{field}', level {l} ('{level.Comparator}')";
        var dot = level.Comparator?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot >= 0)
        {
            return CompileVietnameseLevel(where, level, format, level.Comparator![..dot], level.Comparator[(dot + 1)..]);
        }

        var (kind, parameter, label) = CompileGeneralLevel(where, level, format);
        return (kind, parameter, 0, label);
    }

    /// <summary>The names of the Vietnamese comparators' levels, in the comparators' own order (strictest first).</summary>
    private static readonly (string Name, LevelKind Kind, string[] Levels)[] s_vietnamese =
    [
        ("vietnameseName", LevelKind.VietnameseName, IdentityLevels.ConfigurationLevels((int)IdentityField.FullName)),
        ("partialDate", LevelKind.PartialDate, IdentityLevels.ConfigurationLevels((int)IdentityField.DateOfBirth)),
        ("citizenId", LevelKind.CitizenId, IdentityLevels.ConfigurationLevels((int)IdentityField.CitizenId)),
        ("phone", LevelKind.Phone, IdentityLevels.ConfigurationLevels((int)IdentityField.Phone)),
        ("adminUnit", LevelKind.AdminUnit, IdentityLevels.ConfigurationLevels((int)IdentityField.Residence)),
    ];

    private static string FamilyName(LevelKind kind) => Array.Find(s_vietnamese, v => v.Kind == kind).Name;

    private static (LevelKind Kind, double Parameter, int Code, string Label) CompileVietnameseLevel(string where, LevelConfiguration level,
        ValueFormat format, string family, string name)
    {
        var entry = Array.Find(s_vietnamese, v => v.Name == family);
        if (entry.Levels is null)
        {
            throw Error($"{where}: unknown comparator '{family}'; the Vietnamese comparators are vietnameseName, partialDate, citizenId, " +
                "phone and adminUnit, written with their level, e.g. \"partialDate.dayMonthSwapped\".");
        }

        var code = Array.IndexOf(entry.Levels, name);
        if (code < 0)
        {
            throw Error($"{where}: '{family}' has no level '{name}'; its levels are {string.Join(", ", entry.Levels)}.");
        }

        if (format != ValueFormat.Text)
        {
            throw Error($"{where}: this comparator reads the text itself; leave the field's \"format\" at \"text\".");
        }

        if (entry.Kind == LevelKind.VietnameseName && name == "similar")
        {
            if (level.Threshold is not { } t || !double.IsFinite(t) || t < 0 || t > 1)
            {
                throw Error($"{where}: needs a 'threshold' between 0 and 1 (the least Jaro-Winkler similarity of the folded names).");
            }

            return (entry.Kind, t, code, $"{level.Comparator}>={t.ToString(CultureInfo.InvariantCulture)}");
        }

        if (level.Threshold is not null)
        {
            throw Error($"{where}: takes no 'threshold' (it would be ignored).");
        }

        return (entry.Kind, 0, code, level.Comparator!);
    }

    private static (LevelKind Kind, double Parameter, string Label) CompileGeneralLevel(string where, LevelConfiguration level,
        ValueFormat format)
    {
        double Threshold(double min, double max, string meaning)
        {
            if (level.Threshold is not { } t || !double.IsFinite(t) || t < min || t > max)
            {
                throw Error($"{where}: needs a 'threshold' between {min.ToString(CultureInfo.InvariantCulture)} and " +
                    $"{max.ToString(CultureInfo.InvariantCulture)} ({meaning}).");
            }

            return t;
        }

        void RequireDate()
        {
            if (format != ValueFormat.Date)
            {
                throw Error($"{where}: this comparator needs \"format\": \"date\" on the field.");
            }
        }

        if (level.Threshold is not null && level.Comparator is "exact" or "dayMonthSwapped" or "sameYearMonth")
        {
            throw Error($"{where}: takes no 'threshold' (it would be ignored).");
        }

        switch (level.Comparator)
        {
            case "exact":
                return (LevelKind.Exact, 0, "exact");
            case "jaroWinkler":
                var jw = Threshold(0, 1, "the least Jaro-Winkler similarity");
                return (LevelKind.JaroWinkler, jw, $"jaroWinkler>={jw.ToString(CultureInfo.InvariantCulture)}");
            case "damerauLevenshtein":
                var dl = Threshold(0, 100, "the most edits");
                if (dl != Math.Floor(dl))
                {
                    throw Error($"{where}: the threshold is a number of edits and must be whole.");
                }

                return (LevelKind.DamerauLevenshtein, dl, $"damerauLevenshtein<={dl.ToString(CultureInfo.InvariantCulture)}");
            case "numericDifference":
                if (format != ValueFormat.Number)
                {
                    throw Error($"{where}: this comparator needs \"format\": \"number\" on the field.");
                }

                var nd = Threshold(0, double.MaxValue, "the largest absolute difference");
                return (LevelKind.NumericDifference, nd, $"numericDifference<={nd.ToString(CultureInfo.InvariantCulture)}");
            case "dateDifference":
                RequireDate();
                var dd = Threshold(0, 36600, "the most days apart");
                return (LevelKind.DateDifference, dd, $"dateDifference<={dd.ToString(CultureInfo.InvariantCulture)}d");
            case "dayMonthSwapped":
                RequireDate();
                return (LevelKind.DayMonthSwapped, 0, "dayMonthSwapped");
            case "sameYearMonth":
                RequireDate();
                return (LevelKind.SameYearMonth, 0, "sameYearMonth");
            case "yearDifference":
                RequireDate();
                var yd = Threshold(0, 200, "the most years apart");
                return (LevelKind.YearDifference, yd, $"yearDifference<={yd.ToString(CultureInfo.InvariantCulture)}");
            default:
                throw Error($"{where}: unknown comparator; use exact, jaroWinkler, damerauLevenshtein, numericDifference, " +
                    "dateDifference, dayMonthSwapped, sameYearMonth or yearDifference, or a Vietnamese comparator with its level " +
                    "(vietnameseName.*, partialDate.*, citizenId.*, phone.*).");
        }
    }

    /// <summary>
    /// Levels are tried in order and the first that holds wins: a level that an earlier one always covers can never be
    /// reached, a silent mistake (say jaroWinkler 0.8 before 0.95) that is refused here.
    /// </summary>
    private static void CheckReachable(string field, int l, LevelKind kind, double parameter, int code, List<LevelKind> kinds,
        List<double> parameters, List<int> codes, int offset)
    {
        for (var e = offset; e < kinds.Count; e++)
        {
            var earlier = kinds[e];
            var covered = earlier == kind && kind switch
            {
                // A Vietnamese level accepts its own level and every stricter one: a looser earlier level covers it, and
                // of two 'similar' levels the lower threshold covers the higher.
                LevelKind.VietnameseName when codes[e] == IdentityLevels.NameSimilar && code == IdentityLevels.NameSimilar =>
                    parameters[e] <= parameter,
                // 'givenOnly' does not test similarity: a similar name with another given name passes 'similar' only.
                LevelKind.VietnameseName when codes[e] == IdentityLevels.NameGivenOnly && code == IdentityLevels.NameSimilar => false,
                >= LevelKind.VietnameseName => codes[e] >= code,
                // Similarities: a lower or equal threshold accepts everything a higher one does.
                LevelKind.JaroWinkler => parameters[e] <= parameter,
                // Distances: a larger or equal bound accepts everything a smaller one does.
                LevelKind.DamerauLevenshtein or LevelKind.NumericDifference or LevelKind.DateDifference or LevelKind.YearDifference =>
                    parameters[e] >= parameter,
                _ => true,
            };
            // Every comparator accepts equal values, so 'exact' after any of them is never reached.
            covered |= kind == LevelKind.Exact && earlier is LevelKind.JaroWinkler or LevelKind.DamerauLevenshtein
                or LevelKind.NumericDifference or LevelKind.DateDifference or LevelKind.YearDifference or >= LevelKind.VietnameseName;
            if (covered)
            {
                throw Error($"field '{field}', level {l}: can never be reached, because level {e - offset} before it already accepts " +
                    "every pair it would; order levels from the strictest to the loosest.");
            }
        }
    }

    private static double CheckProbability(string field, int l, string name, double? value)
    {
        if (value is not { } p)
        {
            return double.NaN;
        }

        if (!(p > 0 && p < 1))
        {
            throw Error($"field '{field}', level {l}: '{name}' must be a probability strictly between 0 and 1.");
        }

        return p;
    }

    private static BlockingRule[] CompileBlocking(IReadOnlyList<BlockingRuleConfiguration>? blocking, Dictionary<string, int> index)
    {
        if (blocking is null || blocking.Count == 0)
        {
            throw Error("'blocking' is empty: give at least one rule, e.g. {\"on\": [\"surname\"]}; comparing all pairs does not scale.");
        }

        var rules = new BlockingRule[blocking.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < blocking.Count; r++)
        {
            var keys = blocking[r]?.On;
            if (keys is null || keys.Count == 0)
            {
                throw Error($"blocking[{r}] has no keys in 'on'.");
            }

            var fields = new int[keys.Count];
            var prefixes = new int[keys.Count];
            for (var k = 0; k < keys.Count; k++)
            {
                var key = keys[k] ?? "";
                var colon = key.IndexOf(':', StringComparison.Ordinal);
                var name = colon < 0 ? key : key[..colon];
                if (!index.TryGetValue(name, out fields[k]))
                {
                    throw Error($"blocking[{r}]: key '{key}' does not name a field.");
                }

                if (colon >= 0 && (!int.TryParse(key.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefixes[k])
                    || prefixes[k] < 1))
                {
                    throw Error($"blocking[{r}]: key '{key}': after ':' comes a prefix length of at least 1.");
                }
            }

            var text = string.Join(" & ", keys);
            if (!seen.Add(text))
            {
                throw Error($"blocking[{r}] ({text}) repeats an earlier rule.");
            }

            rules[r] = new BlockingRule(fields, prefixes, text);
        }

        return rules;
    }

    /// <summary>The columns a field reads: its <c>column</c> (or its name), or its <c>columns</c>, never both.</summary>
    private static string[] CompileColumns(FieldConfiguration field)
    {
        if (field.Columns is null)
        {
            return [string.IsNullOrWhiteSpace(field.Column) ? field.Name : field.Column];
        }

        if (!string.IsNullOrWhiteSpace(field.Column))
        {
            throw Error($"field '{field.Name}' has both 'column' and 'columns'; give one of them.");
        }

        if (field.Columns.Count == 0)
        {
            throw Error($"field '{field.Name}': 'columns' is empty; list the columns the field reads, or use 'column'.");
        }

        var result = new string[field.Columns.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var column = field.Columns[i];
            if (string.IsNullOrWhiteSpace(column))
            {
                throw Error($"field '{field.Name}': columns[{i}] is empty.");
            }

            if (Array.IndexOf(result, column, 0, i) >= 0)
            {
                throw Error($"field '{field.Name}': column '{column}' is listed twice in 'columns'.");
            }

            result[i] = column;
        }

        return result;
    }

    private static MatchConfigurationException Error(string message) => new(message);
}
