using Immunization.Core.Identity;
using Immunization.Core.Records;
using NodaTime;

namespace Immunization.Core.Tests.Records;

public sealed class DoseRecordTests
{
    private static readonly PersonDetails s_person = new(fullName: "Nguyễn Văn An", sex: Sex.Male);

    [Fact]
    public void Constructor_AllValues_KeepsThem()
    {
        var record = new DoseRecord("R1", s_person, "208", new LocalDate(2021, 9, 1), 2, "TYT-00004", 11);

        Assert.Equal("R1", record.RecordId);
        Assert.Same(s_person, record.Person);
        Assert.Equal("208", record.VaccineCode);
        Assert.Equal(new LocalDate(2021, 9, 1), record.DoseDate);
        Assert.Equal(2, record.DoseNumber);
        Assert.Equal("TYT-00004", record.SiteId);
        Assert.Equal(11, record.PriorityGroup);
    }

    [Fact]
    public void Constructor_OnlyRequired_OptionalValuesMissing()
    {
        var record = new DoseRecord("R1", s_person);

        Assert.Null(record.VaccineCode);
        Assert.Null(record.DoseDate);
        Assert.Null(record.DoseNumber);
        Assert.Null(record.SiteId);
        Assert.Null(record.PriorityGroup);
    }

    [Fact]
    public void Constructor_NullRecordId_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new DoseRecord(null!, s_person));

        Assert.Equal("recordId", e.ParamName);
    }

    [Fact]
    public void Constructor_NullPerson_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new DoseRecord("R1", null!));

        Assert.Equal("person", e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_DoseNumberBelowOne_Throws(int doseNumber)
    {
        var e = Assert.Throws<ArgumentException>(() => new DoseRecord("R1", s_person, doseNumber: doseNumber));

        Assert.Equal("doseNumber", e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    public void Constructor_PriorityGroupOutside1To11_Throws(int group)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DoseRecord("R1", s_person, priorityGroup: group));

        Assert.Equal("priorityGroup", e.ParamName);
    }

    [Fact]
    public void WithPerson_OtherDetails_KeepsTheDose()
    {
        var record = new DoseRecord("R1", s_person, "208", new LocalDate(2021, 9, 1), 2, "TYT-00004", 11);
        var corrected = new PersonDetails(citizenId: "001190000001", fullName: "Nguyễn Văn An", sex: Sex.Male);

        var changed = record.WithPerson(corrected);

        Assert.Same(corrected, changed.Person);
        Assert.Equal(new DoseRecord("R1", corrected, "208", new LocalDate(2021, 9, 1), 2, "TYT-00004", 11), changed);
        Assert.Same(s_person, record.Person);
    }

    [Fact]
    public void WithPerson_Null_Throws()
    {
        var record = new DoseRecord("R1", s_person);

        Assert.Throws<ArgumentNullException>(() => record.WithPerson(null!));
    }
}
