using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Records.Files;

namespace Immunization.Core.Tests.Records.Files;

public sealed class StandardCsvWriterTests
{
    [Fact]
    public void Row_PlainFields_CommaSeparatedWithCrlf()
    {
        var text = new StringWriter();
        using (var csv = new StandardCsvWriter(text))
        {
            csv.Row("a", "b", null, "");
            csv.Row(["c"]);
        }

        Assert.Equal("a,b,,\r\nc\r\n", text.ToString());
    }

    [Theory]
    [InlineData("Gia Lai, tỉnh", "\"Gia Lai, tỉnh\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("line\nfeed", "\"line\nfeed\"")]
    [InlineData(" leading", "\" leading\"")]
    [InlineData("trailing ", "\"trailing \"")]
    [InlineData("in side", "in side")]
    [InlineData("Việt Nam", "Việt Nam")]
    public void Field_NeedsQuotes_QuotedWithQuotesDoubled(string value, string written)
    {
        var text = new StringWriter();
        using (var csv = new StandardCsvWriter(text))
        {
            csv.Field(value);
        }

        Assert.Equal(written, text.ToString());
    }

    [Fact]
    public void Field_Numbers_InvariantCulture()
    {
        var text = new StringWriter();
        using (var csv = new StandardCsvWriter(text))
        {
            csv.Field(-12);
            csv.Field((int?)null);
            csv.Field(1234.5678, "0.##");
            csv.EndRow();
        }

        Assert.Equal("-12,,1234.57\r\n", text.ToString());
        Assert.Equal("1234.57", StandardCsvWriter.Number(1234.5678, "0.##"));
    }

    [Fact]
    public void Constructor_Stream_Utf8WithoutBomAndClosedOnDispose()
    {
        var stream = new MemoryStream();
        using (var csv = new StandardCsvWriter(stream))
        {
            csv.Row("Nguyễn");
        }

        Assert.Equal(Encoding.UTF8.GetBytes("Nguyễn\r\n"), stream.ToArray());
        Assert.False(stream.CanWrite);
    }

    [Fact]
    public void Constructor_TextWriter_LeftOpenOnDispose()
    {
        var text = new StringWriter();
        using (var csv = new StandardCsvWriter(text))
        {
            csv.Row("a");
        }

        text.Write("b");
        Assert.Equal("a\r\nb", text.ToString());
    }

    [Fact]
    public void Constructor_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new StandardCsvWriter((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => new StandardCsvWriter((TextWriter)null!));
    }

    [Property]
    public Property Row_AnyFields_ReadBackByTheStandardReader() =>
        Prop.ForAll(Gen.Elements("a", "", " x ", "\"", ",", "Tổ 1,\r\nPhường", "x\ny", "id").ArrayOf().Where(a => a.Any(f => f.Length > 0)).ToArbitrary(), fields =>
        {
            var text = new StringWriter();
            using (var csv = new StandardCsvWriter(text))
            {
                csv.Row(Enumerable.Range(0, fields.Length).Select(i => "c" + i));
                csv.Row(fields);
            }

            var reader = StandardCsvReader.Open(new StringReader(text.ToString()), "x.csv", null);
            Assert.True(reader.Next());
            var back = Enumerable.Range(0, fields.Length).Select(c => reader.Span(c).ToString()).ToList();
            return back.SequenceEqual(fields) && !reader.Next();
        });
}
