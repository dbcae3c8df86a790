using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using NodaTime;

namespace Immunization.Core.Tests.Records;

public sealed class PersonDetailsTests
{
    private static readonly PersonDetails s_person = new()
    {
        CitizenId = "001190000001",
        FullName = "Nguyễn Văn An",
        DateOfBirth = PartialDate.FromDate(1990, 5, 3),
        Sex = Sex.Male,
        Phone = "0912345678",
        ProvinceCode = "01",
        CommuneCode = "00004",
        AdminScheme = AdministrativeScheme.New,
        Address = "Số 1, Phường Ba Đình",
        Nationality = "VN",
    };

    [Fact]
    public void ToString_NeverShowsPersonalData()
    {
        var texts = new[]
        {
            s_person.ToString(),
            new RegisterEntry("P1", s_person).ToString(),
            new DoseRecord("R1", s_person) { VaccineCode = "210", DoseDate = new LocalDate(2021, 9, 1) }.ToString(),
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

        Assert.Equal(s_person, copy);
        Assert.NotEqual(s_person, s_person with { FullName = "Nguyen Van An" });
        Assert.Equal(new DoseRecord("R1", s_person) { DoseNumber = 1 }, new DoseRecord("R1", copy) { DoseNumber = 1 });
        Assert.NotEqual(new DoseRecord("R1", s_person) { DoseNumber = 1 }, new DoseRecord("R1", copy) { DoseNumber = 2 });
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
}
