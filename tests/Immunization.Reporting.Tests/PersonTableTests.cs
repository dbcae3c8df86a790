using FsCheck.Xunit;
using Immunization.Core.Identity;
using Immunization.Reporting.Coverage;
using NodaTime;

namespace Immunization.Reporting.Tests;

/// <summary>
/// The person-id table's batched lookup (<see cref="PersonTable.FindMany"/>, used when records come in entry order)
/// against its single lookup and against each id's first row computed with a dictionary.
/// </summary>
public sealed class PersonTableTests
{
    [Property(MaxTest = 40)]
    public void FindMany_AnyIdsRepeatedOrUnknown_FirstRowOfEachId(int seed)
    {
        var random = new Random(seed);

        // Ids of 0-30 characters, ASCII and not, some repeated in the register, looked up with ids it does not hold.
        int n = random.Next(1, 30_000);
        var pool = Enumerable.Range(0, n).Select(_ => Id(random)).ToArray();
        var register = Enumerable.Range(0, n)
            .Select(_ => new RegisterPerson(pool[random.Next(pool.Length)], Sex.Female, new LocalDate(1990, 1, 1), default, []))
            .ToArray();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int row = 0; row < n; row++)
        {
            expected.TryAdd(register[row].PersonId, row);
        }

        var repeated = new bool[n];
        var table = new PersonTable(register, repeated);
        var queries = Enumerable.Range(0, 3 * n)
            .Select(_ => random.Next(3) == 0 ? Id(random) : new string(register[random.Next(n)].PersonId.AsSpan()))
            .ToArray();

        var batch = new PersonTable.Batch();
        var rows = new int[PersonTable.Batch.Size];
        for (int from = 0, count; from < queries.Length; from += count)
        {
            // Full blocks and blocks one short, as the index's blocks at a range's end.
            count = Math.Min(PersonTable.Batch.Size - random.Next(2), queries.Length - from);
            table.FindMany(queries.AsSpan(from, count), rows, batch);
            for (int k = 0; k < count; k++)
            {
                string id = queries[from + k];
                int first = expected.GetValueOrDefault(id, -1);
                Assert.Equal(first, rows[k]);
                Assert.Equal(first, table.Find(id));
            }
        }

        for (int row = 0; row < n; row++)
        {
            Assert.Equal(expected[register[row].PersonId] != row, repeated[row]);
        }
    }

    private static string Id(Random random)
    {
        const string Characters = "0123456789ABCDEFPQRxyzđĐươ-";
        var chars = new char[random.Next(0, 31)];
        for (int k = 0; k < chars.Length; k++)
        {
            chars[k] = Characters[random.Next(Characters.Length)];
        }

        return new string(chars);
    }
}
