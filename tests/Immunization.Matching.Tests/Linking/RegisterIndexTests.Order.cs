using FsCheck;
using FsCheck.Fluent;
using Immunization.Benchmarks.Matching;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed partial class RegisterIndexTests
{
    private static readonly Lazy<(IdentityRecord[] People, IdentityRecord[] Records)> s_orderWorld = new(() =>
    {
        var generator = new SyntheticIdentities(seed: 23);
        var people = generator.People(600);
        var (records, _) = generator.Records(people);
        var register = people.Select(SyntheticIdentities.ToRecord).ToList();
        // Identical people make ties, whose outcome must not depend on which comes first.
        register.Add(Record("P-TWIN-A", null, "Trần Văn Khải", "1985-07-07", "M"));
        register.Add(Record("P-TWIN-B", null, "Trần Văn Khải", "1985-07-07", "M"));
        var linked = records.Take(300).Select(SyntheticIdentities.ToRecord).ToList();
        linked.Add(Record("R-TWIN", null, "Tran Van Khai", "1985-07-07", "M"));
        return ([.. register], [.. linked]);
    });

    private static Dictionary<string, string> Links(IdentityRecord[] people, IdentityRecord[] records)
    {
        var index = RegisterIndex.Build(people);
        return records.ToDictionary(r => r.Id, r =>
        {
            var link = index.Link(r);
            return $"{link.Outcome} {link.PersonId} {link.RunnerUpPersonId} {link.DifferencesText()} {link.Weight:0.######}";
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 5)]
    public Property Link_ShuffledRegisterAndRecords_GivesTheSameLinks() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var (people, records) = s_orderWorld.Value;
            var shuffledPeople = (IdentityRecord[])people.Clone();
            var shuffledRecords = (IdentityRecord[])records.Clone();
            var random = new Random(seed);
            random.Shuffle(shuffledPeople);
            random.Shuffle(shuffledRecords);

            var expected = Links(people, records);
            var actual = Links(shuffledPeople, shuffledRecords);

            return expected.Count == actual.Count && expected.All(e => actual[e.Key] == e.Value);
        });
}
