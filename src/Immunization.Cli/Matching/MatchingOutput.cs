using System.Globalization;
using System.Text.Json;
using Immunization.Cli.StandardFiles;
using Immunization.Matching.Configuration;
using Immunization.Matching.Scoring;
using Immunization.Matching.Tables;
using Immunization.Core.Records.Files;

namespace Immunization.Cli.Matching;

/// <summary>What the generic link and dedupe commands write: pair files with explanations, the model, and a summary.</summary>
internal static class MatchingOutput
{
    public static MatchPlan LoadPlan(string path)
    {
        // Structure first (encoding, size, depth, duplicate keys, trailing text), with the file, line and JSON path named.
        var json = JsonInput.Read(path, "configuration");
        try
        {
            using var stream = new MemoryStream(json, writable: false);
            return MatchPlan.Compile(MatchConfiguration.FromJson(stream));
        }
        catch (MatchConfigurationException e)
        {
            // The library's message may repeat a key or value of any length from the file: cut short.
            throw new CliInputException($"{path}: {JsonInput.Cap(e.Message)}");
        }
    }

    /// <summary>Writes pairs with each field's level and weight: the explanation of every decision.</summary>
    /// <remarks>Explanations go into one reused buffer and numbers are formatted in place: nothing is allocated per pair.</remarks>
    public static void WritePairs(string path, MatchPlan plan, PairExplainer explain, string leftIdName, string rightIdName, RecordIds leftIds,
        RecordIds rightIds, IReadOnlyList<ScoredPair> matches, IReadOnlyList<ScoredPair> reviews)
    {
        using var writer = new StandardCsvWriter(File.Create(path));
        var header = new List<string?> { leftIdName, rightIdName, "decision", "weight", "probability" };
        foreach (var name in plan.FieldNames)
        {
            header.Add(name + "_level");
            header.Add(name + "_weight");
        }

        writer.Row([.. header]);
        var fields = new FieldContribution[plan.FieldNames.Count];
        void Write(ScoredPair pair, string decision)
        {
            explain(pair, fields);
            leftIds.Write(writer, pair.Left);
            rightIds.Write(writer, pair.Right);
            writer.Field(decision);
            writer.Field(pair.Weight, "0.###");
            writer.Field(pair.Probability, "0.######");
            foreach (var field in fields)
            {
                writer.Field(field.Level);
                writer.Field(field.Weight, "0.###");
            }

            writer.EndRow();
        }

        foreach (var pair in matches)
        {
            Write(pair, "match");
        }

        foreach (var pair in reviews)
        {
            Write(pair, "review");
        }
    }

    public static void WriteModel(string path, MatchModel model, long candidatePairs, int emIterations)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("candidatePairs", candidatePairs);
        json.WriteNumber("emIterations", emIterations);
        json.WriteNumber("lambda", model.Lambda);
        json.WriteNumber("priorWeight", model.PriorWeight);
        json.WriteStartArray("fields");
        foreach (var field in model.Fields)
        {
            json.WriteStartObject();
            json.WriteString("name", field.Name);
            json.WriteBoolean("termFrequency", field.TermFrequency);
            json.WriteStartArray("levels");
            foreach (var level in field.Levels)
            {
                json.WriteStartObject();
                json.WriteString("level", level.Label);
                json.WriteNumber("m", level.M);
                json.WriteNumber("u", level.U);
                json.WriteNumber("weight", level.Weight);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteEvaluation(TextWriter output, TruthEvaluation evaluation)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"truth: {evaluation.TruePairs} true pairs; blocking kept {evaluation.TruePairsBlocked} ({evaluation.BlockingRecall:P2})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pairs: {evaluation.PredictedPairs} declared, {evaluation.TruePositives} true; precision {evaluation.Precision:0.0000}, " +
            $"recall {evaluation.Recall:0.0000}, F1 {evaluation.F1:0.0000}"));
    }

    /// <summary>
    /// Warns on <paramref name="error"/> when EM has probably learned nothing useful: it judged most candidate pairs to be
    /// matches (blocking left too few non-matches to tell them apart), or no field's levels separate m from u.
    /// </summary>
    public static void WarnIfDegenerate(TextWriter error, string command, MatchConfiguration configuration, MatchModel model,
        long candidatePairs, bool trained)
    {
        var diagnosis = ModelDiagnosis.Of(configuration, model, trained);
        if (diagnosis.MostPairsJudgedMatches)
        {
            var share = model.Lambda.ToString("P1", CultureInfo.InvariantCulture);
            error.WriteLine($"{command}: warning: EM judged {share} of the {candidatePairs} candidate pairs to be matches. Blocking " +
                "leaves too few non-matches for EM to learn from, and its m probabilities and decisions may be wrong (every candidate " +
                "declared a match). Add blocking rules on other fields or field pairs so that candidates include non-matches, or " +
                "fix m with \"m\" on the levels, or count it from labelled pairs with --train-on-truth.");
        }

        if (diagnosis.NoFieldSeparates)
        {
            error.WriteLine($"{command}: warning: no field separates matches from non-matches (m ≈ u on every level). Check that the " +
                "fields' columns hold comparable values and that their comparators and thresholds fit the data.");
        }
    }

    public static RecordIds Ids(RecordTable table, string? idColumn, string file, string configPath)
    {
        if (idColumn is null)
        {
            return new RecordIds(table, -1);
        }

        var column = table.IndexOf(idColumn);
        if (column < 0)
        {
            throw new CliInputException($"{file}: the id column '{CsvInput.Shown(idColumn)}' named by idColumn in {configPath} is missing.");
        }

        return new RecordIds(table, column);
    }

    /// <summary>Checks that <paramref name="table"/> has every column the configuration reads, naming both files and the key.</summary>
    public static void CheckColumns(MatchConfiguration configuration, RecordTable table, string csvPath, string configPath, bool truth)
    {
        var fields = configuration.Fields ?? [];
        foreach (var field in fields)
        {
            foreach (var listed in field.Columns ?? [])
            {
                if (!string.IsNullOrWhiteSpace(listed) && table.IndexOf(listed) < 0)
                {
                    throw new CliInputException($"{csvPath}: no column '{CsvInput.Shown(listed)}', which field '{CsvInput.Shown(field.Name)}' in {configPath} reads ('columns').");
                }
            }

            var column = string.IsNullOrWhiteSpace(field.Column) ? field.Name : field.Column;
            if (field.Columns is null && table.IndexOf(column) < 0)
            {
                throw new CliInputException($"{csvPath}: no column '{CsvInput.Shown(column)}', which field '{CsvInput.Shown(field.Name)}' in {configPath} reads" +
                    $"{(string.IsNullOrWhiteSpace(field.Column) ? " (its name; set 'column' to read another)" : " ('column')")}.");
            }
        }

        if (configuration.Truth is { } t && table.IndexOf(t.Column) < 0)
        {
            throw new CliInputException($"{csvPath}: no column '{CsvInput.Shown(t.Column)}', which truth.column in {configPath} names" +
                (truth ? "." : "; remove the 'truth' section for data without it."));
        }
    }

    public static string Prepare(string directory)
    {
        if (File.Exists(directory))
        {
            throw new CliInputException($"--out {directory}: is a file; give a folder (created if missing).");
        }

        Directory.CreateDirectory(directory);
        return directory;
    }
}

/// <summary>Explains a pair into a caller's buffer (<see cref="LinkageResult.Explain(ScoredPair, Span{FieldContribution})"/>).</summary>
internal delegate void PairExplainer(ScoredPair pair, Span<FieldContribution> fields);

/// <summary>How output files name a record: its value in the configuration's id column, or its 1-based data row.</summary>
internal sealed class RecordIds(RecordTable table, int column)
{
    /// <summary>The id column, or −1 when records are named by their row.</summary>
    public int Column => column;

    public string this[int record] => column < 0 ? (record + 1).ToString(CultureInfo.InvariantCulture) : table.Get(record, column) ?? "";

    public void Write(StandardCsvWriter writer, int record)
    {
        if (column < 0)
        {
            writer.Field(record + 1);
            return;
        }

        writer.Field(table.GetSpan(record, column));
    }
}
