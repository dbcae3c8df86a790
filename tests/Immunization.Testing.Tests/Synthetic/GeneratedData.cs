using Immunization.Testing.Synthetic;

namespace Immunization.Testing.Tests.Synthetic;

/// <summary>Data sets generated once per test run and shared by the tests (generation is deterministic).</summary>
internal static class GeneratedData
{
    private static readonly Lazy<SyntheticDataset> s_default =
        new(() => SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 20_000, Seed = 42 }));

    private static readonly Lazy<SyntheticDataset> s_clean =
        new(() => SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 20_000, Seed = 7, Errors = ErrorRates.None }));

    /// <summary>Every kind at a rate of its own, different from the default, so a rate wired to the wrong kind shows.</summary>
    public static ErrorRates CustomRates { get; } = ErrorRates.Default with
    {
        CitizenIdMissing = 0.2, CitizenIdMistyped = 0.1, CitizenIdTransposed = 0.05, ToneMarksDropped = 0.25,
        ToneMarksPartlyDropped = 0.15, DStrokeAsD = 0.3, DecomposedUnicode = 0.12, CaseAndSpacing = 0.18,
        SyllableMistyped = 0.08, NameOrderSwapped = 0.06, BirthDateYearOnly = 0.2, BirthDateDayMonthSwapped = 0.1,
        BirthDateMistyped = 0.07, SexWrong = 0.04, PhoneOldForm = 0.35, PhoneMistyped = 0.09, CommuneOldScheme = 0.6,
        CommuneWrong = 0.11, DuplicateAtSecondSite = 0.13, AbsentMovedIn = 0.05, AbsentBornAbroad = 0.03, AbsentForeigner = 0.04,
    };

    private static readonly Lazy<SyntheticDataset> s_custom =
        new(() => SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 8_000, Seed = 99, Errors = CustomRates }));

    private static readonly Lazy<SyntheticDataset> s_large =
        new(() => SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 100_000, Seed = 5, Errors = ErrorRates.None }));

    /// <summary>100,000 people without errors, seed 5: for name statistics that need a large register.</summary>
    public static SyntheticDataset Large => s_large.Value;

    /// <summary>8,000 people with <see cref="CustomRates"/>, seed 99.</summary>
    public static SyntheticDataset Custom => s_custom.Value;

    /// <summary>20,000 people with the default error rates, seed 42.</summary>
    public static SyntheticDataset Default => s_default.Value;

    /// <summary>20,000 people without errors (everyone in the register), seed 7.</summary>
    public static SyntheticDataset Clean => s_clean.Value;
}
