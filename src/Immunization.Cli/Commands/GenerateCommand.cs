using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Immunization.Cli.StandardFiles;
using Immunization.Core.Records;
using Immunization.Testing.Synthetic;

namespace Immunization.Cli;

/// <summary>
/// <c>immunization generate --people N --seed S --out DIR [--errors FILE.json]</c>: writes a synthetic register.csv,
/// records.csv and truth.csv and prints what it made.
/// </summary>
internal static class GenerateCommand
{
    /// <summary>The files written into <c>--out</c>.</summary>
    private static readonly string[] s_outputs = ["register.csv", "records.csv", "truth.csv"];

    public static Command Create()
    {
        var people = new Option<int>("--people")
        {
            Description = "How many people to generate (the register holds all but the absent ones; the vaccinated have records).",
            Required = true,
            CustomParser = ParsePeople,
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "The seed: the same seed and options give the same files on any machine.",
            DefaultValueFactory = _ => 1UL,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write register.csv, records.csv and truth.csv into (created if missing).",
            Required = true,
        };
        var errors = new Option<FileInfo?>("--errors")
        {
            Description = "A JSON file of error rates (see samples/errors.json); kinds it leaves out keep their defaults.",
        };

        var force = new Option<bool>("--force")
        {
            Description = "Replace register.csv, records.csv and truth.csv when --out already holds them (without it: exit 2).",
        };

        var command = new Command("generate", "Generate a synthetic Vietnamese population register and COVID-19 vaccination records with ground truth.")
        {
            people, seed, output, errors, force,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            ErrorRates rates;
            var errorsFile = parse.GetValue(errors);
            try
            {
                rates = errorsFile is null ? ErrorRates.Default : LoadRates(errorsFile);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                // Bad input: 2, as every command. A key or value the file repeats is shown cut short (paths are not cut).
                stderr.WriteLine(e is FormatException ? CapQuoted(e.Message) : e.Message);
                return CliApp.UsageError;
            }

            var existing = s_outputs.Where(f => File.Exists(Path.Combine(parse.GetValue(output)!.FullName, f))).ToList();
            if (existing.Count > 0 && !parse.GetValue(force))
            {
                stderr.WriteLine($"generate: --out {parse.GetValue(output)!.FullName} already holds {string.Join(", ", existing)}; " +
                    "give --force to replace them, or another folder.");
                return CliApp.UsageError;
            }

            var options = new SyntheticDataOptions { People = parse.GetValue(people), Seed = parse.GetValue(seed), Errors = rates };
            var directory = parse.GetValue(output)!;
            var stopwatch = Stopwatch.StartNew();
            SyntheticDataSummary summary;
            try
            {
                directory.Create();
                using var sink = new FileSink(directory.FullName);
                summary = SyntheticDataGenerator.Generate(options, sink);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine("Could not write to " + directory.FullName + ": " + e.Message);
                return 1;
            }

            Report(stdout, summary, options, directory.FullName, stopwatch.Elapsed);
            return 0;
        });
        return command;
    }

    // The option's own parser, so that a malformed value is reported as a parse error (a validator reading the value
    // would throw on it instead).
    private static int ParsePeople(System.CommandLine.Parsing.ArgumentResult result)
    {
        if (result.Tokens.Count != 1)
        {
            result.AddError("--people needs one value: how many people to generate (a whole number, 0 or more).");
            return 0;
        }

        var text = result.Tokens[0].Value;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            result.AddError(string.Create(
                CultureInfo.InvariantCulture,
                $"--people must be a whole number from 0 to {int.MaxValue:N0} written with digits only; '{text}' is not."));
            return 0;
        }

        return count;
    }

    private static ErrorRates LoadRates(FileInfo file)
    {
        if (Directory.Exists(file.FullName))
        {
            throw new IOException("The error-rates file " + file.FullName + " is a folder, not a file.");
        }

        if (!file.Exists)
        {
            throw new FileNotFoundException("The error-rates file " + file.FullName + " does not exist.");
        }

        using var stream = file.OpenRead();
        try
        {
            // A UTF-8 byte-order mark (as some editors save JSON) is skipped; the reader wants bare UTF-8.
            Span<byte> bom = stackalloc byte[3];
            var read = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
            if (!(read == 3 && bom.SequenceEqual("\uFEFF"u8)))
            {
                stream.Position = 0;
            }

            return ErrorRates.FromJson(stream);
        }
        catch (FormatException e)
        {
            throw new FormatException(file.Name + ": " + e.Message, e);
        }
    }

    /// <summary>
    /// Cuts every double-quoted text in a message, and every other run of characters without a space or comma, to
    /// <see cref="CsvInput.MaxShown"/> characters: the message may repeat a key or a value of any length from the file.
    /// </summary>
    private static string CapQuoted(string message)
    {
        var timeout = TimeSpan.FromSeconds(1);
        message = System.Text.RegularExpressions.Regex.Replace(message, "\"([^\"]*)\"",
            m => "\"" + CsvInput.Shown(m.Groups[1].Value) + "\"", System.Text.RegularExpressions.RegexOptions.None, timeout);
        return System.Text.RegularExpressions.Regex.Replace(message, "[^\\s,]{" + (CsvInput.MaxShown + 1) + ",}",
            m => CsvInput.Shown(m.Value), System.Text.RegularExpressions.RegexOptions.None, timeout);
    }

    private static void Report(TextWriter output, SyntheticDataSummary summary, SyntheticDataOptions options, string directory, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Generated {summary.People:N0} people (seed {options.Seed}) in {elapsed.TotalSeconds:0.0} s into {directory}:"));
        output.WriteLine(string.Create(c, $"  register.csv  {summary.RegisterEntries,12:N0} people"));
        output.WriteLine(string.Create(c, $"  records.csv   {summary.Records,12:N0} records of {summary.VaccinatedPeople:N0} vaccinated people"));
        output.WriteLine(string.Create(c, $"  truth.csv     {summary.Records,12:N0} rows"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"  {"error kind",-26} {"count",12} {"of",12} {"rate",7} {"set",7}"));
        for (var k = 0; k < ErrorRates.KindCount; k++)
        {
            var kind = (ErrorKind)k;
            var count = summary.Count(kind);
            var opportunities = summary.Opportunities(kind);
            var rate = opportunities == 0 ? 0 : (double)count / opportunities;
            output.WriteLine(string.Create(c, $"  {kind,-26} {count,12:N0} {opportunities,12:N0} {rate,7:0.0000} {options.Errors.Rate(kind),7:0.0000}"));
        }
    }

    /// <summary>Streams the generator's output into the three standard files.</summary>
    internal sealed class FileSink : ISyntheticDataSink, IDisposable
    {
        private readonly RegisterCsvWriter _register;
        private readonly RecordsCsvWriter _records;
        private readonly TruthCsvWriter _truth;

        public FileSink(string directory)
            : this(directory, Create)
        {
        }

        /// <summary>For tests: <paramref name="open"/> opens each file; if one fails, the ones already open are closed.</summary>
        internal FileSink(string directory, Func<string, string, Stream> open)
        {
            // Open all three files first, so that a failure on the second or third closes the ones already open.
            Stream? register = null, records = null;
            Stream truth;
            try
            {
                register = open(directory, "register.csv");
                records = open(directory, "records.csv");
                truth = open(directory, "truth.csv");
            }
            catch
            {
                records?.Dispose();
                register?.Dispose();
                throw;
            }

            _register = new RegisterCsvWriter(register);
            _records = new RecordsCsvWriter(records);
            _truth = new TruthCsvWriter(truth);
        }

        public void AddRegisterEntry(RegisterEntry entry) => _register.Write(entry);

        public void AddRecord(SyntheticRecord record)
        {
            _records.Write(record.Record);
            _truth.Write(record.Record.RecordId, record.PersonId);
        }

        public void Dispose()
        {
            _register.Dispose();
            _records.Dispose();
            _truth.Dispose();
        }

        private static Stream Create(string directory, string name) =>
            new FileStream(Path.Combine(directory, name), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }
}
