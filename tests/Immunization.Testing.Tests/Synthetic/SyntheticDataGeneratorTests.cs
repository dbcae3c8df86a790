using System.Text;
using Immunization.Core.Identity;
using Immunization.Core.Records;
using Immunization.Testing.Synthetic;

namespace Immunization.Testing.Tests.Synthetic;

public sealed partial class SyntheticDataGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_SameOutput()
    {
        var options = new SyntheticDataOptions { People = 3_000, Seed = 123 };

        var first = Fingerprint(SyntheticDataGenerator.GenerateInMemory(options));
        var second = Fingerprint(SyntheticDataGenerator.GenerateInMemory(options));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_DifferentSeeds_DifferentOutput()
    {
        var a = Fingerprint(SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 500, Seed = 1 }));
        var b = Fingerprint(SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 500, Seed = 2 }));

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Generate_MorePeople_SamePeopleFirst()
    {
        // Each person has their own random stream, so a larger run starts with the smaller run's register.
        var small = SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 300, Seed = 5 });
        var large = SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 600, Seed = 5 });

        var largeById = large.Register.ToDictionary(e => e.PersonId);
        Assert.All(small.Register, e => Assert.Equal(e.Person, largeById[e.PersonId].Person));
    }

    [Fact]
    public void Generate_Summary_MatchesWhatWasWritten()
    {
        var data = GeneratedData.Default;

        Assert.Equal(20_000, data.Summary.People);
        Assert.Equal(data.Register.Count, data.Summary.RegisterEntries);
        Assert.Equal(data.Records.Count, data.Summary.Records);
        for (var k = 0; k < ErrorRates.KindCount; k++)
        {
            var kind = (ErrorKind)k;
            if (kind is ErrorKind.AbsentMovedIn or ErrorKind.AbsentBornAbroad or ErrorKind.AbsentForeigner)
            {
                continue;
            }

            Assert.Equal(data.Records.Count(r => r.Errors.Contains(kind)), data.Summary.Count(kind));
        }
    }

    [Fact]
    public void Generate_Ids_UniqueAndIncreasing()
    {
        var data = GeneratedData.Default;

        var recordIds = data.Records.Select(r => r.Record.RecordId).ToList();
        Assert.Equal(recordIds.Count, recordIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(recordIds.Order(StringComparer.Ordinal), recordIds);
        Assert.Equal(data.Register.Count, data.Register.Select(e => e.PersonId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Generate_Truth_EveryPersonIdIsInTheRegister()
    {
        var data = GeneratedData.Default;
        var register = data.Register.Select(e => e.PersonId).ToHashSet(StringComparer.Ordinal);

        foreach (var record in data.Records)
        {
            var absent = record.Errors.Contains(ErrorKind.AbsentMovedIn) || record.Errors.Contains(ErrorKind.AbsentBornAbroad) ||
                record.Errors.Contains(ErrorKind.AbsentForeigner);
            if (absent)
            {
                Assert.Null(record.PersonId);
            }
            else
            {
                Assert.NotNull(record.PersonId);
                Assert.Contains(record.PersonId, register);
            }
        }
    }

    [Fact]
    public void Generate_NoErrors_RecordsCarryTheRegisterDetails()
    {
        var data = GeneratedData.Clean;
        var register = data.Register.ToDictionary(e => e.PersonId, e => e.Person, StringComparer.Ordinal);

        Assert.Equal(20_000, data.Register.Count);
        Assert.NotEmpty(data.Records);
        Assert.All(data.Records, r =>
        {
            Assert.True(r.Errors.IsEmpty);
            Assert.Equal(register[r.PersonId!], r.Record.Person);
        });
    }

    [Fact]
    public void Generate_AbsentPeople_NotInTheRegisterAndMarked()
    {
        var data = GeneratedData.Default;
        var registerIds = data.Register.Select(e => e.Person.CitizenId).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);

        var foreigners = data.Records.Where(r => r.Errors.Contains(ErrorKind.AbsentForeigner)).ToList();
        Assert.NotEmpty(foreigners);
        Assert.All(foreigners, r => Assert.NotEqual("VN", r.Record.Person.Nationality));
        Assert.All(foreigners, r => Assert.Matches("^[A-Z0-9]", r.Record.Person.CitizenId ?? "X"));

        var movedIn = data.Records.Where(r => r.Errors.Contains(ErrorKind.AbsentMovedIn) && !r.Errors.Contains(ErrorKind.CitizenIdMissing) &&
            !r.Errors.Contains(ErrorKind.CitizenIdMistyped) && !r.Errors.Contains(ErrorKind.CitizenIdTransposed)).ToList();
        Assert.NotEmpty(movedIn);
        Assert.All(movedIn, r => Assert.DoesNotContain(r.Record.Person.CitizenId!, registerIds));
        Assert.All(data.Records.Where(r => r.Errors.Contains(ErrorKind.AbsentBornAbroad)), r => Assert.Equal("VN", r.Record.Person.Nationality));
    }

    [Fact]
    public void Generate_NegativePeople_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = -1 }));
    }

    [Fact]
    public void Generate_InvalidRates_ThrowsWithReason()
    {
        var options = new SyntheticDataOptions { Errors = ErrorRates.Default with { PhoneOldForm = 0.7, PhoneMistyped = 0.5 } };

        var e = Assert.Throws<ArgumentException>(() => SyntheticDataGenerator.GenerateInMemory(options));

        Assert.Contains("phone", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ZeroPeople_Empty()
    {
        var data = SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 0 });

        Assert.Empty(data.Register);
        Assert.Empty(data.Records);
    }

    internal static string Fingerprint(SyntheticDataset data)
    {
        var builder = new StringBuilder();
        foreach (var e in data.Register)
        {
            builder.Append(e.PersonId).Append('|');
            Append(builder, e.Person).Append('\n');
        }

        foreach (var r in data.Records)
        {
            builder.Append(r.Record.RecordId).Append('|').Append(r.PersonId).Append('|').Append(r.Errors).Append('|');
            Append(builder, r.Record.Person).Append('|').Append(r.Record.VaccineCode).Append('|').Append(r.Record.DoseDate)
                .Append('|').Append(r.Record.DoseNumber).Append('|').Append(r.Record.SiteId).Append('|').Append(r.Record.PriorityGroup).Append('\n');
        }

        return builder.ToString();
    }

    private static StringBuilder Append(StringBuilder builder, PersonDetails p) =>
        builder.Append(p.CitizenId).Append('|').Append(p.FullName).Append('|').Append(p.DateOfBirth).Append('|').Append(p.Sex)
            .Append('|').Append(p.Phone).Append('|').Append(p.ProvinceCode).Append('|').Append(p.CommuneCode).Append('|')
            .Append(p.AdminScheme).Append('|').Append(p.Address).Append('|').Append(p.Nationality);
}
