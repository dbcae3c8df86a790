using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Identity;
using Immunization.Testing.Arbitraries;

namespace Immunization.Testing.Tests.Arbitraries;

public sealed class IdentityArbitrariesTests
{
    private static T[] Sample<T>(Gen<T> gen, int count = 500) => gen.Sample(count, 50);

    [Fact]
    public void CccdFor_GivesNumbersOfThatSexAndYear()
    {
        foreach (var id in Sample(IdentityArbitraries.CccdFor(Sex.Female, 2000)))
        {
            Assert.Equal(CitizenIdKind.Cccd, id.Kind);
            Assert.Equal(Sex.Female, id.Sex);
            Assert.Equal(2000, id.BirthYear);
            Assert.Equal(id, CitizenId.Parse(id.ToString()));
        }
    }

    [Fact]
    public void CccdFor_Province_GivesNumbersOfThatProvince()
    {
        var samples = Sample(IdentityArbitraries.CccdFor(96, Sex.Male, 1999));

        Assert.All(samples, id => Assert.Equal(CitizenIdDiscrepancies.None, id.CheckAgainst(Sex.Male, 1999)));
        Assert.All(samples, id => Assert.Equal(96, id.ProvinceCode));
        Assert.True(samples.Distinct().Count() > 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => IdentityArbitraries.CccdFor(3, Sex.Male, 1999));
    }

    [Fact]
    public void CccdsWithHolder_CoverCenturyBoundaryAndBothSexes()
    {
        var samples = Sample(IdentityArbitraries.CccdsWithHolder(), 2000);

        Assert.Contains(samples, s => s.BirthYear == 1999);
        Assert.Contains(samples, s => s.BirthYear == 2000);
        Assert.Contains(samples, s => s.Sex == Sex.Male);
        Assert.Contains(samples, s => s.Sex == Sex.Female);
        Assert.All(samples, s => Assert.Equal(CitizenIdDiscrepancies.None, s.Id.CheckAgainst(s.Sex, s.BirthYear)));
    }

    [Fact]
    public void CitizenIds_MixCccdAndCmnd()
    {
        var kinds = Sample(IdentityArbitraries.CitizenIds()).Select(id => id.Kind).ToHashSet();

        Assert.Equal(new HashSet<CitizenIdKind> { CitizenIdKind.Cccd, CitizenIdKind.Cmnd }, kinds);
    }

    [Fact]
    public void CitizenIdsAndPhoneNumbers_ParseBackFromTheirText()
    {
        Assert.All(Sample(IdentityArbitraries.CitizenIds(), 2000), id => Assert.Equal(id, CitizenId.Parse(id.ToString())));
        Assert.All(Sample(IdentityArbitraries.PhoneNumbers(), 2000), p => Assert.Equal(p, PhoneNumber.Parse(p.ToString())));
    }

    [Fact]
    public void PersonNameTexts_AllParseAndIncludeEveryWriting()
    {
        var texts = Sample(IdentityArbitraries.PersonNameTexts(), 2000);

        Assert.All(texts, t => Assert.True(PersonName.TryParse(t, out _)));
        Assert.Contains(texts, t => !t.IsNormalized(NormalizationForm.FormC));
        Assert.Contains(texts, t => t.All(char.IsAscii));
        Assert.Contains(texts, t => t.Contains("  ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t == t.ToUpperInvariant());
    }

    [Fact]
    public void PersonNames_HaveFamilyAndGivenName()
    {
        Assert.All(Sample(IdentityArbitraries.PersonNames()), n =>
        {
            Assert.NotEmpty(n.FamilyName);
            Assert.NotEmpty(n.GivenName);
        });
    }

    [Theory]
    [InlineData(DatePrecision.Year)]
    [InlineData(DatePrecision.Month)]
    [InlineData(DatePrecision.Day)]
    public void PartialDatesOf_GiveThatPrecision(DatePrecision precision)
    {
        Assert.All(Sample(IdentityArbitraries.PartialDatesOf(precision)), d =>
        {
            Assert.Equal(precision, d.Precision);
            Assert.InRange(d.Year, 1900, 2030);
        });
    }

    [Fact]
    public void PartialDatesOf_None_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IdentityArbitraries.PartialDatesOf(DatePrecision.None));
    }

    [Fact]
    public void PhoneNumbers_MixMobilesAndLandlines()
    {
        var kinds = Sample(IdentityArbitraries.PhoneNumbers()).Select(p => p.Kind).ToHashSet();

        Assert.Equal(new HashSet<PhoneNumberKind> { PhoneNumberKind.Mobile, PhoneNumberKind.Landline }, kinds);
    }

    [Fact]
    public void PhoneNumberWritings_IncludeLegacyFormsAndParseBack()
    {
        var number = PhoneNumber.Parse("0362345678");
        var writings = Sample(IdentityArbitraries.PhoneNumberWritings(number));

        Assert.All(writings, w => Assert.Equal(number, PhoneNumber.Parse(w)));
        Assert.Contains(writings, w => w.Contains("166", StringComparison.Ordinal));
        Assert.Contains(writings, w => w.StartsWith("+84", StringComparison.Ordinal));
    }

    [Property]
    public Property Arbitraries_CanBeRegisteredWithFsCheck() =>
        Prop.ForAll(IdentityArbitraries.PhoneNumberArbitrary(), IdentityArbitraries.SexArbitrary(), (p, s) =>
            p.Kind != PhoneNumberKind.None && s != Sex.Unknown);

    [Property(Arbitrary = [typeof(IdentityArbitraries)])]
    public bool RegisteredArbitraries_ProduceValidValues(CitizenId id, PersonName name, PartialDate date, PhoneNumber phone) =>
        id.Kind != CitizenIdKind.None && name.DisplayName.Length > 0 && date.Precision != DatePrecision.None
        && phone.Kind != PhoneNumberKind.None;
}
