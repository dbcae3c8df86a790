using Immunization.Benchmarks.Matching;
using Immunization.Core.Records;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed partial class RegisterIndexTests
{
    private static readonly Lazy<(RegisterIndex Index, List<string?[]> Records, List<string?> Truth, List<string?[]> People)> s_world = new(() =>
    {
        var generator = new SyntheticIdentities(seed: 5);
        var people = generator.People(20_000);
        var (records, truth) = generator.Records(people);
        return (RegisterIndex.Build(people.Select(SyntheticIdentities.ToRecord)), records, truth, people);
    });

    [Fact]
    public void Link_SyntheticRecordsWithErrors_ReachRecordToPersonF1AtLeast0995()
    {
        var (index, records, truth, _) = s_world.Value;
        long predicted = 0, correct = 0, actual = truth.Count(t => t is not null);
        var wrong = new List<string>();
        for (var i = 0; i < records.Count; i++)
        {
            var link = index.Link(SyntheticIdentities.ToRecord(records[i]));
            if (link.Outcome is VerificationOutcome.Verified or VerificationOutcome.Differs)
            {
                predicted++;
                if (link.PersonId == truth[i])
                {
                    correct++;
                }
                else if (wrong.Count < 5)
                {
                    wrong.Add($"{records[i][0]} -> {link.PersonId} (truth {truth[i]}) {link.Weight:0.0} {string.Join(' ', link.Explanation)}");
                }
            }
        }

        var precision = (double)correct / predicted;
        var recall = (double)correct / actual;
        var f1 = 2 * precision * recall / (precision + recall);
        Assert.True(f1 >= 0.995, $"precision {precision:0.0000} recall {recall:0.0000} F1 {f1:0.0000}\n{string.Join('\n', wrong)}");
    }
}
