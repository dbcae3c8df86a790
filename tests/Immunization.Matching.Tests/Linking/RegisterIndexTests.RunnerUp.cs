using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Immunization.Core.Records;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed partial class RegisterIndexTests
{
    private static readonly string[] s_families = ["Nguyễn", "Nguyen", "Trần", "Lê", "Phạm"];
    private static readonly string[] s_middles = ["Văn", "Thị", "Minh", "Văn Minh"];
    private static readonly string[] s_givens = ["An", "Anh", "Ân", "Bình"];
    private static readonly string?[] s_phones = [null, null, "0912345678", "0912345679", "0987654321"];
    private static readonly string[] s_communes = ["00004", "00007", "00010"];
    private static readonly string?[] s_citizenIds = [null, null, null, "001190012345", "001190012354", "001190012346"];

    // Lookalikes: a few names, most sharing the given name, birth year and sex (the ninth blocking key), similar names, shared
    // phones and communes, dates to the day or the year only, so that many candidates tie and many need the name similarity test.
    private static IdentityRecord Lookalike(Random random, string id)
    {
        var name = $"{s_families[random.Next(s_families.Length)]} {s_middles[random.Next(s_middles.Length)]} {s_givens[random.Next(s_givens.Length)]}";
        var date = random.Next(3) == 0
            ? "1990"
            : new DateOnly(1990, 1 + random.Next(2), 1 + random.Next(3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Record(id, s_citizenIds[random.Next(s_citizenIds.Length)], name, date, random.Next(4) == 0 ? "F" : "M",
            s_phones[random.Next(s_phones.Length)], s_communes[random.Next(s_communes.Length)]);
    }

    [FsCheck.Xunit.Property(MaxTest = 12)]
    public Property Link_ManyLookalikes_BestAndRunnerUpAreThoseOfEveryCandidateScoredWithoutTheRunnerUpSkip(int seed, bool idsAscend)
    {
        var random = new Random(seed);
        // Ids in index order (ties broken by index) or not (ties broken by reading the ids).
        var people = Enumerable.Range(0, 150)
            .Select(i => Lookalike(random, "P" + (idsAscend ? i : 1000 - (7 * i % 150)).ToString("D4", CultureInfo.InvariantCulture)))
            .ToList();
        var index = RegisterIndex.Build(people);
        var records = Enumerable.Range(0, 60).Select(i => Lookalike(random, "R" + i.ToString(CultureInfo.InvariantCulture))).ToList();
        return records.All(record =>
        {
            // The reference: every candidate scored without the skip below the runner-up (the skip below the review weight,
            // which predates it, stays), heavier first, then the smaller person id.
            var best = -1;
            var second = -1;
            double bestWeight = double.NegativeInfinity, runnerUp = double.NegativeInfinity;
            foreach (var p in index.Candidates(record))
            {
                var w = index.CandidateWeight(record, p);
                if (w > bestWeight || (w == bestWeight && best >= 0 && string.CompareOrdinal(index.PersonId(p), index.PersonId(best)) < 0))
                {
                    (runnerUp, second, bestWeight, best) = (bestWeight, best, w, p);
                }
                else if (w > runnerUp || (w == runnerUp && second >= 0 && string.CompareOrdinal(index.PersonId(p), index.PersonId(second)) < 0))
                {
                    (runnerUp, second) = (w, p);
                }
            }

            var link = index.Link(record);
            var expectedRunnerUp = double.IsNegativeInfinity(runnerUp) ? double.NaN : runnerUp;
            var sameRunnerUp = double.IsNaN(expectedRunnerUp) ? double.IsNaN(link.RunnerUpWeight) : link.RunnerUpWeight.Equals(expectedRunnerUp);
            var sameBest = link.Outcome == VerificationOutcome.NotFound || link.PersonIndex == best;
            var sameRival = link.RunnerUpPersonId is null || link.RunnerUpPersonId == index.PersonId(second);
            return sameRunnerUp && sameBest && sameRival;
        }).Label($"seed {seed}");
    }
}
