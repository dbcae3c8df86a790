using Immunization.Benchmarks.Matching;
using Immunization.Core.Records;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed partial class RegisterIndexTests
{
    // A household: two registered people sharing one phone and commune.
    private static readonly Lazy<RegisterIndex> s_household = new(() =>
    {
        var people = new SyntheticIdentities(seed: 11).People(2_000).Select(SyntheticIdentities.ToRecord).ToList();
        people.Add(Record("P-MOTHER", "001185012345", "Lê Thị Hoa", "1985-02-11", "F", "0987654321", "19774"));
        people.Add(Record("P-SON", null, "Trần Minh Khôi", "2015-09-30", "M", "0987654321", "19774"));
        return RegisterIndex.Build(people);
    });

    [Fact]
    public void Link_RelativeAbsentFromTheRegisterSharingOnlyThePhone_IsNotLinked()
    {
        // The daughter is not in the register: same phone as her mother and brother, another name and date of birth.
        var link = s_household.Value.Link(Record("R-DAUGHTER", null, "Trần Thị Mai", "2012-04-17", "F", "0987654321", "19774"));

        Assert.Equal(VerificationOutcome.NotFound, link.Outcome);
        Assert.Null(link.PersonId);
    }

    [Fact]
    public void Link_RelativeSharingThePhone_ContactAddsNothing()
    {
        var link = s_household.Value.Link(Record("R-DAUGHTER", null, "Trần Thị Mai", "2012-04-17", "F", "0987654321", "19774"));

        Assert.All(link.Explanation.Where(c => c.Field is "phone" or "residence"), c => Assert.True(c.Weight <= 0, $"{c.Field} {c.Weight}"));
    }

    [Fact]
    public void Link_PersonWithTheHouseholdPhoneAndAgreeingIdentity_IsStillLinkedWithThePhoneAdding()
    {
        var link = s_household.Value.Link(Record("R-SON", null, "Tran Minh Khoi", "2015", "M", "0987654321"));

        Assert.Equal("P-SON", link.PersonId);
        Assert.True(link.Explanation.Single(c => c.Field == "phone").Weight > 0);
    }

    [Fact]
    public void Link_YearOnlyBirthDate_WeighsFarLessThanTheFullDate()
    {
        var full = s_household.Value.Link(Record("R-FULL", "001185012345", "Lê Thị Hoa", "1985-02-11", "F"));
        var year = s_household.Value.Link(Record("R-YEAR", "001185012345", "Lê Thị Hoa", "1985", "F"));

        var fullDate = full.Explanation.Single(c => c.Field == "date_of_birth").Weight;
        var yearOnly = year.Explanation.Single(c => c.Field == "date_of_birth").Weight;
        // A birth year is shared by about one person in sixty: log2(0.92 · 60) ≈ 5.8 bits, against about 14 for a full date.
        Assert.InRange(yearOnly, 3, 8);
        Assert.True(fullDate - yearOnly > 5, $"full {fullDate:0.0}, year only {yearOnly:0.0}");
    }
}
