using FsCheck;
using FsCheck.Fluent;
using Immunization.Matching.Tables;

namespace Immunization.Matching.Tests.Linking;

public sealed class RecordTableTests
{
    [Fact]
    public void Set_PaddedValue_IsStoredTrimmed()
    {
        var table = new RecordTable(["a"]);
        var r = table.AddRecord();

        table.Set(r, 0, "  Nguyễn Văn An \t");

        Assert.Equal("Nguyễn Văn An", table.Get(r, 0));
        Assert.Equal("Nguyễn Văn An", table.GetSpan(r, 0).ToString());
    }

    [Fact]
    public void Get_UnsetOrBlankValue_IsMissing()
    {
        var table = new RecordTable(["a", "b"]);
        var r = table.AddRecord();
        table.Set(r, 1, "   ");

        Assert.Null(table.Get(r, 0));
        Assert.Null(table.Get(r, 1));
        Assert.True(table.GetSpan(r, 0).IsEmpty);
    }

    [Fact]
    public void Set_SameCellTwice_KeepsTheLastValue()
    {
        var table = new RecordTable(["a"]);
        var r = table.AddRecord();
        table.Set(r, 0, "first");

        table.Set(r, 0, "second");
        var afterBlank = table.AddRecord();
        table.Set(afterBlank, 0, "x");
        table.Set(afterBlank, 0, "");

        Assert.Equal("second", table.Get(r, 0));
        Assert.Null(table.Get(afterBlank, 0));
    }

    [Fact]
    public void Set_ValueLongerThanATextBlock_KeepsItAndTheValuesAfterIt()
    {
        var table = new RecordTable(["a"]);
        var longValue = new string('x', 40_000) + "end";
        var before = table.AddRecord();
        table.Set(before, 0, "before");
        var at = table.AddRecord();
        table.Set(at, 0, longValue);
        var after = table.AddRecord();
        table.Set(after, 0, "after");

        Assert.Equal("before", table.Get(before, 0));
        Assert.Equal(longValue, table.Get(at, 0));
        Assert.Equal("after", table.Get(after, 0));
    }

    [Fact]
    public void GetSpan_OutOfRange_Throws()
    {
        var table = new RecordTable(["a"]);
        table.AddRecord();

        Assert.Throws<ArgumentOutOfRangeException>(() => table.GetSpan(1, 0).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.GetSpan(0, 1).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Set(0, -1, "x"));
    }

    [Fact]
    public void Constructor_RepeatedColumn_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new RecordTable(["id", "name", "id"]));

        Assert.Contains("'id'", e.Message, StringComparison.Ordinal);
    }

    // Enough rows and long enough values to cross several record blocks (1,024) and text blocks (32,768 characters).
    [FsCheck.Xunit.Property(MaxTest = 20)]
    public Property Get_AnyRowsInAnyOrderOfSetting_ReturnsWhatWasSetTrimmed() =>
        Prop.ForAll(
            Gen.Choose(0, 3000).SelectMany(n => Gen.ArrayOf(Gen.ArrayOf(Gen.Elements("", " ", "a", " b ", "Trần Thị Bích", new string('z', 50)), 3), n))
                .ToArbitrary(),
            rows =>
            {
                var table = new RecordTable(["x", "y", "z"]);
                foreach (var _ in rows)
                {
                    table.AddRecord();
                }

                // Columns set last to first, records back to front: storage must not depend on the order of Set calls.
                for (var c = 2; c >= 0; c--)
                {
                    for (var r = rows.Length - 1; r >= 0; r--)
                    {
                        table.Set(r, c, rows[r][c]);
                    }
                }

                for (var r = 0; r < rows.Length; r++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        var expected = rows[r][c].Trim();
                        if (table.Get(r, c) != (expected.Length == 0 ? null : expected))
                        {
                            return false;
                        }
                    }
                }

                return table.Count == rows.Length;
            });
}
