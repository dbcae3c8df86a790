using FsCheck;
using FsCheck.Fluent;
using Immunization.Matching.Configuration;
using Immunization.Matching.Linking;
using Immunization.Matching.Comparators;
using Immunization.Matching.Tables;

namespace Immunization.Matching.Tests.Linking;

public sealed partial class RecordLinkerTests
{
    private static readonly MatchPlan s_smallPlan = MatchPlan.Compile(MatchConfiguration.FromJson("""
        {
          "idColumn": "id",
          "fields": [
            { "name": "name", "termFrequency": true,
              "levels": [ { "comparator": "exact" }, { "comparator": "jaroWinkler", "threshold": 0.85 } ] },
            { "name": "born", "format": "date",
              "levels": [ { "comparator": "exact" }, { "comparator": "dayMonthSwapped" }, { "comparator": "yearDifference", "threshold": 1 } ] },
            { "name": "number", "levels": [ { "comparator": "exact" }, { "comparator": "damerauLevenshtein", "threshold": 1 } ] }
          ],
          "blocking": [ { "on": [ "name:2" ] }, { "on": [ "born" ] }, { "on": [ "number" ] } ],
          "decision": { "matchWeight": 2 },
          "exclusiveField": "number",
          "estimation": { "randomPairs": 2000 }
        }
        """));

    private static readonly Gen<string[]> s_person = Gen.Elements("anna", "anne", "ana", "bob", "bobby", "carl", "karl")
        .SelectMany(name => Gen.Elements("1990-01-02", "1990-02-01", "1991-01-02", "", "1985-07-07")
            .SelectMany(born => Gen.Elements("", "1234", "1243", "9999", "1235")
                .Select(number => new[] { name, born, number })));

    [FsCheck.Xunit.Property(MaxTest = 30)]
    public Property Deduplicate_ShuffledInput_GivesTheSameClusters() =>
        Prop.ForAll(Gen.ListOf(s_person).Select(l => l.ToArray()).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (people, seed) =>
        {
            // Each row keeps its id (its original position), so clusters compare as sets of ids across the two orders.
            var shuffled = people.Select((p, i) => (p, i)).ToArray();
            new Random(seed).Shuffle(shuffled);
            var first = Clusters(people.Select((p, i) => (p, i)).ToArray());
            var second = Clusters(shuffled);
            return first.SetEquals(second);
        });

    [FsCheck.Xunit.Property(MaxTest = 30)]
    public Property Deduplicate_AnyTable_NeverClustersTwoNumbersMoreThanOneEditApart() =>
        Prop.ForAll(Gen.ListOf(s_person).Select(l => l.ToArray()).ToArbitrary(), people =>
        {
            var table = Table(people.Select((p, i) => (p, i)).ToArray());
            var result = new RecordLinker(s_smallPlan).Deduplicate(table);
            // The guard tolerates one-edit typos of the number, never two numbers further apart in one cluster.
            return Enumerable.Range(0, table.Count)
                .Where(i => table.Get(i, 3) is not null)
                .GroupBy(i => result.Clusters[i])
                .All(g => g.All(a => g.All(b => Immunization.Matching.Comparators.DamerauLevenshtein.Distance(table.Get(a, 3), table.Get(b, 3)) <= 1)));
        });

    // Every combination of the generator's values once: a table large enough for u and EM to mean something.
    private static readonly Lazy<(string[] Person, int Id)[]> s_universe = new(() =>
        Gen.Sample(s_person, 4000).DistinctBy(p => string.Join('|', p)).Select((p, i) => (p, i)).ToArray());

    [FsCheck.Xunit.Property(MaxTest = 30)]
    public Property Link_RecordAgainstItself_IsAMatchAtTheFirstLevelOfEveryPresentField() =>
        Prop.ForAll(s_person.ToArbitrary(), person =>
        {
            var universe = s_universe.Value;
            var at = Array.FindIndex(universe, u => u.Person.SequenceEqual(person));
            var table = Table(universe);
            var result = new RecordLinker(s_smallPlan).Link(table, Table(universe));
            var self = result.Matches.Where(p => p.Left == at && p.Right == at).ToArray();
            return at >= 0 && self.Length == 1 && result.Explain(self[0]).Fields.All(f => f.Level is "exact" or "missing");
        });

    // Clusters as sets of record ids (the original positions), which do not depend on the order of the rows.
    private static HashSet<string> Clusters((string[] Person, int Id)[] rows)
    {
        var table = Table(rows);
        var result = new RecordLinker(s_smallPlan).Deduplicate(table);
        return Enumerable.Range(0, table.Count)
            .GroupBy(i => result.Clusters[i])
            .Select(g => string.Join(",", g.Select(i => table.Get(i, 0)).Order(StringComparer.Ordinal)))
            .ToHashSet();
    }

    private static RecordTable Table((string[] Person, int Id)[] rows)
    {
        var table = new RecordTable(["id", "name", "born", "number"]);
        foreach (var (person, id) in rows)
        {
            var r = table.AddRecord();
            table.Set(r, 0, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (var c = 0; c < 3; c++)
            {
                table.Set(r, c + 1, person[c]);
            }
        }

        return table;
    }
}
