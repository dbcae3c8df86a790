using System.Text;
using System.Text.Json;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.Export;
using Immunization.Reporting.Quality;
using Immunization.Reporting.Tests.Support;
using Immunization.Reporting.WorkLists;

namespace Immunization.Reporting.Tests;

public sealed class ExportTests
{
    private static List<IndicatorRow> Rows(int seed)
    {
        var input = Sample.Input(seed);
        var options = new ReportOptions { AsOf = Sample.AsOf };
        var coverage = CoverageCalculator.Compute(input, options);
        return [.. coverage.Rows, .. DataQualityCalculator.Compute(input, options, coverage)];
    }

    private static byte[] Csv(IEnumerable<IndicatorRow> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            TidyCsvWriter.Write(rows, writer);
        }

        return stream.ToArray();
    }

    [Fact]
    public void Write_SameInputTwice_SameBytes()
    {
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        TidyJsonWriter.Write(Rows(4), a);
        TidyJsonWriter.Write(Rows(4), b);

        Assert.Equal(Csv(Rows(4)), Csv(Rows(4)));
        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public void Write_Csv_OneLinePerRowWithFlagsAndQuotedNames()
    {
        var rows = new List<IndicatorRow>
        {
            new("people_1plus", "2025-07", "52", "Gia Lai, tỉnh", "20211015", "age:18+", Figure.Proportion(673_852, 956_614)),
            new("people_1plus", "2025-07", "53", "x", "20211015", "all", Figure.Proportion(12, 10)),
            new("doses_entered", "none", "VN", "Việt Nam", "20211015", "all", Figure.Count(780_000)),
        };

        var text = Encoding.UTF8.GetString(Csv(rows));

        Assert.Equal(
            "indicator,scheme,unit_code,unit_name,period,disaggregation,numerator,denominator,value,flags\r\n"
            + "people_1plus,2025-07,52,\"Gia Lai, tỉnh\",20211015,age:18+,673852,956614,70.4414,\r\n"
            + "people_1plus,2025-07,53,x,20211015,all,12,10,120,over_100\r\n"
            + "doses_entered,none,VN,Việt Nam,20211015,all,780000,,780000,\r\n",
            text);
    }

    [Fact]
    public void Write_Dhis2_CountsOnlyForMappedRows()
    {
        var rows = new List<IndicatorRow>
        {
            new("people_1plus", "2025-07", "52", "Gia Lai", "20211015", "age:18+", Figure.Proportion(673_852, 956_614)),
            new("people_1plus", "2025-07", "52", "Gia Lai", "20211015", "all", Figure.Proportion(700_000, 1_500_000)),
        };
        var mappingJson = """{"dataSet":"COVAC","dataElements":[{"indicator":"people_1plus","disaggregation":"age:18+","dataElement":"COV_1PLUS","categoryOptionCombo":"ADULT"}],"orgUnits":{"52":"GL52"}}""";
        var mapping = Dhis2Mapping.Read(new MemoryStream(Encoding.UTF8.GetBytes(mappingJson)));
        using var stream = new MemoryStream();

        int written = Dhis2Writer.Write(rows, mapping, stream);

        Assert.Equal(1, written);
        using var doc = JsonDocument.Parse(stream.ToArray());
        var value = Assert.Single(doc.RootElement.GetProperty("dataValues").EnumerateArray());
        Assert.Equal("COVAC", doc.RootElement.GetProperty("dataSet").GetString());
        Assert.Equal("673852", value.GetProperty("value").GetString());
        Assert.Equal("GL52", value.GetProperty("orgUnit").GetString());
        Assert.Equal("ADULT", value.GetProperty("categoryOptionCombo").GetString());
        Assert.Equal("20211015", value.GetProperty("period").GetString());
    }

    [Fact]
    public void Write_WorkList_RowPerItemWithEmptyAnswerColumns()
    {
        var input = Sample.Input(2);
        var list = WorkListBuilder.Build(input.Register, input.Doses, Sample.AsOf)[0];
        using var writer = new StringWriter();

        WorkListCsvWriter.Write(list, writer);

        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(list.Items.Count + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",,,,,,,", l, StringComparison.Ordinal));
    }

    [Fact]
    public void WorkListCsvWriter_Columns_AnswerColumnsAreTheCorrectionColumnsOfEveryField()
    {
        // The header returned lists are read back by; the same names ReturnApplier reports problems with.
        Assert.Equal(
            "list_id,commune_code,drawn_up,due,record_id,outcome,person_id,differing_fields,reason,action,citizen_id,full_name,date_of_birth,sex,phone,commune_code_corrected",
            string.Join(',', WorkListCsvWriter.Columns));
        Assert.Equal("commune_code_corrected", ReturnApplier.CorrectionColumn(Immunization.Core.Records.IdentityField.Residence));
        Assert.Equal("date_of_birth", ReturnApplier.CorrectionColumn(Immunization.Core.Records.IdentityField.DateOfBirth));
    }
}
