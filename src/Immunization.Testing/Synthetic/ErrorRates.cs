using System.Globalization;
using System.Text.Json;
using System.Text;

namespace Immunization.Testing.Synthetic;

/// <summary>
/// The rate of every kind of error the generator puts into vaccination records. Every rate is a probability in [0, 1];
/// unset rates keep the defaults below. Load a partial set from JSON with <see cref="FromJson"/>.
/// </summary>
/// <remarks>
/// <para>
/// A rate is the probability that a record which <i>can</i> carry the error does: <see cref="DStrokeAsD"/> applies only
/// to names with <c>Đ</c>, <see cref="PhoneOldForm"/> only to numbers whose prefix changed in 2018,
/// <see cref="BirthDateDayMonthSwapped"/> only to dates whose day is 12 or less and differs from the month. The summary
/// of a run (<see cref="SyntheticDataSummary"/>) gives each kind's count and its number of opportunities.
/// The <c>Absent…</c> rates are shares of vaccinated people; <see cref="DuplicateAtSecondSite"/> is a share of doses.
/// </para>
/// <para>
/// Kinds that exclude each other form groups whose rates must add up to 1 at most: the three identity-number kinds,
/// the two tone-mark kinds, the three date-of-birth kinds, the two phone kinds, the two commune kinds, and the three
/// absence kinds.
/// </para>
/// <para>
/// The defaults are plausible guesses, not measurements (no published error rates for Viet Nam's vaccination data were
/// found); <see cref="CommuneOldScheme"/> is high on purpose, because records of 2021–2022 were entered before the
/// 2025 reform.
/// </para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record ErrorRates
{
    /// <summary>The number of kinds in <see cref="ErrorKind"/>.</summary>
    public const int KindCount = (int)ErrorKind.AbsentForeigner + 1;

    /// <summary>The default rates.</summary>
    public static ErrorRates Default { get; } = new();

    /// <summary>Every rate zero: clean records, everyone in the register, no duplicates.</summary>
    public static ErrorRates None { get; } = new()
    {
        CitizenIdMissing = 0, CitizenIdMistyped = 0, CitizenIdTransposed = 0, ToneMarksDropped = 0, ToneMarksPartlyDropped = 0,
        DStrokeAsD = 0, DecomposedUnicode = 0, CaseAndSpacing = 0, SyllableMistyped = 0, NameOrderSwapped = 0,
        BirthDateYearOnly = 0, BirthDateDayMonthSwapped = 0, BirthDateMistyped = 0, SexWrong = 0, PhoneOldForm = 0,
        PhoneMistyped = 0, CommuneOldScheme = 0, CommuneWrong = 0, DuplicateAtSecondSite = 0, AbsentMovedIn = 0,
        AbsentBornAbroad = 0, AbsentForeigner = 0,
    };

    /// <summary>Rate of <see cref="ErrorKind.CitizenIdMissing"/> (default 0.08).</summary>
    public double CitizenIdMissing { get; init; } = 0.08;

    /// <summary>Rate of <see cref="ErrorKind.CitizenIdMistyped"/> (default 0.02).</summary>
    public double CitizenIdMistyped { get; init; } = 0.02;

    /// <summary>Rate of <see cref="ErrorKind.CitizenIdTransposed"/> (default 0.01).</summary>
    public double CitizenIdTransposed { get; init; } = 0.01;

    /// <summary>Rate of <see cref="ErrorKind.ToneMarksDropped"/> (default 0.10).</summary>
    public double ToneMarksDropped { get; init; } = 0.10;

    /// <summary>Rate of <see cref="ErrorKind.ToneMarksPartlyDropped"/> (default 0.03).</summary>
    public double ToneMarksPartlyDropped { get; init; } = 0.03;

    /// <summary>Rate of <see cref="ErrorKind.DStrokeAsD"/> (default 0.10).</summary>
    public double DStrokeAsD { get; init; } = 0.10;

    /// <summary>Rate of <see cref="ErrorKind.DecomposedUnicode"/> (default 0.05).</summary>
    public double DecomposedUnicode { get; init; } = 0.05;

    /// <summary>Rate of <see cref="ErrorKind.CaseAndSpacing"/> (default 0.05).</summary>
    public double CaseAndSpacing { get; init; } = 0.05;

    /// <summary>Rate of <see cref="ErrorKind.SyllableMistyped"/> (default 0.02).</summary>
    public double SyllableMistyped { get; init; } = 0.02;

    /// <summary>Rate of <see cref="ErrorKind.NameOrderSwapped"/> (default 0.01).</summary>
    public double NameOrderSwapped { get; init; } = 0.01;

    /// <summary>Rate of <see cref="ErrorKind.BirthDateYearOnly"/> (default 0.05).</summary>
    public double BirthDateYearOnly { get; init; } = 0.05;

    /// <summary>Rate of <see cref="ErrorKind.BirthDateDayMonthSwapped"/> (default 0.03).</summary>
    public double BirthDateDayMonthSwapped { get; init; } = 0.03;

    /// <summary>Rate of <see cref="ErrorKind.BirthDateMistyped"/> (default 0.01).</summary>
    public double BirthDateMistyped { get; init; } = 0.01;

    /// <summary>Rate of <see cref="ErrorKind.SexWrong"/> (default 0.005).</summary>
    public double SexWrong { get; init; } = 0.005;

    /// <summary>Rate of <see cref="ErrorKind.PhoneOldForm"/> (default 0.10).</summary>
    public double PhoneOldForm { get; init; } = 0.10;

    /// <summary>Rate of <see cref="ErrorKind.PhoneMistyped"/> (default 0.02).</summary>
    public double PhoneMistyped { get; init; } = 0.02;

    /// <summary>Rate of <see cref="ErrorKind.CommuneOldScheme"/> (default 0.40).</summary>
    public double CommuneOldScheme { get; init; } = 0.40;

    /// <summary>Rate of <see cref="ErrorKind.CommuneWrong"/> (default 0.02).</summary>
    public double CommuneWrong { get; init; } = 0.02;

    /// <summary>Rate of <see cref="ErrorKind.DuplicateAtSecondSite"/>, per dose (default 0.02).</summary>
    public double DuplicateAtSecondSite { get; init; } = 0.02;

    /// <summary>Rate of <see cref="ErrorKind.AbsentMovedIn"/>, per vaccinated person (default 0.01).</summary>
    public double AbsentMovedIn { get; init; } = 0.01;

    /// <summary>Rate of <see cref="ErrorKind.AbsentBornAbroad"/>, per vaccinated person (default 0.002).</summary>
    public double AbsentBornAbroad { get; init; } = 0.002;

    /// <summary>Rate of <see cref="ErrorKind.AbsentForeigner"/>, per vaccinated person (default 0.003).</summary>
    public double AbsentForeigner { get; init; } = 0.003;

    /// <summary>The rate of one kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public double Rate(ErrorKind kind) => kind switch
    {
        ErrorKind.CitizenIdMissing => CitizenIdMissing,
        ErrorKind.CitizenIdMistyped => CitizenIdMistyped,
        ErrorKind.CitizenIdTransposed => CitizenIdTransposed,
        ErrorKind.ToneMarksDropped => ToneMarksDropped,
        ErrorKind.ToneMarksPartlyDropped => ToneMarksPartlyDropped,
        ErrorKind.DStrokeAsD => DStrokeAsD,
        ErrorKind.DecomposedUnicode => DecomposedUnicode,
        ErrorKind.CaseAndSpacing => CaseAndSpacing,
        ErrorKind.SyllableMistyped => SyllableMistyped,
        ErrorKind.NameOrderSwapped => NameOrderSwapped,
        ErrorKind.BirthDateYearOnly => BirthDateYearOnly,
        ErrorKind.BirthDateDayMonthSwapped => BirthDateDayMonthSwapped,
        ErrorKind.BirthDateMistyped => BirthDateMistyped,
        ErrorKind.SexWrong => SexWrong,
        ErrorKind.PhoneOldForm => PhoneOldForm,
        ErrorKind.PhoneMistyped => PhoneMistyped,
        ErrorKind.CommuneOldScheme => CommuneOldScheme,
        ErrorKind.CommuneWrong => CommuneWrong,
        ErrorKind.DuplicateAtSecondSite => DuplicateAtSecondSite,
        ErrorKind.AbsentMovedIn => AbsentMovedIn,
        ErrorKind.AbsentBornAbroad => AbsentBornAbroad,
        ErrorKind.AbsentForeigner => AbsentForeigner,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined error kind."),
    };

    /// <summary>
    /// Checks every rate is in [0, 1] and every group of exclusive kinds adds up to 1 at most; returns the first
    /// problem found, or <see langword="null"/> when the rates are usable.
    /// </summary>
    internal string? Validate()
    {
        for (var k = 0; k < KindCount; k++)
        {
            var rate = Rate((ErrorKind)k);
            if (!(rate >= 0 && rate <= 1))
            {
                return string.Create(CultureInfo.InvariantCulture, $"the rate of {(ErrorKind)k} is {rate}; rates must be between 0 and 1");
            }
        }

        (string Name, double Sum)[] groups =
        [
            ("identity-number", CitizenIdMissing + CitizenIdMistyped + CitizenIdTransposed),
            ("tone-mark", ToneMarksDropped + ToneMarksPartlyDropped),
            ("date-of-birth", BirthDateYearOnly + BirthDateDayMonthSwapped + BirthDateMistyped),
            ("phone", PhoneOldForm + PhoneMistyped),
            ("commune", CommuneOldScheme + CommuneWrong),
            ("absence", AbsentMovedIn + AbsentBornAbroad + AbsentForeigner),
        ];
        foreach (var (name, sum) in groups)
        {
            if (sum > 1 + 1e-12)
            {
                return string.Create(CultureInfo.InvariantCulture, $"the {name} rates add up to {sum}; kinds that exclude each other must add up to 1 at most");
            }
        }

        return null;
    }

    /// <summary>Reads rates from JSON: an object whose properties are the kinds in camel case (<c>"citizenIdMissing": 0.05</c>).</summary>
    /// <param name="utf8Json">The JSON, UTF-8. Comments and trailing commas are allowed; unknown kinds, repeated kinds and
    /// values other than numbers (<c>null</c> included) are not.</param>
    /// <returns>The rates, the defaults where the JSON leaves a kind out.</returns>
    /// <exception cref="FormatException">The JSON is not valid, names an unknown kind or a kind twice, gives a value that is
    /// not a number, or gives a rate out of range; the message names the key, says why, and gives the line and position.</exception>
    public static ErrorRates FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        byte[] json;
        using (var buffer = new MemoryStream())
        {
            utf8Json.CopyTo(buffer);
            json = buffer.ToArray();
        }

        var values = new double?[KindCount];
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                throw Problem(json, 0, "there is no JSON; expected an object such as { \"citizenIdMissing\": 0.05 }");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Problem(json, reader.TokenStartIndex, "expected an object such as { \"citizenIdMissing\": 0.05 }, found " + Describe(reader.TokenType));
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var keyAt = reader.TokenStartIndex;
                var kind = KindNamed(key);
                if (kind < 0)
                {
                    throw Problem(json, keyAt, "\"" + key + "\" is not an error kind; the kinds are " + string.Join(", ", s_jsonNames));
                }

                if (values[kind] is not null)
                {
                    throw Problem(json, keyAt, "\"" + key + "\" is given twice; give each kind once");
                }

                reader.Read();
                var valueAt = reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.Number)
                {
                    var what = reader.TokenType == JsonTokenType.Null ? "null is not a rate" : Describe(reader.TokenType) + " is not a rate";
                    throw Problem(json, valueAt, "\"" + key + "\": " + what + "; give a number between 0 and 1, or leave the key out for the default");
                }

                if (!reader.TryGetDouble(out var rate) || !(rate >= 0 && rate <= 1))
                {
                    throw Problem(json, valueAt, "\"" + key + "\": " + Encoding.UTF8.GetString(reader.ValueSpan) + " is not a rate; rates are between 0 and 1");
                }

                values[kind] = rate;
            }

            // Anything after the object (a second value, stray text) makes the reader throw.
            reader.Read();
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new FormatException(
                string.Create(CultureInfo.InvariantCulture, $"The error rates are not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: ") +
                (cut < 0 ? message : message[..cut]),
                e);
        }

        var rates = FromValues(values);
        var problem = rates.Validate();
        return problem is null ? rates : throw new FormatException("The error rates are not usable: " + problem + ".");
    }

    /// <summary>Writes every rate as indented JSON, in the format <see cref="FromJson"/> reads.</summary>
    public void WriteJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        for (var k = 0; k < KindCount; k++)
        {
            writer.WriteNumber(s_jsonNames[k], Rate((ErrorKind)k));
        }

        writer.WriteEndObject();
    }

    // The kinds' names in JSON: the enum names in camel case ("DStrokeAsD" -> "dStrokeAsD").
    private static readonly string[] s_jsonNames = BuildJsonNames();

    private static string[] BuildJsonNames()
    {
        var names = new string[KindCount];
        for (var k = 0; k < KindCount; k++)
        {
            var name = ((ErrorKind)k).ToString();
            names[k] = char.ToLowerInvariant(name[0]) + name[1..];
        }

        return names;
    }

    private static int KindNamed(string key) => Array.IndexOf(s_jsonNames, key);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.Null => "null",
        JsonTokenType.Number => "a number",
        _ => "something else",
    };

    // Line and position (1-based, in bytes within the line, as System.Text.Json counts them) of a byte offset.
    private static FormatException Problem(byte[] json, long offset, string reason)
    {
        var line = 1;
        var lineStart = 0L;
        for (var i = 0; i < offset && i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new FormatException(string.Create(
            CultureInfo.InvariantCulture, $"The error rates are not usable at line {line}, position {offset - lineStart + 1}: {reason}."));
    }

    private static ErrorRates FromValues(double?[] v) => Default with
    {
        CitizenIdMissing = v[(int)ErrorKind.CitizenIdMissing] ?? Default.CitizenIdMissing,
        CitizenIdMistyped = v[(int)ErrorKind.CitizenIdMistyped] ?? Default.CitizenIdMistyped,
        CitizenIdTransposed = v[(int)ErrorKind.CitizenIdTransposed] ?? Default.CitizenIdTransposed,
        ToneMarksDropped = v[(int)ErrorKind.ToneMarksDropped] ?? Default.ToneMarksDropped,
        ToneMarksPartlyDropped = v[(int)ErrorKind.ToneMarksPartlyDropped] ?? Default.ToneMarksPartlyDropped,
        DStrokeAsD = v[(int)ErrorKind.DStrokeAsD] ?? Default.DStrokeAsD,
        DecomposedUnicode = v[(int)ErrorKind.DecomposedUnicode] ?? Default.DecomposedUnicode,
        CaseAndSpacing = v[(int)ErrorKind.CaseAndSpacing] ?? Default.CaseAndSpacing,
        SyllableMistyped = v[(int)ErrorKind.SyllableMistyped] ?? Default.SyllableMistyped,
        NameOrderSwapped = v[(int)ErrorKind.NameOrderSwapped] ?? Default.NameOrderSwapped,
        BirthDateYearOnly = v[(int)ErrorKind.BirthDateYearOnly] ?? Default.BirthDateYearOnly,
        BirthDateDayMonthSwapped = v[(int)ErrorKind.BirthDateDayMonthSwapped] ?? Default.BirthDateDayMonthSwapped,
        BirthDateMistyped = v[(int)ErrorKind.BirthDateMistyped] ?? Default.BirthDateMistyped,
        SexWrong = v[(int)ErrorKind.SexWrong] ?? Default.SexWrong,
        PhoneOldForm = v[(int)ErrorKind.PhoneOldForm] ?? Default.PhoneOldForm,
        PhoneMistyped = v[(int)ErrorKind.PhoneMistyped] ?? Default.PhoneMistyped,
        CommuneOldScheme = v[(int)ErrorKind.CommuneOldScheme] ?? Default.CommuneOldScheme,
        CommuneWrong = v[(int)ErrorKind.CommuneWrong] ?? Default.CommuneWrong,
        DuplicateAtSecondSite = v[(int)ErrorKind.DuplicateAtSecondSite] ?? Default.DuplicateAtSecondSite,
        AbsentMovedIn = v[(int)ErrorKind.AbsentMovedIn] ?? Default.AbsentMovedIn,
        AbsentBornAbroad = v[(int)ErrorKind.AbsentBornAbroad] ?? Default.AbsentBornAbroad,
        AbsentForeigner = v[(int)ErrorKind.AbsentForeigner] ?? Default.AbsentForeigner,
    };
}
