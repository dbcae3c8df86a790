using FsCheck;
using FsCheck.Fluent;
using Immunization.Benchmarks.Matching;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Tests.Comparators;

public sealed class IdentityComparisonTests
{
    private static readonly List<string?[]> s_rows = BuildRows();

    private static List<string?[]> BuildRows()
    {
        var generator = new SyntheticIdentities(seed: 3);
        var people = generator.People(300);
        var (records, _) = generator.Records(people);
        return [.. people, .. records];
    }

    private static int[] Levels(string?[] x, string?[] y)
    {
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var a = IdentityKeys.KeyOf(SyntheticIdentities.ToRecord(x), tokens, places, names, intern: true);
        var b = IdentityKeys.KeyOf(SyntheticIdentities.ToRecord(y), tokens, places, names, intern: true);
        var nameA = a.Name >= 0 ? names[a.Name] : "";
        var nameB = b.Name >= 0 ? names[b.Name] : "";
        return
        [
            IdentityComparison.CitizenId(a.CitizenId, a.CitizenIdLength, b.CitizenId, b.CitizenIdLength),
            a.Name < 0 || b.Name < 0 ? -1 : IdentityComparison.Name(a, b, nameA, nameB),
            IdentityComparison.DateOfBirth(a.DateOfBirth, b.DateOfBirth),
            IdentityComparison.Sex(a.Sex, b.Sex),
            IdentityComparison.Phone(a.Phone, b.Phone),
            IdentityComparison.Residence(a.Province, a.Commune, b.Province, b.Commune),
        ];
    }

    private static Arbitrary<string?[]> Rows => Gen.Elements(s_rows.ToArray()).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Levels_AnyTwoRecords_AreSymmetricAndBounded() =>
        Prop.ForAll(Rows, Rows, (x, y) =>
        {
            var forward = Levels(x, y);
            var backward = Levels(y, x);
            return forward.SequenceEqual(backward)
                && forward.Select((level, f) => level >= -1 && level < IdentityLevels.M[f].Length).All(ok => ok);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Levels_RecordWithItself_IsTheFirstLevelOrMissing() =>
        Prop.ForAll(Rows, x => Levels(x, x).All(level => level is 0 or -1));

    [Theory]
    [InlineData(1990_05_03, 1990_03_05, IdentityLevels.DateDayMonthSwapped)]
    [InlineData(1990_05_03, 1990_00_00, IdentityLevels.DateCompatible)]
    [InlineData(1990_05_03, 1990_05_00, IdentityLevels.DateCompatible)]
    [InlineData(1990_05_03, 1990_05_08, IdentityLevels.DateOneDigit)]
    [InlineData(1990_05_03, 1909_05_03, IdentityLevels.DateOneDigit)]
    [InlineData(1990_05_03, 1990_11_23, IdentityLevels.DateSameYear)]
    [InlineData(1990_05_03, 1991_11_23, IdentityLevels.DateDifferent)]
    public void DateOfBirth_KnownPairs_GiveTheirLevel(int a, int b, int expected)
    {
        static int Pack(int yyyymmdd) => ((yyyymmdd / 10000) << 9) | ((yyyymmdd / 100 % 100) << 5) | (yyyymmdd % 100);

        Assert.Equal(expected, IdentityComparison.DateOfBirth(Pack(a), Pack(b)));
        Assert.Equal(expected, IdentityComparison.DateOfBirth(Pack(b), Pack(a)));
    }

    [Theory]
    [InlineData(1090012345L, 1090012354L, IdentityLevels.CitizenIdTransposition)]
    [InlineData(1090012345L, 1090012346L, IdentityLevels.CitizenIdSubstitution)]
    [InlineData(1090012345L, 1090012345L, IdentityLevels.CitizenIdExact)]
    [InlineData(1090012345L, 79190012345L, IdentityLevels.CitizenIdDifferent)]
    [InlineData(1090012345L, 1090021354L, IdentityLevels.CitizenIdDifferent)]
    public void CitizenId_KnownPairs_GiveTheirLevel(long a, long b, int expected)
    {
        Assert.Equal(expected, IdentityComparison.CitizenId(a, 12, b, 12));
    }

    [Fact]
    public void CitizenId_CccdAgainstCmnd_IsMissingNotDifferent()
    {
        Assert.Equal(-1, IdentityComparison.CitizenId(1090012345L, 12, 123456789L, 9));
    }

    [FsCheck.Xunit.Property]
    public Property FromBcd_AnyNumberOfUpTo16Digits_ReadsBcdBack() =>
        Prop.ForAll(Gen.Choose(0, 99_999_999).Two().ToArbitrary(), p =>
        {
            var value = (p.Item1 * 100_000_000L) + p.Item2;
            return IdentityComparison.FromBcd(IdentityComparison.Bcd(value)) == value;
        });

    [FsCheck.Xunit.Property]
    public Property DateBcd_AnyDateKnownToTheDay_IsTheBcdOfYyyyMmDd() =>
        Prop.ForAll(Gen.Choose(0, 9999).ToArbitrary(), Gen.Choose(0, 12).ToArbitrary(), Gen.Choose(0, 31).ToArbitrary(), (year, month, day) =>
        {
            var packed = (year << 9) | (month << 5) | day;
            var expected = month == 0 || day == 0 ? 0 : IdentityComparison.Bcd((year * 10000L) + (month * 100L) + day);
            return IdentityComparison.DateBcd(packed) == expected;
        });
}
