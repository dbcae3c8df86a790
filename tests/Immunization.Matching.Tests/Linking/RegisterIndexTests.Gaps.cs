using FsCheck;
using FsCheck.Fluent;
using Immunization.Benchmarks.Matching;
using Immunization.Core.Records;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed partial class RegisterIndexTests
{
    // How one key field is written on one side: the person's value, a close variant, nothing, or text that does not parse.
    private enum Variant
    {
        Same,
        Different,
        Missing,
        Invalid,
    }

    // Per key field (identity number, name, date of birth, sex): the value, a close variant, and unreadable text.
    private static readonly string[][] s_keyValues =
    [
        ["001190012345", "001190012354", "N6830243"],
        ["Nguyễn Thị Minh Anh", "Nguyễn Thị Anh", "Нгуен Тхи Минь Ань"],
        ["1990-05-03", "1990-03-05", "1990-13-45"],
        ["F", "M", "X"],
    ];

    private static readonly IdentityField[] s_keyFields =
        [IdentityField.CitizenId, IdentityField.FullName, IdentityField.DateOfBirth, IdentityField.Sex];

    private static string? Write(int field, Variant variant) => variant switch
    {
        Variant.Same => s_keyValues[field][0],
        Variant.Different => s_keyValues[field][1],
        Variant.Invalid => s_keyValues[field][2],
        _ => null,
    };

    private static IdentityRecord Side(string id, Variant[] variants) =>
        Record(id, Write(0, variants[0]), Write(1, variants[1]), Write(2, variants[2]), Write(3, variants[3]), "0912345678");

    // The person under test among 300 people of the generator's register.
    private static RecordLink LinkOnce(Variant[] person, Variant[] record)
    {
        var people = s_smallPeople.Value.Take(300).Select(SyntheticIdentities.ToRecord).Append(Side("P-GAP", person));
        return RegisterIndex.Build(people).Link(Side("R-GAP", record));
    }

    private static readonly Gen<Variant[]> s_variants = Gen.Elements(Variant.Same, Variant.Same, Variant.Different, Variant.Missing, Variant.Invalid)
        .ArrayOf(4);

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Link_AnyGapOrDifference_IsVerifiedOnlyWhenEveryKeyFieldIsPresentAndAgrees() =>
        Prop.ForAll(s_variants.ToArbitrary(), s_variants.ToArbitrary(), (person, record) =>
        {
            var link = LinkOnce(person, record);
            // Both sides writing the same close variant (e.g. sex M on both) agree as much as both writing the value.
            var allAgree = person.Zip(record).All(p => p.First == p.Second && p.First is Variant.Same or Variant.Different);
            return (link.Outcome == VerificationOutcome.Verified) == allAgree;
        });

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Link_FieldRemovedFromEitherSide_NeverTurnsDiffersIntoVerified() =>
        Prop.ForAll(s_variants.Two().ToArbitrary(), Gen.Choose(0, 7).ToArbitrary(), (sides, choice) =>
            {
                var (person, record) = sides;
                var field = choice % 4;
                var fromRegister = choice >= 4;
                var before = LinkOnce(person, record);
                var target = fromRegister ? (Variant[])person.Clone() : (Variant[])record.Clone();
                target[field] = Variant.Missing;
                var after = fromRegister ? LinkOnce(target, record) : LinkOnce(person, target);
                var named = after.Outcome != VerificationOutcome.Differs
                    || after.Differences.Contains(new IdentityDifference(s_keyFields[field], fromRegister ? DifferenceKind.MissingInRegister : DifferenceKind.Missing));
                return after.Outcome != VerificationOutcome.Verified && named
                    && (before.Outcome != VerificationOutcome.Differs || after.Outcome != VerificationOutcome.Verified);
            });

    [Theory]
    [InlineData(0, DifferenceKind.MissingInRegister)]
    [InlineData(1, DifferenceKind.MissingInRegister)]
    [InlineData(2, DifferenceKind.MissingInRegister)]
    [InlineData(3, DifferenceKind.MissingInRegister)]
    public void Link_FieldBlankInTheRegister_DiffersNamingTheRegisterSide(int field, DifferenceKind kind)
    {
        var person = new[] { Variant.Same, Variant.Same, Variant.Same, Variant.Same };
        person[field] = Variant.Missing;

        var link = LinkOnce(person, [Variant.Same, Variant.Same, Variant.Same, Variant.Same]);

        Assert.Equal(VerificationOutcome.Differs, link.Outcome);
        Assert.Equal("P-GAP", link.PersonId);
        Assert.Contains(new IdentityDifference(s_keyFields[field], kind), link.Differences);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Link_FieldUnreadableInTheRegister_DiffersNamingItInvalidInTheRegister(int field)
    {
        var person = new[] { Variant.Same, Variant.Same, Variant.Same, Variant.Same };
        person[field] = Variant.Invalid;

        var link = LinkOnce(person, [Variant.Same, Variant.Same, Variant.Same, Variant.Same]);

        Assert.Equal(VerificationOutcome.Differs, link.Outcome);
        Assert.Contains(new IdentityDifference(s_keyFields[field], DifferenceKind.InvalidInRegister), link.Differences);
    }

    [Fact]
    public void Link_NoIdentityNumberOnEitherSide_DiffersNamingBothSides()
    {
        var link = LinkOnce([Variant.Missing, Variant.Same, Variant.Same, Variant.Same], [Variant.Missing, Variant.Same, Variant.Same, Variant.Same]);

        Assert.NotEqual(VerificationOutcome.Verified, link.Outcome);
        Assert.Contains(new IdentityDifference(IdentityField.CitizenId, DifferenceKind.Missing), link.Differences);
        Assert.Contains(new IdentityDifference(IdentityField.CitizenId, DifferenceKind.MissingInRegister), link.Differences);
    }
}
