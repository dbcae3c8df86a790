using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Matching.Verification;
using Immunization.Testing.Synthetic;

namespace Immunization.Matching.Cluster.Tests.Support;

/// <summary>
/// A generated register and records (households, errors) as text, plus twins: people copied under another id onto another
/// shard without identity number and phone, so that their records' best candidate and runner-up sit on different shards;
/// and, when asked, lookalikes: people with a person's name, birth year and sex (another day, another commune, no number,
/// no phone) all on other shards than the person's, with a record that carries only the person's name, year, sex and commune.
/// </summary>
internal sealed record World(IReadOnlyList<IdentityText> Register, IReadOnlyList<IdentityText> Records)
{
    public static World Generate(ulong seed, int people, int shardCount, int twins = 150, int lookalikeGroups = 0, int lookalikesPerGroup = 0)
    {
        var data = SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = people, Seed = seed });
        var register = data.Register.Select(e => Text(e.PersonId, e.Person)).ToList();
        var records = data.Records.Select(r => Text(r.Record.RecordId, r.Record.Person)).ToList();
        AddLookalikes(register, records, shardCount, lookalikeGroups, lookalikesPerGroup);
        var step = Math.Max(1, register.Count / Math.Max(1, twins));
        for (var i = 0; i < register.Count && i / step < twins; i += step)
        {
            var original = register[i];
            var home = RegisterSnapshot.ShardOf(original.Id, shardCount);
            var suffix = 0;
            string id;
            do
            {
                id = $"{original.Id}-twin{suffix++}";
            }
            while (RegisterSnapshot.ShardOf(id, shardCount) == home);

            register.Add(original with { Id = id, CitizenId = null, Phone = null });
            // Its record: the person's name, date and sex, nothing that tells the twins apart.
            records.Add(original with { Id = $"R-{id}", CitizenId = null, Phone = null });
            // And one with the original's identity number: the twin runs second from another shard.
            records.Add(original with { Id = $"R-{id}-cid", Phone = null });
        }

        return new World(register, records);
    }

    private static void AddLookalikes(List<IdentityText> register, List<IdentityText> records, int shardCount, int groups, int perGroup)
    {
        var count = register.Count;
        for (var g = 0; g < groups; g++)
        {
            var original = register[(int)((g * 7919L + 13) % count)];
            if (original.FullName is null || original.DateOfBirth is not { Length: >= 4 } date || original.CommuneCode is null)
            {
                continue;
            }

            var year = date[..4];
            var home = RegisterSnapshot.ShardOf(original.Id, shardCount);
            var made = 0;
            for (var suffix = 0; made < perGroup; suffix++)
            {
                var id = $"{original.Id}-look{suffix}";
                if (RegisterSnapshot.ShardOf(id, shardCount) == home)
                {
                    continue;
                }

                var elsewhere = register[(int)((g * 31L + (made * 17L) + 1) % count)];
                register.Add(original with
                {
                    Id = id, CitizenId = null, Phone = null, DateOfBirth = $"{year}-{1 + (made % 12):00}-{1 + (made % 27):00}",
                    ProvinceCode = elsewhere.ProvinceCode, CommuneCode = elsewhere.CommuneCode, AdminScheme = elsewhere.AdminScheme,
                });
                made++;
            }

            // The person's record with nothing beyond the name, the birth year, the sex and the commune.
            records.Add(original with { Id = $"R-{original.Id}-look", CitizenId = null, Phone = null, DateOfBirth = year });
        }
    }

    public static IdentityText Text(string id, PersonDetails p) => new(id, p.CitizenId, p.FullName, p.DateOfBirth?.ToString(),
        p.Sex switch { Sex.Male => "M", Sex.Female => "F", _ => null }, p.Phone, p.ProvinceCode, p.CommuneCode,
        p.AdminScheme switch { AdministrativeScheme.Old => "old", AdministrativeScheme.New => "new", _ => null }, p.Nationality);

    /// <summary>Everything of a link that the tool writes (links.csv and explanations.csv), as one line.</summary>
    public static string Row(RecordLink link) => string.Join('|', link.Outcome, link.PersonId, link.Weight.ToString("R"),
        link.RunnerUpWeight.ToString("R"), link.DifferencesText(), string.Join(';', link.Explanation), link.AmbiguityReason,
        link.RunnerUpPersonId, link.SkippedBlocks);
}
