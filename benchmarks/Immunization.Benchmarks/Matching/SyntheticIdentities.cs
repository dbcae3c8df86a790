using System.Runtime.CompilerServices;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Testing.Synthetic;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Benchmarks.Matching;

/// <summary>
/// The project's synthetic register and records (<see cref="SyntheticDataGenerator"/>, default error model) as the rows
/// the matcher's tests and benchmarks use: <c>id, citizen_id, full_name, date_of_birth, sex, phone, province_code,
/// commune_code, admin_scheme, nationality</c>, the text the <c>link</c> command reads from the standard files.
/// </summary>
/// <param name="seed">The generator's seed: the same seed gives the same rows.</param>
internal sealed class SyntheticIdentities(int seed)
{
    // Records belong to the population whose register People returned.
    private readonly ConditionalWeakTable<List<string?[]>, RowSink> _populations = [];

    /// <summary>The register of a population of <paramref name="count"/> people (a few are absent from it, as in life).</summary>
    public List<string?[]> People(int count)
    {
        // Rows straight from the generator's stream: a million people fit without holding its objects.
        var sink = new RowSink();
        SyntheticDataGenerator.Generate(new SyntheticDataOptions { People = count, Seed = (ulong)seed }, sink);
        _populations.Add(sink.People, sink);
        return sink.People;
    }

    /// <summary>The vaccination records of the population whose register is <paramref name="people"/>, and each one's true person (null: not in the register).</summary>
    public (List<string?[]> Records, List<string?> Truth) Records(List<string?[]> people) =>
        _populations.TryGetValue(people, out var sink)
            ? (sink.Records, sink.Truth)
            : throw new ArgumentException("Pass the list that People returned.", nameof(people));

    private sealed class RowSink : ISyntheticDataSink
    {
        public List<string?[]> People { get; } = [];

        public List<string?[]> Records { get; } = [];

        public List<string?> Truth { get; } = [];

        public void AddRegisterEntry(RegisterEntry entry) => People.Add(Row(entry.PersonId, entry.Person));

        public void AddRecord(SyntheticRecord record)
        {
            Records.Add(Row(record.Record.RecordId, record.Record.Person));
            Truth.Add(record.PersonId);
        }
    }

    private static string?[] Row(string id, PersonDetails person) =>
    [
        id, person.CitizenId, person.FullName, person.DateOfBirth?.ToString(), person.Sex switch
        {
            Core.Identity.Sex.Male => "M",
            Core.Identity.Sex.Female => "F",
            _ => null,
        },
        person.Phone, person.ProvinceCode, person.CommuneCode, person.AdminScheme == AdministrativeScheme.Old ? "old" : "new",
        person.Nationality,
    ];

    /// <summary>Reads a row as the <c>link</c> command reads the standard files.</summary>
    public static IdentityRecord ToRecord(string?[] row) =>
        IdentityRecord.FromText(row[0]!, row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9]);
}
