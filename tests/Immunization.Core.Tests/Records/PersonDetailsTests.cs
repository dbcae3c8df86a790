using System.ComponentModel;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using NodaTime;

namespace Immunization.Core.Tests.Records;

public sealed class PersonDetailsTests
{
    private static readonly PersonDetails s_person = new(
        citizenId: "001190000001",
        fullName: "Nguyễn Văn An",
        dateOfBirth: PartialDate.FromDate(1990, 5, 3),
        sex: Sex.Male,
        phone: "0912345678",
        provinceCode: "01",
        communeCode: "00004",
        adminScheme: AdministrativeScheme.New,
        address: "Số 1, Phường Ba Đình",
        nationality: "VN");

    [Fact]
    public void ToString_NeverShowsPersonalData()
    {
        var texts = new[]
        {
            s_person.ToString(),
            new RegisterEntry("P1", s_person).ToString(),
            new DoseRecord("R1", s_person, vaccineCode: "210", doseDate: new LocalDate(2021, 9, 1)).ToString(),
        };

        Assert.All(texts, t =>
        {
            Assert.DoesNotContain("001190000001", t, StringComparison.Ordinal);
            Assert.DoesNotContain("Nguyễn", t, StringComparison.Ordinal);
            Assert.DoesNotContain("0912345678", t, StringComparison.Ordinal);
        });
        Assert.Contains("P1", texts[1], StringComparison.Ordinal);
        Assert.Contains("R1", texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_SameValues_Equal()
    {
        var copy = s_person with { };
        var p = s_person;

        Assert.Equal(s_person, copy);
        Assert.NotEqual(s_person, new PersonDetails(p.CitizenId, "Nguyen Van An", p.DateOfBirth, p.Sex, p.Phone, p.ProvinceCode, p.CommuneCode, p.AdminScheme, p.Address, p.Nationality));
        Assert.Equal(new DoseRecord("R1", s_person, doseNumber: 1), new DoseRecord("R1", copy, doseNumber: 1));
        Assert.NotEqual(new DoseRecord("R1", s_person, doseNumber: 1), new DoseRecord("R1", copy, doseNumber: 2));
    }

    [Fact]
    public void Default_EverythingMissing()
    {
        var empty = new PersonDetails();

        Assert.Null(empty.CitizenId);
        Assert.Null(empty.DateOfBirth);
        Assert.Equal(Sex.Unknown, empty.Sex);
        Assert.Null(empty.AdminScheme);
    }

    [Fact]
    public void Constructor_AllValues_KeepsThem()
    {
        Assert.Equal("001190000001", s_person.CitizenId);
        Assert.Equal("Nguyễn Văn An", s_person.FullName);
        Assert.Equal(PartialDate.FromDate(1990, 5, 3), s_person.DateOfBirth);
        Assert.Equal(Sex.Male, s_person.Sex);
        Assert.Equal("0912345678", s_person.Phone);
        Assert.Equal("01", s_person.ProvinceCode);
        Assert.Equal("00004", s_person.CommuneCode);
        Assert.Equal(AdministrativeScheme.New, s_person.AdminScheme);
        Assert.Equal("Số 1, Phường Ba Đình", s_person.Address);
        Assert.Equal("VN", s_person.Nationality);
    }

    [Fact]
    public void Constructor_UndefinedSex_Throws()
    {
        var e = Assert.Throws<InvalidEnumArgumentException>(() => new PersonDetails(sex: (Sex)3));

        Assert.Equal("sex", e.ParamName);
    }

    [Fact]
    public void Constructor_UndefinedScheme_Throws()
    {
        var e = Assert.Throws<InvalidEnumArgumentException>(() => new PersonDetails(adminScheme: (AdministrativeScheme)7));

        Assert.Equal("adminScheme", e.ParamName);
    }
}
