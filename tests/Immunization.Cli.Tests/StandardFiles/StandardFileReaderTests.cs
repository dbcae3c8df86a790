using Immunization.Cli.StandardFiles;
using Immunization.Core.Records.Files;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using NodaTime;

namespace Immunization.Cli.Tests.StandardFiles;

public sealed class StandardFileReaderTests
{
    private const string RegisterHeader =
        "person_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality";

    private const string RecordsHeader =
        "record_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality," +
        "vaccine_code,dose_date,dose_number,site_id,priority_group";

    [Fact]
    public void ReadRegister_VietnameseVariants_Accepted()
    {
        var text = RegisterHeader + "\n" +
            "P1,001190000001,Nguyễn Văn An,03/05/1990,Nam,0912345678,01,00004,new,\"Số 1, Tổ 2, Phường Ba Đình\",VN\n" +
            "P2,,Trần Thị Bình,1985,Nữ,,79,26734,old,,VN\n" +
            "P3,,Lê Thị Cúc,1970-02,nu\u0303,,,,,,\n";

        var entries = StandardFileReader.ReadRegister(new StringReader(text), new("register.csv")).ToList();

        Assert.Equal(3, entries.Count);
        Assert.Equal(PartialDate.FromDate(1990, 5, 3), entries[0].Person.DateOfBirth);
        Assert.Equal(Sex.Male, entries[0].Person.Sex);
        Assert.Equal("Số 1, Tổ 2, Phường Ba Đình", entries[0].Person.Address);
        Assert.Equal(new PartialDate(1985), entries[1].Person.DateOfBirth);
        Assert.Equal(Sex.Female, entries[1].Person.Sex);
        Assert.Null(entries[1].Person.CitizenId);
        Assert.Equal(AdministrativeScheme.Old, entries[1].Person.AdminScheme);
        Assert.Equal(PartialDate.FromYearMonth(1970, 2), entries[2].Person.DateOfBirth);
        Assert.Null(entries[2].Person.AdminScheme);
        Assert.Equal(Sex.Female, entries[2].Person.Sex);
        Assert.Null(entries[2].Person.Nationality);
    }

    [Theory]
    [InlineData("P2,079185000123,Phạm Thị Ngọc,1985,F,0912345678,79,26734,old,x,VN,EXTRA")]
    [InlineData("P2,079185000123,\"Phạm Thị Ngọc,1985,F,0912345678,79,26734,old,x,VN")]
    public void ReadRegister_MalformedRow_NamesFileAndRowWithoutPersonalData(string badRow)
    {
        var text = RegisterHeader + "\n" + "P1,,Lê Văn An,1990,M,,,,,,VN\n" + badRow + "\n";

        var error = Assert.Throws<StandardFileException>(
            () => StandardFileReader.ReadRegister(new StringReader(text), new("register.csv")).ToList());

        Assert.Contains("register.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 3", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Phạm", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("079185000123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRecords_AllColumns_Parsed()
    {
        var text = RecordsHeader + "\r\n" +
            "R1,001190000001,Nguyễn Văn An,1990-05-03,M,0912345678,01,00004,new,x,VN,210,15/09/2021,1,TYT-00004,7\r\n" +
            "R2,,,,,,,,,,,VN-ABDALA,2021-10-01,,,\r\n";

        var records = StandardFileReader.ReadRecords(new StringReader(text), new("records.csv")).ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal("210", records[0].VaccineCode);
        Assert.Equal(new LocalDate(2021, 9, 15), records[0].DoseDate);
        Assert.Equal(1, records[0].DoseNumber);
        Assert.Equal("TYT-00004", records[0].SiteId);
        Assert.Equal(7, records[0].PriorityGroup);
        Assert.Equal("VN-ABDALA", records[1].VaccineCode);
        Assert.Null(records[1].DoseNumber);
        Assert.Null(records[1].PriorityGroup);
        Assert.Equal(Sex.Unknown, records[1].Person.Sex);
    }

    [Fact]
    public void ReadTruth_EmptyPersonId_Null()
    {
        var truth = StandardFileReader.ReadTruth(new StringReader("record_id,person_id\nR1,P7\nR2,\n"), new("truth.csv")).ToList();

        Assert.Equal([("R1", (string?)"P7"), ("R2", null)], truth);
    }

    [Fact]
    public void ReadRecords_ColumnsInAnotherOrder_FoundByName()
    {
        var text = "truth_extra,priority_group,record_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code," +
            "admin_scheme,address,nationality,vaccine_code,dose_date,dose_number,site_id\nignored,3,R9,,,,F,,,,,,,208,2021-08-01,2,S\n";

        var record = Assert.Single(StandardFileReader.ReadRecords(new StringReader(text), new("records.csv")));

        Assert.Equal("R9", record.RecordId);
        Assert.Equal(3, record.PriorityGroup);
        Assert.Equal(2, record.DoseNumber);
    }

    public static TheoryData<string, string> BadRegisterValues() => new()
    {
        { "P1,,,31/02/1990,M,,,,,,", "date_of_birth" },
        { "P1,,,1990-13,M,,,,,,", "date_of_birth" },
        { "P1,,,1990,X,,,,,,", "sex" },
        { "P1,,,1990,M,,1,,,,", "province_code" },
        { "P1,,,1990,M,,01,123,,,", "commune_code" },
        { "P1,,,1990,M,,01,00004,both,,", "admin_scheme" },
        { "P1,,,1990,M,,01,00004,new,,Viet Nam", "nationality" },
        { ",,,1990,M,,,,,,", "person_id" },
    };

    [Theory]
    [MemberData(nameof(BadRegisterValues))]
    public void ReadRegister_BadValue_ErrorNamesFileRowAndColumn(string row, string column)
    {
        var text = RegisterHeader + "\nP0,,,1990,M,,,,,,\n" + row + "\n";

        var e = Assert.Throws<StandardFileException>(() =>
            StandardFileReader.ReadRegister(new StringReader(text), new("register.csv")).ToList());

        Assert.Equal(column, e.Column);
        Assert.Equal(3, e.Row);
        Assert.StartsWith("register.csv, row 3, column " + column + ": ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRecords_BadDoseValues_Refused()
    {
        var bad = new[] { "210,2021-02-30,1,,", "210,2021-09,1,,", "210,2021-09-01,0,,", "210,2021-09-01,1,,12", "AZ,2021-09-01,1,," };
        foreach (var tail in bad)
        {
            var text = RecordsHeader + "\nR1,,,,,,,,,,," + tail + "\n";

            var e = Assert.Throws<StandardFileException>(() =>
                StandardFileReader.ReadRecords(new StringReader(text), new("records.csv")).ToList());

            Assert.Equal(2, e.Row);
            Assert.NotNull(e.Column);
        }
    }

    [Fact]
    public void ReadRegister_MissingColumn_ErrorNamesIt()
    {
        var text = "person_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address\nP1,,,,,,,,,\n";

        var e = Assert.Throws<StandardFileException>(() =>
            StandardFileReader.ReadRegister(new StringReader(text), new("register.csv")).ToList());

        Assert.Equal(1, e.Row);
        Assert.Equal("nationality", e.Column);
    }

    [Fact]
    public void ReadRegister_RowWithTooFewFields_ErrorNamesTheRow()
    {
        var text = RegisterHeader + "\nP1,,,,,,,,,,\nP2,,,\n";

        var e = Assert.Throws<StandardFileException>(() =>
            StandardFileReader.ReadRegister(new StringReader(text), new("register.csv")).ToList());

        Assert.Equal(3, e.Row);
        Assert.Contains("register.csv, row 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRegister_EmptyFile_Refused()
    {
        var e = Assert.Throws<StandardFileException>(() =>
            StandardFileReader.ReadRegister(new StringReader(string.Empty), new("register.csv")).ToList());

        Assert.Equal(1, e.Row);
    }

    [Fact]
    public void ReadRegister_BadValue_MessageHoldsNoPersonalData()
    {
        var text = RegisterHeader + "\nP1,001190000001,Nguyễn Văn An,1990-02-31,M,0912345678,01,00004,new,Số 1,VN\n";

        var e = Assert.Throws<StandardFileException>(() =>
            StandardFileReader.ReadRegister(new StringReader(text), new("register.csv")).ToList());

        Assert.DoesNotContain("1990-02-31", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteThenRead_TrickyText_RoundTrips()
    {
        var person = new PersonDetails(
            citizenId: " 0011",
            fullName: "NGUYE\u0302\u0303N  \"Văn\", An ",
            dateOfBirth: new PartialDate(1990),
            sex: Sex.Female,
            phone: "01662345678",
            provinceCode: "79",
            communeCode: "26734",
            adminScheme: AdministrativeScheme.Old,
            address: "Số 1,\r\nTổ 2",
            nationality: "KR");
        var record = new DoseRecord(
            "R1", person, vaccineCode: "VN-ABDALA", doseDate: new LocalDate(2021, 10, 1), doseNumber: 3, siteId: "BV-79-01", priorityGroup: 11);
        using var stream = new MemoryStream();
        using (var writer = new RecordsCsvWriter(stream))
        {
            writer.Write(record);
        }

        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var back = Assert.Single(StandardFileReader.ReadRecords(new StringReader(text), new("records.csv")));

        Assert.Equal(record, back);
    }
}
