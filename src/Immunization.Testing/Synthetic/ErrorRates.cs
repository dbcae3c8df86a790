using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

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
    public string? Validate()
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
    /// <param name="utf8Json">The JSON, UTF-8. Comments and trailing commas are allowed; unknown properties are not.</param>
    /// <returns>The rates, the defaults where the JSON leaves a kind out.</returns>
    /// <exception cref="FormatException">The JSON is not valid, names an unknown kind, or gives a rate out of range; the message says where and why.</exception>
    public static ErrorRates FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ErrorRatesDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, SyntheticJsonContext.Default.ErrorRatesDocument);
        }
        catch (JsonException e)
        {
            throw new FormatException("The error rates are not valid JSON for ErrorRates: " + e.Message, e);
        }

        if (document is null)
        {
            throw new FormatException("The error rates JSON is 'null'; expected an object such as { \"citizenIdMissing\": 0.05 }.");
        }

        var rates = document.ToRates();
        var problem = rates.Validate();
        return problem is null ? rates : throw new FormatException("The error rates are not usable: " + problem + ".");
    }

    /// <summary>Writes every rate as indented JSON, in the format <see cref="FromJson"/> reads.</summary>
    public void WriteJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, ErrorRatesDocument.From(this), SyntheticJsonContext.Default.ErrorRatesDocument);
    }
}

/// <summary>System.Text.Json source generation for the generator's options (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    NumberHandling = JsonNumberHandling.Strict,
    WriteIndented = true)]
[JsonSerializable(typeof(ErrorRatesDocument))]
internal sealed partial class SyntheticJsonContext : JsonSerializerContext;

/// <summary>
/// The JSON shape of <see cref="ErrorRates"/>: every rate optional, so that a file may set only some kinds (the source
/// generator would give unset init-only properties of the record itself 0 instead of their defaults).
/// </summary>
internal sealed class ErrorRatesDocument
{
    public double? CitizenIdMissing { get; set; }

    public double? CitizenIdMistyped { get; set; }

    public double? CitizenIdTransposed { get; set; }

    public double? ToneMarksDropped { get; set; }

    public double? ToneMarksPartlyDropped { get; set; }

    public double? DStrokeAsD { get; set; }

    public double? DecomposedUnicode { get; set; }

    public double? CaseAndSpacing { get; set; }

    public double? SyllableMistyped { get; set; }

    public double? NameOrderSwapped { get; set; }

    public double? BirthDateYearOnly { get; set; }

    public double? BirthDateDayMonthSwapped { get; set; }

    public double? BirthDateMistyped { get; set; }

    public double? SexWrong { get; set; }

    public double? PhoneOldForm { get; set; }

    public double? PhoneMistyped { get; set; }

    public double? CommuneOldScheme { get; set; }

    public double? CommuneWrong { get; set; }

    public double? DuplicateAtSecondSite { get; set; }

    public double? AbsentMovedIn { get; set; }

    public double? AbsentBornAbroad { get; set; }

    public double? AbsentForeigner { get; set; }

    public ErrorRates ToRates() => ErrorRates.Default with
    {
        CitizenIdMissing = CitizenIdMissing ?? ErrorRates.Default.CitizenIdMissing,
        CitizenIdMistyped = CitizenIdMistyped ?? ErrorRates.Default.CitizenIdMistyped,
        CitizenIdTransposed = CitizenIdTransposed ?? ErrorRates.Default.CitizenIdTransposed,
        ToneMarksDropped = ToneMarksDropped ?? ErrorRates.Default.ToneMarksDropped,
        ToneMarksPartlyDropped = ToneMarksPartlyDropped ?? ErrorRates.Default.ToneMarksPartlyDropped,
        DStrokeAsD = DStrokeAsD ?? ErrorRates.Default.DStrokeAsD,
        DecomposedUnicode = DecomposedUnicode ?? ErrorRates.Default.DecomposedUnicode,
        CaseAndSpacing = CaseAndSpacing ?? ErrorRates.Default.CaseAndSpacing,
        SyllableMistyped = SyllableMistyped ?? ErrorRates.Default.SyllableMistyped,
        NameOrderSwapped = NameOrderSwapped ?? ErrorRates.Default.NameOrderSwapped,
        BirthDateYearOnly = BirthDateYearOnly ?? ErrorRates.Default.BirthDateYearOnly,
        BirthDateDayMonthSwapped = BirthDateDayMonthSwapped ?? ErrorRates.Default.BirthDateDayMonthSwapped,
        BirthDateMistyped = BirthDateMistyped ?? ErrorRates.Default.BirthDateMistyped,
        SexWrong = SexWrong ?? ErrorRates.Default.SexWrong,
        PhoneOldForm = PhoneOldForm ?? ErrorRates.Default.PhoneOldForm,
        PhoneMistyped = PhoneMistyped ?? ErrorRates.Default.PhoneMistyped,
        CommuneOldScheme = CommuneOldScheme ?? ErrorRates.Default.CommuneOldScheme,
        CommuneWrong = CommuneWrong ?? ErrorRates.Default.CommuneWrong,
        DuplicateAtSecondSite = DuplicateAtSecondSite ?? ErrorRates.Default.DuplicateAtSecondSite,
        AbsentMovedIn = AbsentMovedIn ?? ErrorRates.Default.AbsentMovedIn,
        AbsentBornAbroad = AbsentBornAbroad ?? ErrorRates.Default.AbsentBornAbroad,
        AbsentForeigner = AbsentForeigner ?? ErrorRates.Default.AbsentForeigner,
    };

    public static ErrorRatesDocument From(ErrorRates rates) => new()
    {
        CitizenIdMissing = rates.CitizenIdMissing,
        CitizenIdMistyped = rates.CitizenIdMistyped,
        CitizenIdTransposed = rates.CitizenIdTransposed,
        ToneMarksDropped = rates.ToneMarksDropped,
        ToneMarksPartlyDropped = rates.ToneMarksPartlyDropped,
        DStrokeAsD = rates.DStrokeAsD,
        DecomposedUnicode = rates.DecomposedUnicode,
        CaseAndSpacing = rates.CaseAndSpacing,
        SyllableMistyped = rates.SyllableMistyped,
        NameOrderSwapped = rates.NameOrderSwapped,
        BirthDateYearOnly = rates.BirthDateYearOnly,
        BirthDateDayMonthSwapped = rates.BirthDateDayMonthSwapped,
        BirthDateMistyped = rates.BirthDateMistyped,
        SexWrong = rates.SexWrong,
        PhoneOldForm = rates.PhoneOldForm,
        PhoneMistyped = rates.PhoneMistyped,
        CommuneOldScheme = rates.CommuneOldScheme,
        CommuneWrong = rates.CommuneWrong,
        DuplicateAtSecondSite = rates.DuplicateAtSecondSite,
        AbsentMovedIn = rates.AbsentMovedIn,
        AbsentBornAbroad = rates.AbsentBornAbroad,
        AbsentForeigner = rates.AbsentForeigner,
    };
}
