using System.Globalization;
using System.Text.Json;

namespace Immunization.Matching.Configuration;

/// <summary>
/// A record-linkage configuration as written in JSON: the fields to compare with their comparison levels, the blocking
/// rules, the decision thresholds, the estimation settings and, optionally, how to read the ground truth.
/// </summary>
/// <remarks>
/// <para>
/// This is the data form only. <see cref="MatchPlan.Compile(MatchConfiguration)"/> validates it and turns it into the flat
/// arrays the engine runs; a configuration that does not validate never reaches the engine.
/// </para>
/// <para>Property names are camelCase in JSON; comments and trailing commas are allowed. See the README for the format.</para>
/// </remarks>
/// <threadsafety>A plain data object: not thread-safe while being changed; the compiled <see cref="MatchPlan"/> is immutable.</threadsafety>
public sealed class MatchConfiguration
{
    /// <summary>Gets the column holding each record's identifier, written to the output; <see langword="null"/> to use row numbers.</summary>
    public string? IdColumn { get; set; }

    /// <summary>Gets the compared fields, at most 16.</summary>
    public IReadOnlyList<FieldConfiguration> Fields { get; set; } = [];

    /// <summary>Gets the blocking rules. Candidate pairs are those that agree on every key of at least one rule.</summary>
    public IReadOnlyList<BlockingRuleConfiguration> Blocking { get; set; } = [];

    /// <summary>Gets the decision thresholds.</summary>
    public DecisionConfiguration Decision { get; set; } = new();

    /// <summary>Gets the parameter estimation settings.</summary>
    public EstimationConfiguration Estimation { get; set; } = new();

    /// <summary>Gets how the ground truth is read from the records, or <see langword="null"/> when there is none.</summary>
    public TruthConfiguration? Truth { get; set; }

    /// <summary>
    /// Gets the field that guards de-duplication against chaining: a cluster never holds two values of it more than one edit
    /// apart (typically an identity number), or <see langword="null"/> for no guard. Values one edit apart (Damerau-Levenshtein
    /// distance 1: a substitution, insertion, deletion or swap of adjacent characters, i.e. a typo) are tolerated when every
    /// value of one cluster is within one edit of every value of the other; anything further apart is refused, whatever the
    /// other fields say.
    /// </summary>
    public string? ExclusiveField { get; set; }

    /// <summary>Reads a configuration from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The configuration, not yet validated: compile it with <see cref="MatchPlan.Compile(MatchConfiguration)"/>.</returns>
    /// <exception cref="MatchConfigurationException">The text is not JSON of the expected shape; the message says where.</exception>
    public static MatchConfiguration FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, MatchConfigurationJsonContext.Default.MatchConfiguration)
                ?? throw new MatchConfigurationException("The configuration is empty (JSON null).");
        }
        catch (JsonException e)
        {
            throw new MatchConfigurationException(Describe(e), e);
        }
    }

    /// <summary>Reads a configuration from a UTF-8 JSON stream.</summary>
    /// <param name="utf8Json">The stream, read to its end.</param>
    /// <returns>The configuration, not yet validated: compile it with <see cref="MatchPlan.Compile(MatchConfiguration)"/>.</returns>
    /// <exception cref="MatchConfigurationException">The stream is not JSON of the expected shape; the message says where.</exception>
    public static MatchConfiguration FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        try
        {
            return JsonSerializer.Deserialize(utf8Json, MatchConfigurationJsonContext.Default.MatchConfiguration)
                ?? throw new MatchConfigurationException("The configuration is empty (JSON null).");
        }
        catch (JsonException e)
        {
            throw new MatchConfigurationException(Describe(e), e);
        }
    }

    /// <summary>
    /// Says where and what in words a configuration's author knows: the 1-based line, the key's path, and the reason without
    /// .NET type names (System.Text.Json counts lines from 0 and names the target types).
    /// </summary>
    private static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}")
            : "the configuration";
        var path = string.IsNullOrEmpty(e.Path) ? "" : $", at {e.Path}";
        var message = e.Message;
        string reason;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var key = e.Path is { Length: > 0 } p ? p[(p.LastIndexOf('.') + 1)..].Trim('[', ']', '\'') : "?";
            reason = $"unknown key '{key}'; check its spelling against the documented keys";
        }
        else if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            reason = "the value has the wrong type (a number, text, true/false, a list or an object is expected there)";
        }
        else
        {
            // Reader messages (a missing comma, say) name no types; their own position suffix is 0-based and dropped.
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            cut = cut < 0 ? message.IndexOf(" LineNumber:", StringComparison.Ordinal) : cut;
            reason = "not valid JSON: " + (cut < 0 ? message : message[..cut]).TrimEnd(' ', '|');
        }

        return $"{where}{path}: {reason}.";
    }

    /// <summary>A deep copy (every nested object and list copied).</summary>
    internal MatchConfiguration Clone() => new()
    {
        IdColumn = IdColumn,
        Fields = Fields is null ? [] : [.. Fields.Select(f => f is null ? null! : new FieldConfiguration
        {
            Name = f.Name,
            Column = f.Column,
            Columns = f.Columns is null ? null : [.. f.Columns],
            Format = f.Format,
            Normalization = f.Normalization,
            TermFrequency = f.TermFrequency,
            Levels = f.Levels is null ? [] : [.. f.Levels.Select(l => l is null ? null! : new LevelConfiguration
            {
                Comparator = l.Comparator, Threshold = l.Threshold, M = l.M, U = l.U,
            })],
        })],
        Blocking = Blocking is null ? [] : [.. Blocking.Select(b => b is null ? null! : new BlockingRuleConfiguration { On = b.On is null ? [] : [.. b.On] })],
        Decision = Decision is null ? new DecisionConfiguration() : new DecisionConfiguration
        {
            MatchWeight = Decision.MatchWeight, ReviewWeight = Decision.ReviewWeight, OneToOne = Decision.OneToOne,
        },
        Estimation = Estimation is null ? new EstimationConfiguration() : new EstimationConfiguration
        {
            RandomPairs = Estimation.RandomPairs,
            Seed = Estimation.Seed,
            MaxIterations = Estimation.MaxIterations,
            Tolerance = Estimation.Tolerance,
            MaxCandidatePairs = Estimation.MaxCandidatePairs,
        },
        Truth = Truth is null ? null : new TruthConfiguration { Column = Truth.Column, Pattern = Truth.Pattern },
        ExclusiveField = ExclusiveField,
    };

    /// <summary>Writes this configuration as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, MatchConfigurationJsonContext.Default.MatchConfiguration);
}

/// <summary>One compared field: the column it reads, how values are normalised, and its comparison levels.</summary>
/// <threadsafety>A plain data object: not thread-safe while being changed; the compiled <see cref="MatchPlan"/> is immutable.</threadsafety>
public sealed class FieldConfiguration
{
    /// <summary>Gets the field's name, unique in the configuration, used in explanations and blocking rules.</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets the input column, or <see langword="null"/> when it is the same as <see cref="Name"/>.</summary>
    public string? Column { get; set; }

    /// <summary>
    /// Gets the input columns of a field that reads several (instead of <see cref="Column"/>, never both), or
    /// <see langword="null"/>. Each record's value is the normalised values of these columns taken together; it is missing
    /// only when all of them are empty. The <c>adminUnit</c> comparator reads its codes this way:
    /// <c>["province_code", "commune_code", "admin_scheme"]</c> (the scheme column, <c>old</c> or <c>new</c>, is optional).
    /// </summary>
    public IReadOnlyList<string>? Columns { get; set; }

    /// <summary>
    /// Gets how values are read: <c>text</c> (the default), <c>date</c> (<c>yyyyMMdd</c>, <c>yyyy-MM-dd</c>, <c>yyyy-MM</c>,
    /// <c>yyyy</c> or <c>dd/MM/yyyy</c>) or <c>number</c>.
    /// </summary>
    public string Format { get; set; } = "text";

    /// <summary>
    /// Gets the normalisation applied to each value once, before any comparison: <c>trim</c> (the default; values are always
    /// trimmed), <c>lowerCase</c>, or <c>alphanumeric</c> (lower case, only letters and digits kept).
    /// </summary>
    public string Normalization { get; set; } = "trim";

    /// <summary>
    /// Gets the comparison levels, from the most to the least similar. A pair gets the first level whose test it passes, or
    /// the implicit last level, "different". A missing value on either side gives no level and weighs nothing.
    /// </summary>
    public IReadOnlyList<LevelConfiguration> Levels { get; set; } = [];

    /// <summary>
    /// Gets whether agreement on the <c>exact</c> level is weighed by the value's frequency: agreeing on a common value
    /// counts less than agreeing on a rare one.
    /// </summary>
    public bool TermFrequency { get; set; }
}

/// <summary>One comparison level of a field: a test and, optionally, fixed probabilities.</summary>
/// <threadsafety>A plain data object: not thread-safe while being changed; the compiled <see cref="MatchPlan"/> is immutable.</threadsafety>
public sealed class LevelConfiguration
{
    /// <summary>
    /// Gets the test: <c>exact</c>; <c>jaroWinkler</c> (similarity at least <see cref="Threshold"/>);
    /// <c>damerauLevenshtein</c> (at most <see cref="Threshold"/> edits, optimal string alignment);
    /// <c>numericDifference</c> (absolute difference at most <see cref="Threshold"/>); for dates <c>dateDifference</c>
    /// (at most <see cref="Threshold"/> days), <c>dayMonthSwapped</c>, <c>sameYearMonth</c>, <c>yearDifference</c>
    /// (at most <see cref="Threshold"/> years); or a Vietnamese comparator with its level, written <c>kind.level</c>:
    /// <c>vietnameseName.</c> <c>exact</c>, <c>middleMissing</c>, <c>anyOrder</c>, <c>similar</c> (Jaro-Winkler of the
    /// folded names at least <see cref="Threshold"/>) or <c>givenOnly</c>; <c>partialDate.</c> <c>exact</c>,
    /// <c>compatible</c>, <c>dayMonthSwapped</c>, <c>oneDigit</c> or <c>sameYear</c>; <c>citizenId.</c> <c>exact</c>,
    /// <c>transposition</c> or <c>substitution</c>; <c>phone.</c> <c>exact</c> or <c>oneDigit</c>; <c>adminUnit.</c> <c>sameCommune</c> (the same commune once
    /// old-scheme codes are mapped to the new units; an old commune split in 2025 matches any of its parts) or
    /// <c>sameProvince</c>, on a field whose <see cref="FieldConfiguration.Columns"/> are the province code, the commune code
    /// and optionally the scheme (unknown codes read as missing). Such a level accepts
    /// the pairs at that level of the kind's own order or at a stricter one; a field uses at most one kind.
    /// </summary>
    public string Comparator { get; set; } = "";

    /// <summary>Gets the test's threshold, where it takes one.</summary>
    public double? Threshold { get; set; }

    /// <summary>Gets a fixed m probability for this level (probability among true matches), or <see langword="null"/> to estimate it.</summary>
    public double? M { get; set; }

    /// <summary>Gets a fixed u probability for this level (probability among non-matches), or <see langword="null"/> to estimate it.</summary>
    public double? U { get; set; }
}

/// <summary>A blocking rule: pairs that agree exactly on all its keys are compared.</summary>
/// <threadsafety>A plain data object: not thread-safe while being changed; the compiled <see cref="MatchPlan"/> is immutable.</threadsafety>
public sealed class BlockingRuleConfiguration
{
    /// <summary>
    /// Gets the keys: field names, each optionally followed by <c>:N</c> to use only its first N characters
    /// (<c>"given_name:2"</c>). A record with any key missing is not blocked by this rule.
    /// </summary>
    public IReadOnlyList<string> On { get; set; } = [];
}

/// <summary>The decision thresholds, on the match weight: log2 of the posterior odds of a match (0 is a probability of 0.5).</summary>
/// <threadsafety>A plain data object: not thread-safe while being changed; the compiled <see cref="MatchPlan"/> is immutable.</threadsafety>
public sealed class DecisionConfiguration
{
    /// <summary>Gets the weight at or above which a pair is a match. The default, 0, is a match probability of 0.5.</summary>
    public double MatchWeight { get; set; }

    /// <summary>
    /// Gets the weight at or above which a pair below <see cref="MatchWeight"/> is sent to review, or
    /// <see langword="null"/> for no review band.
    /// </summary>
    public double? ReviewWeight { get; set; }

    /// <summary>Gets whether linking keeps each record in at most one link (the best, greedily), as for two de-duplicated files.</summary>
    public bool OneToOne { get; set; }
}

/// <summary>How the model's probabilities are estimated.</summary>
/// <threadsafety>A plain data object: not thread-safe while being changed; the compiled <see cref="MatchPlan"/> is immutable.</threadsafety>
public sealed class EstimationConfiguration
{
    /// <summary>Gets the number of random pairs that estimate the u probabilities of the levels other than exact (default 100,000).</summary>
    public int RandomPairs { get; set; } = 100_000;

    /// <summary>Gets the seed of the random pair sample (default 1).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Gets the maximum number of EM iterations for the m probabilities (default 100).</summary>
    public int MaxIterations { get; set; } = 100;

    /// <summary>Gets the EM convergence tolerance on the largest change of a probability (default 1e-6).</summary>
    public double Tolerance { get; set; } = 1e-6;

    /// <summary>Gets the largest number of candidate pairs allowed before linking stops with an error (default 200 million).</summary>
    public long MaxCandidatePairs { get; set; } = 200_000_000;
}

/// <summary>How the ground truth, when present, is read from the records: an entity key taken from a column by a pattern.</summary>
/// <threadsafety>A plain data object: not thread-safe while being changed; the compiled <see cref="MatchPlan"/> is immutable.</threadsafety>
public sealed class TruthConfiguration
{
    /// <summary>Gets the column that holds the entity key (for FEBRL, <c>rec_id</c>).</summary>
    public string Column { get; set; } = "";

    /// <summary>
    /// Gets a regular expression whose first group (or whole match, when it has no group) is the entity key
    /// (for FEBRL, <c>rec-(\d+)-</c>), or <see langword="null"/> to use the whole value.
    /// </summary>
    public string? Pattern { get; set; }
}
