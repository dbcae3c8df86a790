using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Matching.Verification;
using Immunization.Testing.Synthetic;

namespace Immunization.Matching.Cluster.Tests.Support;

/// <summary>
/// A generated register and records (households, errors) as text, plus twins: people copied under another id onto another
/// shard without identity number and phone, so that their records' best candidate and runner-up sit on different shards.
/// </summary>
internal sealed record World(IReadOnlyList<IdentityText> Register, IReadOnlyList<IdentityText> Records)
{
    public static World Generate(ulong seed, int people, int shardCount, int twins = 150)
    {
        var data = SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = people, Seed = seed });
        var register = data.Register.Select(e => Text(e.PersonId, e.Person)).ToList();
        var records = data.Records.Select(r => Text(r.Record.RecordId, r.Record.Person)).ToList();
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

    public static IdentityText Text(string id, PersonDetails p) => new(id, p.CitizenId, p.FullName, p.DateOfBirth?.ToString(),
        p.Sex switch { Sex.Male => "M", Sex.Female => "F", _ => null }, p.Phone, p.ProvinceCode, p.CommuneCode,
        p.AdminScheme switch { AdministrativeScheme.Old => "old", AdministrativeScheme.New => "new", _ => null }, p.Nationality);

    /// <summary>Everything of a link that the tool writes (links.csv and explanations.csv), as one line.</summary>
    public static string Row(RecordLink link) => string.Join('|', link.Outcome, link.PersonId, link.Weight.ToString("R"),
        link.RunnerUpWeight.ToString("R"), link.DifferencesText(), string.Join(';', link.Explanation), link.AmbiguityReason,
        link.RunnerUpPersonId, link.SkippedBlocks);
}
