using Immunization.Core.Records.Files;

namespace Immunization.Core.Tests.Records.Files;

public sealed class StandardCsvReaderCurrentIdTests
{
    [Fact]
    public void CurrentId_UniqueIds_IsTheRowsIdOnceAsAString()
    {
        var reader = StandardCsvReader.Open(new StringReader("x,person_id\na,P1\nb,P22\n"), "register.csv", ["person_id", "x"], "person_id",
            uniqueIds: true);

        Assert.True(reader.Next());
        var first = reader.CurrentId();
        Assert.Equal("P1", first);
        Assert.Same(first, reader.CurrentId());
        Assert.True(reader.Next());
        Assert.Equal("P22", reader.CurrentId());
        Assert.False(reader.Next());
    }

    [Fact]
    public void CurrentId_IdsNotChecked_IsTheRowsIdOfEachRow()
    {
        var reader = StandardCsvReader.Open(new StringReader("record_id\nR1\nR1\n"), "records.csv", ["record_id"], "record_id");

        Assert.True(reader.Next());
        Assert.Equal("R1", reader.CurrentId());
        Assert.True(reader.Next());
        Assert.Equal("R1", reader.CurrentId());
    }

    [Fact]
    public void CurrentId_NoIdColumn_Throws()
    {
        var reader = StandardCsvReader.Open(new StringReader("a\n1\n"), "cases.csv", columns: null);

        Assert.True(reader.Next());
        Assert.Throws<InvalidOperationException>(() => reader.CurrentId());
    }
}
