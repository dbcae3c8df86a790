using FsCheck;
using FsCheck.Fluent;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed class PersonIdsTests
{
    // Whole characters only (a surrogate pair stays together): ASCII, Vietnamese letters, a character above the surrogates
    // (U+E000, which UTF-16 orders after a pair and UTF-8 before it) and a pair (U+1F600).
    private static readonly string[] s_pieces = ["a", "B", "9", "-", "đ", "ố", "\uE000", "\uFFFD", "\U0001F600"];

    private static Gen<string> Id =>
        Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(Gen.Elements(s_pieces), n)).Select(parts => string.Concat(parts));

    [FsCheck.Xunit.Property]
    public Property CompareOrdinal_AnyTwoIds_OrdersAsStringCompareOrdinal() =>
        Prop.ForAll(Id.ToArbitrary(), Id.ToArbitrary(), (a, b) =>
        {
            var ids = new PersonIds([a, b]);
            return Math.Sign(ids.CompareOrdinal(0, 1)) == Math.Sign(string.CompareOrdinal(a, b))
                && Math.Sign(ids.CompareOrdinal(1, 0)) == Math.Sign(string.CompareOrdinal(b, a));
        });

    [FsCheck.Xunit.Property]
    public Property Precedes_AnyIdsInAnyOrderSortedOrNot_IsCompareOrdinalBelowZero() =>
        Prop.ForAll(Gen.ArrayOf(Id).ToArbitrary(), Gen.Elements(0, 1, 2).ToArbitrary(), (list, order) =>
        {
            // As given, sorted (index order is then id order, duplicates aside) and sorted with duplicates removed.
            string[] arranged = order switch
            {
                0 => list,
                1 => [.. list.Order(StringComparer.Ordinal)],
                _ => [.. list.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            };
            var ids = new PersonIds(arranged);
            return Enumerable.Range(0, arranged.Length).All(a => Enumerable.Range(0, arranged.Length)
                .All(b => ids.Precedes(a, b) == (string.CompareOrdinal(arranged[a], arranged[b]) < 0)));
        });

    [FsCheck.Xunit.Property]
    public Property Indexer_AnyIds_ReadsEachIdBackAndEqualsOnlyItself() =>
        Prop.ForAll(Gen.ArrayOf(Id).ToArbitrary(), Id.ToArbitrary(), (list, other) =>
        {
            var ids = new PersonIds(list);
            return ids.Count == list.Length
                && Enumerable.Range(0, list.Length).All(i => ids[i] == list[i] && ids.IdEquals(i, list[i]) && ids.IdEquals(i, other) == (other == list[i]));
        });

    [Fact]
    public void IdEquals_LoneSurrogateAgainstReplacementCharacter_IsFalse()
    {
        var ids = new PersonIds(["P\uFFFD"]);

        Assert.True(ids.IdEquals(0, "P\uFFFD"));
        Assert.False(ids.IdEquals(0, "P\uD800"));
    }

    [Fact]
    public void Constructor_LoneSurrogate_IsRefusedNamingThePosition()
    {
        var e = Assert.Throws<ArgumentException>(() => new PersonIds(["P1", "P\uD800"]));

        Assert.Contains("position 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AnIdCutInsideACharacterWhileTheWholeTextIsUtf8_IsRefusedAsCorrupt()
    {
        // "éa" (C3 A9 61) and "b" (62): the ends are 3 and 4. Moving the first end to 1 cuts "é" in two, so each id alone is
        // not UTF-8 though the whole text still is; the ends still rise within the text.
        var body = new MemoryStream();
        var writer = new SnapshotWriter(body, "Test");
        new PersonIds(["éa", "b"]).Transfer(writer);
        var bytes = body.ToArray();
        byte[] ends = [3, 0, 0, 0, 4, 0, 0, 0];
        var at = bytes.AsSpan().LastIndexOf(ends);
        Assert.True(at > 0);
        var intact = PersonIds.Read(new SnapshotReader(new MemoryStream(bytes), bytes.Length, "Test"));
        bytes[at] = 1;

        var e = Assert.Throws<RegisterIndexSnapshotException>(() => PersonIds.Read(new SnapshotReader(new MemoryStream(bytes), bytes.Length, "Test")));

        Assert.Equal("éa", intact[0]);
        Assert.Equal(RegisterIndexSnapshotProblem.Corrupt, e.Problem);
    }
}
