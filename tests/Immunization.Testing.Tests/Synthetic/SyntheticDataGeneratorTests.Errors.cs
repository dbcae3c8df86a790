using System.Text;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Testing.Synthetic;

namespace Immunization.Testing.Tests.Synthetic;

public sealed partial class SyntheticDataGeneratorTests
{
    public static TheoryData<ErrorKind> AllKinds()
    {
        var data = new TheoryData<ErrorKind>();
        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            data.Add(kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Generate_DefaultRates_CountsNearRates(ErrorKind kind)
    {
        var summary = GeneratedData.Default.Summary;
        var rate = ErrorRates.Default.Rate(kind);
        var opportunities = summary.Opportunities(kind);

        Assert.True(opportunities >= 1_000, $"{kind}: only {opportunities} opportunities");
        AssertNearRate(kind, summary.Count(kind), opportunities, rate);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Generate_CustomRates_CountsFollowThem(ErrorKind kind)
    {
        var rates = GeneratedData.CustomRates;
        var summary = GeneratedData.Custom.Summary;

        AssertNearRate(kind, summary.Count(kind), summary.Opportunities(kind), rates.Rate(kind));
    }

    [Fact]
    public void Generate_NoErrors_NoCounts()
    {
        var summary = GeneratedData.Clean.Summary;

        Assert.All(Enum.GetValues<ErrorKind>(), kind => Assert.Equal(0, summary.Count(kind)));
    }

    [Fact]
    public void Generate_ErrorKinds_ShowInTheRecords()
    {
        var data = GeneratedData.Default;
        var register = data.Register.ToDictionary(e => e.PersonId, e => e.Person, StringComparer.Ordinal);

        foreach (var r in data.Records.Where(r => r.PersonId is not null))
        {
            var p = r.Record.Person;
            var truth = register[r.PersonId!];
            var e = r.Errors;
            Assert.Equal(e.Contains(ErrorKind.CitizenIdMissing), p.CitizenId is null && truth.CitizenId is not null);
            if (e.Contains(ErrorKind.CitizenIdMistyped) || e.Contains(ErrorKind.CitizenIdTransposed))
            {
                Assert.NotEqual(truth.CitizenId, p.CitizenId);
                Assert.Equal(truth.CitizenId!.Length, p.CitizenId!.Length);
            }

            if (e.Contains(ErrorKind.ToneMarksDropped))
            {
                Assert.True(p.FullName!.All(char.IsAscii), "tone marks left in a name whose marks were dropped");
            }

            if (e.Contains(ErrorKind.DecomposedUnicode))
            {
                Assert.Contains(p.FullName!, c => c is >= '\u0300' and <= '\u036F');
            }
            else
            {
                Assert.DoesNotContain(p.FullName!, c => c is >= '\u0300' and <= '\u036F');
            }

            var born = p.DateOfBirth!.Value;
            Assert.Equal(e.Contains(ErrorKind.BirthDateYearOnly), born.Precision == DatePrecision.Year);
            Assert.Equal(e.Contains(ErrorKind.BirthDateDayMonthSwapped), born.IsDayMonthSwapOf(truth.DateOfBirth!.Value));
            Assert.Equal(e.Contains(ErrorKind.BirthDateMistyped), born.Precision == DatePrecision.Day && born != truth.DateOfBirth &&
                !born.IsDayMonthSwapOf(truth.DateOfBirth.Value));

            Assert.Equal(e.Contains(ErrorKind.SexWrong), p.Sex != truth.Sex);
            Assert.True(e.Contains(ErrorKind.PhoneOldForm) == p.Phone is { Length: 11 }, $"{r.Record.RecordId} [{e}] {truth.Phone} {p.Phone}");
            Assert.Equal(e.Contains(ErrorKind.CommuneOldScheme), p.AdminScheme == AdministrativeScheme.Old);
            if (e.Contains(ErrorKind.CommuneWrong))
            {
                Assert.Equal(truth.ProvinceCode, p.ProvinceCode);
                Assert.NotEqual(truth.CommuneCode, p.CommuneCode);
            }

            var clean = !e.Contains(ErrorKind.CommuneOldScheme) && !e.Contains(ErrorKind.CommuneWrong);
            Assert.True(clean == (truth.CommuneCode == p.CommuneCode && p.AdminScheme == AdministrativeScheme.New),
                $"{r.Record.RecordId} [{e}]: {truth.CommuneCode} → {p.AdminScheme} {p.CommuneCode}");
        }
    }

    [Fact]
    public void Generate_Duplicates_SameDoseAtAnotherSiteWithDifferentDetails()
    {
        var data = GeneratedData.Default;
        var byPersonAndDose = data.Records.Where(r => r.PersonId is not null)
            .GroupBy(r => (r.PersonId, r.Record.DoseNumber, r.Record.DoseDate))
            .ToList();

        var duplicates = byPersonAndDose.Where(g => g.Any(r => r.Errors.Contains(ErrorKind.DuplicateAtSecondSite))).ToList();
        Assert.NotEmpty(duplicates);
        Assert.All(duplicates, g =>
        {
            var entries = g.ToList();
            Assert.Equal(2, entries.Count);
            Assert.NotEqual(entries[0].Record.SiteId, entries[1].Record.SiteId);
            Assert.NotEqual(entries[0].Record.Person, entries[1].Record.Person);
            Assert.Equal(entries[0].Record.VaccineCode, entries[1].Record.VaccineCode);
        });
    }

    private static void AssertNearRate(ErrorKind kind, long count, long opportunities, double rate)
    {
        // Records of one person often share one entry, so counts vary more than a binomial's; 6 binomial standard
        // deviations (plus a small floor) leave room for that and still catch a rate that is wired wrong.
        var expected = rate * opportunities;
        var sigma = Math.Sqrt(opportunities * rate * (1 - rate));
        var tolerance = (6 * sigma) + 3;
        Assert.True(Math.Abs(count - expected) <= tolerance,
            $"{kind}: {count} of {opportunities}, expected {expected:0} ± {tolerance:0} (rate {rate})");
    }
}
