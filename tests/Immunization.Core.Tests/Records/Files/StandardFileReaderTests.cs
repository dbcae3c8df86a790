using System.Text;
using Immunization.Core.Identity;
using Immunization.Core.Records;
using Immunization.Core.Records.Files;
using NodaTime;

namespace Immunization.Core.Tests.Records.Files;

public sealed class StandardFileReaderTests
{
    private static readonly string s_header = string.Join(',', StandardColumns.Register);

    [Fact]
    public void ReadRegister_QuotedFields_CommasQuotesAndLineBreaksKept()
    {
        var text = s_header + "\r\n" +
            "P1,,\"Nguyễn \"\"Bé\"\" An\",1990-05-03,M,,01,00004,new,\"Số 1,\r\nTổ 2\",VN\r\n" +
            "\"P,2\",,Lê Thị Cúc,1985,F,,,,,,\r\n";

        var entries = StandardFileReader.ReadRegisterRows(new StringReader(text), new("register.csv")).ToList();

        Assert.Equal(["P1", "P,2"], entries.Select(e => e.Value.PersonId));
        Assert.Equal("Nguyễn \"Bé\" An", entries[0].Value.Person.FullName);
        Assert.Equal("Số 1,\r\nTổ 2", entries[0].Value.Person.Address);
        Assert.Equal([2, 3], entries.Select(e => e.Row)); // a line break inside quotes does not start a row
        Assert.Equal(new PartialDate(1985), entries[1].Value.Person.DateOfBirth);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadRegister_StreamWithOrWithoutByteOrderMark_SameEntries(bool bom)
    {
        var text = s_header + "\nP1,,Trần Văn Bình,1990,Nam,,,,,,VN\n";
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        using var stream = new MemoryStream(bytes);

        var entry = Assert.Single(StandardFileReader.ReadRegister(stream, new("register.csv")));

        Assert.Equal("P1", entry.PersonId);
        Assert.Equal("Trần Văn Bình", entry.Person.FullName);
        Assert.Equal(Sex.Male, entry.Person.Sex);
    }

    [Fact]
    public void ReadRegister_TextStartingWithByteOrderMark_HeaderFound()
    {
        var entry = Assert.Single(StandardFileReader.ReadRegister(new StringReader("\uFEFF" + s_header + "\nP1,,,,,,,,,,\n"), new("register.csv")));

        Assert.Equal("P1", entry.PersonId);
    }

    [Fact]
    public void ReadRegister_Lenient_EveryDataRowReturnedOrReported()
    {
        var text = s_header + "\n" +
            "P1,001190000001,Nguyễn Văn An,1990,M,0912345678,01,00004,new,,VN\n" + // row 2: good
            "\n" + // row 3: blank, skipped
            "P2,079185000123,Phạm Thị Ngọc,31/02/1985,F,,,,,,\n" + // row 4: no such date
            "P3,,Lê Văn Cường,1970,X,,,,,,\n" + // row 5: not a sex
            "P4,,,1970,M,,,\n" + // row 6: too few fields
            ",,Hồ Văn Dũng,,,,,,,,\n" + // row 7: no id
            "P5,,Đỗ Thị Em,2001-07,nữ,,79,26734,old,,VN\n" + // row 8: good
            "P6,,\"Vũ Văn Giang,1990,M,,,,,,\n"; // row 9: a quote never closed
        var problems = new List<StandardFileProblem>();
        var options = new StandardFileOptions("register.csv") { Mode = StandardFileMode.Lenient, OnProblem = problems.Add };

        var entries = StandardFileReader.ReadRegisterRows(new StringReader(text), options).ToList();

        Assert.Equal([(2, "P1"), (8, "P5")], entries.Select(e => (e.Row, e.Value.PersonId)));
        Assert.Equal([(4, "date_of_birth"), (5, "sex"), (6, null), (7, "person_id"), (9, null)], problems.Select(p => (p.Row, p.Column)));
        Assert.Equal(7, entries.Count + problems.Count); // rows 2 to 9 but the blank one
        foreach (var shown in problems.Select(p => p.ToString()))
        {
            Assert.StartsWith("register.csv, row ", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("31/02/1985", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("079185000123", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("Văn", shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadRegister_Strict_FirstBadRowThrowsNamingRowAndColumn()
    {
        var text = s_header + "\nP1,,,1990,M,,,,,,\nP2,,Phạm Thị Ngọc,1990,M,,7,,,,\nP3,,,1990,X,,,,,,\n";

        var e = Assert.Throws<StandardFileException>(() => StandardFileReader.ReadRegister(new StringReader(text), new("register.csv")).ToList());

        Assert.Equal(("register.csv", 3, "province_code"), (e.File, e.Row, e.Column));
        Assert.Equal("register.csv, row 3, column province_code: expected a code of 2 digits", e.Message);
        Assert.Equal(e.Message, e.Problem.ToString());
    }

    [Fact]
    public void ReadRegister_LenientWithoutOnProblem_Refused()
    {
        var options = new StandardFileOptions("register.csv") { Mode = StandardFileMode.Lenient };

        Assert.Throws<ArgumentException>(() => StandardFileReader.ReadRegister(new StringReader(s_header), options));
    }

    [Fact]
    public void ReadRegister_MissingColumn_ThrowsEvenWhenLenient()
    {
        var text = s_header.Replace(",sex", "", StringComparison.Ordinal) + "\nP1,,,,,,,,,\n";
        var problems = new List<StandardFileProblem>();
        var options = new StandardFileOptions("register.csv") { Mode = StandardFileMode.Lenient, OnProblem = problems.Add };

        var e = Assert.Throws<StandardFileException>(() => StandardFileReader.ReadRegister(new StringReader(text), options).ToList());

        Assert.Equal((1, "sex"), (e.Row, e.Column));
        Assert.Empty(problems);
    }

    [Fact]
    public void ReadRecords_ManyRowsAcrossBufferRefills_AllRead()
    {
        // Over 1 MB of text: rows, quoted line breaks and CRLF pairs fall across the reader's 64 Ki-character refills.
        var records = Enumerable.Range(0, 6000).Select(i => new DoseRecord(
            "R" + i,
            new PersonDetails(fullName: new string('x', i % 97) + "\"" + i, address: "Tổ " + i + ",\r\nPhường " + (i % 13), sex: Sex.Female),
            vaccineCode: "208", doseDate: new LocalDate(2021, 1, 1).PlusDays(i % 700), doseNumber: 1 + (i % 3))).ToList();

        var back = StandardFileReader.ReadRecords(new StringReader(StandardFileText.Records(records, "\r\n")), new("records.csv")).ToList();

        Assert.Equal(records, back);
    }

    [Fact]
    public void StandardCsvReader_RepeatedId_NamesBothRows()
    {
        var reader = StandardCsvReader.Open(new StringReader("person_id,x\nP1,a\nP2,b\nP1,c\n"), "register.csv", ["person_id"], "person_id", uniqueIds: true);

        Assert.True(reader.Next());
        Assert.True(reader.Next());
        var e = Assert.Throws<StandardFileException>(() => reader.Next());

        Assert.Equal("register.csv, rows 2 and 4: the same person_id; each must appear once.", e.Message);
        Assert.Equal((4, "person_id"), (e.Row, e.Column));
    }

    [Fact]
    public void StandardCsvReader_TrimFields_SpacesAroundAndInsideQuotesDropped()
    {
        var reader = StandardCsvReader.Open(new StringReader(" id , name\n 7 , \" Lan, Mai \" \n"), "febrl.csv", columns: null, trimFields: true);

        Assert.Equal(["id", "name"], reader.Header);
        Assert.True(reader.Next());
        Assert.Equal("7|Lan, Mai", reader.Span(0).ToString() + "|" + reader.Span(1).ToString());
        Assert.False(reader.Next());
    }

    [Fact]
    public void StandardCsvReader_ShortRow_MissingFieldsEmptyUntilChecked()
    {
        var reader = StandardCsvReader.Open(new StringReader("a,b,c\n1,2,3\n4\n"), "cases.csv", columns: null);

        Assert.True(reader.NextRow());
        reader.Check();
        Assert.True(reader.NextRow());
        Assert.Equal((1, "4", ""), (reader.FieldCount, reader.Span(0).ToString(), reader.Span(2).ToString()));
        var e = Assert.Throws<StandardFileException>(reader.Check);
        Assert.Equal("cases.csv, row 3: 1 fields where the header has 3", e.Message);
    }

    [Theory]
    [InlineData("", "the file is empty; expected a header row")]
    [InlineData(" , \nx,y\n", "the first row is blank; expected a header row")]
    public void StandardCsvReader_NoHeader_Refused(string text, string reason)
    {
        var e = Assert.Throws<StandardFileException>(() => StandardCsvReader.Open(new StringReader(text), "t.csv", columns: null));

        Assert.Equal((1, reason), (e.Row, e.Reason));
    }

    [Fact]
    public void StandardCsvReader_HeaderNamesAColumnTwice_NamedByPosition()
    {
        var e = Assert.Throws<StandardFileException>(() => StandardCsvReader.Open(new StringReader("a,b,a\n"), "t.csv", columns: null));

        Assert.Equal("3", e.Column);
        Assert.StartsWith("the same name as column 1", e.Reason, StringComparison.Ordinal);
    }
}
