using System.Globalization;
using System.Text;
using System.Text.Json;
using Immunization.Cli.StandardFiles;

namespace Immunization.Cli.Matching;

/// <summary>
/// Reads a small JSON input file (a matching configuration, error rates) and checks its structure before a library
/// deserializes it: UTF-8 (a byte-order mark is skipped; UTF-16 and UTF-32 are refused by name), at most
/// <see cref="MaxBytes"/>, nesting at most <see cref="MaxDepth"/> levels, one JSON value with nothing after it, and each key
/// once per object. A problem is a <see cref="CliInputException"/> naming the file, the 1-based line and the JSON path,
/// with any text from the file cut to <see cref="CsvInput.MaxShown"/> characters.
/// </summary>
internal static class JsonInput
{
    /// <summary>The largest file read (configurations are a few kilobytes).</summary>
    public const int MaxBytes = 4 << 20;

    /// <summary>The deepest nesting accepted (configurations nest 4 levels).</summary>
    public const int MaxDepth = 32;

    /// <summary>Reads and checks <paramref name="path"/>; returns its UTF-8 bytes without a byte-order mark.</summary>
    public static byte[] Read(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new CliInputException($"{path}: is a folder; give the {what} file.");
        }

        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: {what} file not found.");
        }

        var file = Path.GetFileName(path);
        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new CliInputException(string.Create(CultureInfo.InvariantCulture,
                $"{file}: larger than {MaxBytes / (1 << 20)} MiB; a {what} file is a few kilobytes."));
        }

        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }) || bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF })
            || bytes.AsSpan(start).IndexOf((byte)0) >= 0)
        {
            throw new CliInputException($"{file}: not UTF-8 (UTF-16 or UTF-32, or NUL bytes); save the {what} as UTF-8.");
        }

        Check(bytes.AsSpan(start), file);
        return start == 0 ? bytes : bytes[start..];
    }

    /// <summary>Checks the structure of <paramref name="json"/>, naming <paramref name="file"/>, the line and the path in errors.</summary>
    public static void Check(ReadOnlySpan<byte> json, string file)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        var frames = new Stack<Frame>();
        var line = 1;
        var lastPosition = 0;
        try
        {
            while (reader.Read())
            {
                line += json[lastPosition..(int)reader.TokenStartIndex].Count((byte)'\n');
                lastPosition = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Push(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString() ?? "";
                        var frame = frames.Peek();
                        frame.Name = name;
                        if (!frame.Names!.Add(name))
                        {
                            throw new CliInputException(string.Create(CultureInfo.InvariantCulture,
                                $"{file}: line {line}, at {PathOf(frames)}: the key '{CsvInput.Shown(name)}' appears twice in one object; give each key once."));
                        }

                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            var reason = e.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            reason = (cut < 0 ? reason : reason[..cut]).TrimEnd(' ', '|', '.');
            if (frames.Count > 0 && json[(int)reader.BytesConsumed..].Trim(" \t\r\n"u8).IsEmpty)
            {
                // Nothing but white space after the last token read, inside an object or array.
                reason = "the file ends inside an object or array (cut short?)";
            }
            else if (reader.CurrentDepth >= MaxDepth - 1 || reason.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase))
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"nested deeper than {MaxDepth} levels");
            }

            throw new CliInputException(string.Create(CultureInfo.InvariantCulture,
                $"{file}: line {(e.LineNumber ?? (line - 1)) + 1}, at {PathOf(frames)}: not valid JSON: {Cap(reason)}."));
        }
    }

    /// <summary>Cuts every run of characters without a space to <see cref="CsvInput.MaxShown"/> (a message may quote the file).</summary>
    public static string Cap(string message)
    {
        var text = new StringBuilder(Math.Min(message.Length, 400));
        foreach (var word in message.Split(' '))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(CsvInput.Shown(word));
        }

        return text.ToString();
    }

    private static void Advance(Stack<Frame> frames)
    {
        if (frames.Count > 0 && frames.Peek().IsArray)
        {
            frames.Peek().Index++;
        }
    }

    private static string PathOf(Stack<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames.Reverse())
        {
            if (frame.IsArray)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{Math.Max(frame.Index - 1, 0)}]");
            }
            else if (frame.Name is not null)
            {
                path.Append('.').Append(CsvInput.Shown(frame.Name));
            }
        }

        return path.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; }

        public string? Name { get; set; }

        public HashSet<string>? Names { get; } = isArray ? null : new HashSet<string>(StringComparer.Ordinal);
    }
}
