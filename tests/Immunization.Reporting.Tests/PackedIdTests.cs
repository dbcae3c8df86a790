using FsCheck.Xunit;
using Immunization.Reporting.Coverage;

namespace Immunization.Reporting.Tests;

/// <summary>
/// <see cref="PackedId"/>: equal numbers other than <see cref="PackedId.None"/> only for equal ids, over ids built to
/// sit at the edges of both forms (leading zeros, 17 and 18 digits, 10 and 11 symbols, characters outside the alphabet).
/// </summary>
public sealed class PackedIdTests
{
    [Property(MaxTest = 300)]
    public void Pack_AnyTwoIds_SameNumberOnlyForTheSameId(int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, 400).Select(_ => Id(random)).ToArray();
        var byNumber = new Dictionary<ulong, string>();
        foreach (string id in ids)
        {
            ulong packed = PackedId.Pack(id);
            if (packed == PackedId.None)
            {
                continue;
            }

            if (byNumber.TryGetValue(packed, out string? other))
            {
                Assert.Equal(other, id);
            }
            else
            {
                byNumber.Add(packed, id);
            }
        }
    }

    [Theory]
    [InlineData("012345678901")]
    [InlineData("00000000000000001")]
    [InlineData("P000000001")]
    [InlineData("abc-_XYZ09")]
    [InlineData("7")]
    public void Pack_ShortDigitsOrSymbols_Packed(string id) => Assert.NotEqual(PackedId.None, PackedId.Pack(id));

    [Theory]
    [InlineData("")]
    [InlineData("000000000000000001")]
    [InlineData("P0000000001")]
    [InlineData("Đ1")]
    [InlineData("a b")]
    public void Pack_LongOrOtherCharacters_None(string id) => Assert.Equal(PackedId.None, PackedId.Pack(id));

    [Property(MaxTest = 300)]
    public void Pack_AnyId_SameNumberAsTheDefinition(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 400; i++)
        {
            string id = Id(random);
            Assert.Equal(Definition(id), PackedId.Pack(id));
        }
    }

    [Fact]
    public void Pack_LeadingZeros_OtherNumber() => Assert.NotEqual(PackedId.Pack("0012"), PackedId.Pack("12"));

    // The packing as documented, one character at a time: digits with their length, or symbols as base-65 digits 1–64
    // with the first character lowest.
    private static ulong Definition(string id)
    {
        if (id.Length == 0)
        {
            return PackedId.None;
        }

        if (id.Length <= 17 && id.All(char.IsAsciiDigit))
        {
            return (1UL << 62) | ((ulong)id.Length << 57) | ulong.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
        }

        const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
        if (id.Length > 10 || id.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return PackedId.None;
        }

        ulong packed = 0;
        for (int k = id.Length - 1; k >= 0; k--)
        {
            packed = (packed * 65) + (ulong)(Alphabet.IndexOf(id[k], StringComparison.Ordinal) + 1);
        }

        return (2UL << 62) | packed;
    }

    private static string Id(Random random)
    {
        // Short ids from few characters, so that near-equal ids meet: digits only, symbols, or any character.
        string characters = random.Next(3) switch { 0 => "0123456789", 1 => "09AZaz-_", _ => "019Zz-_ đ.\0@[`{/:" };
        int length = random.Next(4) == 0 ? random.Next(0, 20) : random.Next(9, 19);
        var chars = new char[length];
        for (int k = 0; k < length; k++)
        {
            chars[k] = characters[random.Next(random.Next(2) == 0 ? 2 : characters.Length)];
        }

        return new string(chars);
    }
}
