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
    public void Generate_ErrorKinds_NameAndNumberChangesAreTheOnesNamed()
    {
        var data = GeneratedData.Custom;
        var register = data.Register.ToDictionary(e => e.PersonId, e => e.Person, StringComparer.Ordinal);
        var seen = new Dictionary<ErrorKind, int>();

        foreach (var r in data.Records.Where(r => r.PersonId is not null))
        {
            var p = r.Record.Person;
            var truth = register[r.PersonId!];
            var e = r.Errors;
            foreach (var kind in Enum.GetValues<ErrorKind>().Where(e.Contains))
            {
                seen[kind] = seen.GetValueOrDefault(kind) + 1;
            }

            if (e.Contains(ErrorKind.CitizenIdTransposed))
            {
                var differ = Enumerable.Range(0, p.CitizenId!.Length).Where(i => p.CitizenId[i] != truth.CitizenId![i]).ToList();
                Assert.Equal(2, differ.Count);
                Assert.Equal(differ[0] + 1, differ[1]);
                Assert.Equal(truth.CitizenId![differ[0]], p.CitizenId[differ[1]]);
                Assert.Equal(truth.CitizenId[differ[1]], p.CitizenId[differ[0]]);
            }

            if (e.Contains(ErrorKind.CitizenIdMistyped))
            {
                Assert.Single(Enumerable.Range(0, p.CitizenId!.Length), i => p.CitizenId[i] != truth.CitizenId![i]);
            }

            // The truth with the deterministic name changes applied, in the generator's order.
            var expected = truth.FullName!;
            if (e.Contains(ErrorKind.NameOrderSwapped))
            {
                Assert.Contains(' ', expected);
                expected = NameNoise.SwapFamilyAndGiven(expected);
            }

            if (e.Contains(ErrorKind.ToneMarksDropped))
            {
                expected = NameNoise.DropAllMarks(expected);
            }

            if (e.Contains(ErrorKind.DStrokeAsD))
            {
                Assert.True(NameNoise.HasDStroke(expected), $"{r.Record.RecordId}: Đ→D on a name without Đ");
                Assert.False(NameNoise.HasDStroke(p.FullName!), $"{r.Record.RecordId}: Đ left in");
                expected = NameNoise.DStrokeAsD(expected);
            }

            var mistyped = e.Contains(ErrorKind.SyllableMistyped);
            var partly = e.Contains(ErrorKind.ToneMarksPartlyDropped);
            if (!mistyped && !partly)
            {
                // Only case, spacing and decomposition may differ, and they are undone by Key.
                Assert.True(Key(expected) == Key(p.FullName!), $"{r.Record.RecordId} [{e}]: the name does not show the named changes only");
            }
            else if (!mistyped)
            {
                Assert.Equal(Fold(expected), Fold(p.FullName!));
                Assert.NotEqual(Key(expected), Key(p.FullName!));
                Assert.Contains(Key(p.FullName!), c => c is >= '\u0300' and <= '\u036F'); // some marks are left
            }
            else
            {
                Assert.True(Levenshtein(Fold(expected), Fold(p.FullName!)) == 1, $"{r.Record.RecordId} [{e}]: not one letter mistyped");
            }
        }

        foreach (var kind in new[]
        {
            ErrorKind.CitizenIdTransposed, ErrorKind.CitizenIdMistyped, ErrorKind.NameOrderSwapped, ErrorKind.ToneMarksDropped,
            ErrorKind.ToneMarksPartlyDropped, ErrorKind.DStrokeAsD, ErrorKind.SyllableMistyped,
        })
        {
            Assert.True(seen.GetValueOrDefault(kind) >= 100, $"{kind}: only {seen.GetValueOrDefault(kind)} records");
        }
    }

    [Fact]
    public void Generate_MistypedBirthDates_NeverAfterTheDoseAndAgesPlausible()
    {
        var data = SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions
        {
            People = 20_000,
            Seed = 11,
            Errors = ErrorRates.Default with { BirthDateYearOnly = 0.02, BirthDateDayMonthSwapped = 0.02, BirthDateMistyped = 0.9 },
        });
        var register = data.Register.ToDictionary(e => e.PersonId, e => e.Person.DateOfBirth!.Value, StringComparer.Ordinal);
        var mistyped = 0;

        foreach (var r in data.Records)
        {
            var born = r.Record.Person.DateOfBirth!.Value;
            var dose = r.Record.DoseDate!.Value;
            Assert.True(born.Year <= dose.Year, $"{r.Record.RecordId}: born {born}, dosed {dose}");
            if (born.TryGetLocalDate(out var day))
            {
                Assert.True(day <= dose, $"{r.Record.RecordId}: born {born}, dosed {dose}");
            }

            if (r.Errors.Contains(ErrorKind.BirthDateMistyped) && r.PersonId is not null)
            {
                // No older than 105 at the dose, unless the person really is (the register has people born in 1915).
                mistyped++;
                register[r.PersonId].TryGetLocalDate(out var trueDay);
                var limit = Math.Max(SyntheticDataGenerator.MaxPlausibleAge, CovidCampaign.Age(trueDay, dose));
                Assert.InRange(CovidCampaign.Age(day, dose), 0, limit);
            }
        }

        Assert.True(mistyped > 15_000, $"only {mistyped} mistyped dates");
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

    // Case, spacing and Unicode form undone: lower case, single spaces, decomposed.
    private static string Key(string name) =>
        NameNoise.Decompose(NameNoise.ToLower(string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    // Key without any diacritic, Đ as D: the letters only.
    private static string Fold(string name) =>
        new(Key(NameNoise.DStrokeAsD(name)).Where(c => c is not (>= '\u0300' and <= '\u036F')).ToArray());

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
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
