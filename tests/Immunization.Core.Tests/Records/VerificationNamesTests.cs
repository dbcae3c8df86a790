using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Records;

namespace Immunization.Core.Tests.Records;

public sealed class VerificationNamesTests
{
    private static readonly IdentityField[] s_fields = Enum.GetValues<IdentityField>();
    private static readonly DifferenceKind[] s_kinds = Enum.GetValues<DifferenceKind>();
    private static readonly AmbiguityReason[] s_reasons = Enum.GetValues<AmbiguityReason>();

    [Fact]
    public void Name_EveryValue_ParsesBackToTheSameValue()
    {
        foreach (var outcome in Enum.GetValues<VerificationOutcome>())
        {
            Assert.True(VerificationNames.TryParse(VerificationNames.Name(outcome), out VerificationOutcome read));
            Assert.Equal(outcome, read);
        }

        foreach (var field in s_fields)
        {
            Assert.True(VerificationNames.TryParse(VerificationNames.Name(field), out IdentityField read));
            Assert.Equal(field, read);
        }

        foreach (var kind in s_kinds)
        {
            Assert.True(VerificationNames.TryParse(VerificationNames.Name(kind), out DifferenceKind read));
            Assert.Equal(kind, read);
        }

        foreach (var reason in s_reasons)
        {
            Assert.True(VerificationNames.TryParse(VerificationNames.Name(reason), out AmbiguityReason read));
            Assert.Equal(reason, read);
        }
    }

    [Fact]
    public void Name_EveryValue_IsLowerSnakeCaseAndDistinctWithinItsEnum()
    {
        string[][] groups =
        [
            [.. Enum.GetValues<VerificationOutcome>().Select(VerificationNames.Name)],
            [.. s_fields.Select(VerificationNames.Name)],
            [.. s_kinds.Select(VerificationNames.Name)],
            [.. s_reasons.Select(VerificationNames.Name)],
        ];

        foreach (var names in groups)
        {
            Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
            Assert.All(names, n => Assert.Matches("^[a-z]+(_[a-z]+)*$", n));
        }
    }

    [Fact]
    public void Name_ValuesWrittenInLinksFiles_AreTheNamesOfFiles()
    {
        // links.csv and explanations.csv written before the enums existed used these exact strings.
        Assert.Equal("not_found", VerificationNames.Name(VerificationOutcome.NotFound));
        Assert.Equal("date_of_birth", VerificationNames.Name(IdentityField.DateOfBirth));
        Assert.Equal("day_month_swapped", VerificationNames.Name(DifferenceKind.DayMonthSwapped));
        Assert.Equal("invalid_in_register", VerificationNames.Name(DifferenceKind.InvalidInRegister));
        Assert.Equal("inconsistent_birth_year", VerificationNames.Name(DifferenceKind.InconsistentBirthYear));
        Assert.Equal("different_valid_citizen_id", VerificationNames.Name(AmbiguityReason.DifferentValidCitizenId));
        Assert.Equal("full_name:tone_marks", new IdentityDifference(IdentityField.FullName, DifferenceKind.ToneMarks).ToString());
    }

    [Fact]
    public void Name_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VerificationNames.Name((DifferenceKind)0));
        Assert.Throws<ArgumentOutOfRangeException>(() => VerificationNames.Name((VerificationOutcome)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => VerificationNames.Name((IdentityField)(-1)));
    }

    [Fact]
    public void FormatDifferences_AmbiguousWithDifferences_PutsTheReasonFirst()
    {
        IdentityDifference[] differences =
        [
            new(IdentityField.CitizenId, DifferenceKind.Different), new(IdentityField.FullName, DifferenceKind.ToneMarks),
        ];

        Assert.Equal("ambiguous:tie;citizen_id:different;full_name:tone_marks", VerificationNames.FormatDifferences(differences, AmbiguityReason.Tie));
        Assert.Equal("ambiguous:review_band", VerificationNames.FormatDifferences([], AmbiguityReason.ReviewBand));
        Assert.Equal("ambiguous:lookalikes", VerificationNames.FormatDifferences([], AmbiguityReason.Lookalikes));
        Assert.Equal("ambiguous:citizen_id_only", VerificationNames.FormatDifferences([], AmbiguityReason.CitizenIdOnly));
        Assert.Equal("", VerificationNames.FormatDifferences([], null));
    }

    [Property]
    public Property FormatDifferences_AnyDifferencesAndReason_ParsesBack(byte[] codes, byte reasonCode)
    {
        var differences = (codes ?? []).Select(c => new IdentityDifference(s_fields[c % s_fields.Length], s_kinds[c / s_fields.Length % s_kinds.Length])).ToArray();
        var pick = reasonCode % (s_reasons.Length + 1);
        AmbiguityReason? reason = pick == 0 ? null : s_reasons[pick - 1];

        var text = VerificationNames.FormatDifferences(differences, reason);
        var parsed = VerificationNames.TryParseDifferences(text, out var read, out var readReason);

        return (parsed && read.SequenceEqual(differences) && readReason == reason).ToProperty();
    }

    [Theory]
    [InlineData("full_name")]
    [InlineData("full_name:unknown_kind")]
    [InlineData("surname:different")]
    [InlineData("ambiguous:")]
    [InlineData("ambiguous:tie;ambiguous:review_band")]
    public void TryParseDifferences_NotWrittenByFormat_ReturnsFalse(string text)
    {
        Assert.False(VerificationNames.TryParseDifferences(text, out var differences, out var reason));
        Assert.Empty(differences);
        Assert.Null(reason);
    }

    [Fact]
    public void TryParseDifferences_SpacesAndEmptyParts_AreSkipped()
    {
        Assert.True(VerificationNames.TryParseDifferences(" sex:different ;; ambiguous:tie ", out var differences, out var reason));

        Assert.Equal([new IdentityDifference(IdentityField.Sex, DifferenceKind.Different)], differences.AsEnumerable());
        Assert.Equal(AmbiguityReason.Tie, reason);
    }

    [Fact]
    public void RecordVerification_ReasonWithoutAmbiguousOutcome_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RecordVerification("R1", "P1", VerificationOutcome.Verified, [], 30, AmbiguityReason.Tie));
    }

    [Fact]
    public void RecordVerification_DefaultDifferences_ReadAsEmpty()
    {
        var verification = new RecordVerification("R1", "P1", VerificationOutcome.Ambiguous, default, 12.5, AmbiguityReason.ReviewBand);

        Assert.Empty(verification.Differences);
        Assert.Null(verification.LinkedPersonId);
        Assert.Equal("ambiguous:review_band", verification.DifferencesText());
        Assert.Equal("R1: ambiguous", verification.ToString());
    }

    [Fact]
    public void RecordVerification_Differs_IsLinkedToItsPerson()
    {
        var verification = new RecordVerification("R2", "P7", VerificationOutcome.Differs,
            ImmutableArray.Create(new IdentityDifference(IdentityField.DateOfBirth, DifferenceKind.DayMonthSwapped)), 41.2);

        Assert.True(verification.IsLinked);
        Assert.Equal("P7", verification.LinkedPersonId);
        Assert.Equal("date_of_birth:day_month_swapped", verification.DifferencesText());
    }
}
