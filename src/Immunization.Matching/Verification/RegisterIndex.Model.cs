using Immunization.Matching.Comparators;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Verification;

public sealed partial class RegisterIndex
{
    /// <summary>
    /// Estimates u for every level of every field from the register: the exact levels from value counts (the probability
    /// that two random people share a value), the other levels from random pairs of people; and the full-name exact level
    /// per name from its frequency. Weights are log2(m/u) with the fixed m of <see cref="IdentityLevels.M"/>.
    /// </summary>
    private static (double[][] U, double[][] Weights, double[] NameExactWeights, double YearWeight) EstimateModel(IdentityKey[] keys, string[] nameTexts,
        int[] order, int randomPairs)
    {
        var fieldCount = IdentityLevels.FieldCount;
        var counts = new long[fieldCount][];
        var present = new long[fieldCount];
        for (var f = 0; f < fieldCount; f++)
        {
            counts[f] = new long[IdentityLevels.M[f].Length];
        }

        var n = keys.Length;
        var random = new Random(20251124);
        var levels = new int[fieldCount];
        // A small register has few distinct pairs: sampling more than it has only repeats them.
        var samples = (int)Math.Min(randomPairs, (long)n * (n - 1) / 2);
        for (var s = 0; n > 1 && s < samples; s++)
        {
            var i = order[random.Next(n)];
            var j = order[random.Next(n)];
            if (i == j)
            {
                continue;
            }

            ref readonly var a = ref keys[i];
            ref readonly var b = ref keys[j];
            levels[0] = IdentityComparison.CitizenIdBcd(a.CitizenIdBcd, a.CitizenIdLength, b.CitizenIdBcd, b.CitizenIdLength);
            levels[1] = a.Name < 0 || b.Name < 0 ? -1 : IdentityComparison.Name(a, b, nameTexts[a.Name], nameTexts[b.Name]);
            levels[2] = IdentityComparison.DateOfBirth(a.DateOfBirth, b.DateOfBirth);
            levels[3] = IdentityComparison.Sex(a.Sex, b.Sex);
            levels[4] = IdentityComparison.PhoneBcd(a.PhoneBcd, b.PhoneBcd);
            levels[5] = IdentityComparison.Residence(a, b);
            for (var f = 0; f < fieldCount; f++)
            {
                if (levels[f] >= 0)
                {
                    counts[f][levels[f]]++;
                    present[f]++;
                }
            }
        }

        var exact = new double[fieldCount];
        exact[0] = ExactShare(keys, k => k.CitizenIdLength == 0 ? null : k.CitizenId, IdentityLevels.PriorU[0][0]);
        exact[1] = ExactShare(keys, k => k.Name < 0 ? null : k.Name, IdentityLevels.PriorU[1][0]);
        exact[2] = ExactShare(keys, k => k.DateOfBirth == 0 ? null : k.DateOfBirth, IdentityLevels.PriorU[2][0]);
        exact[3] = ExactShare(keys, k => k.Sex == 0 ? null : k.Sex, IdentityLevels.PriorU[3][0]);
        exact[4] = ExactShare(keys, k => k.Phone == 0 ? null : k.Phone, IdentityLevels.PriorU[4][0]);
        exact[5] = ExactShare(keys, k => k.Commune < 0 ? null : k.Commune, IdentityLevels.PriorU[5][0]);

        var u = new double[fieldCount][];
        var weights = new double[fieldCount][];
        for (var f = 0; f < fieldCount; f++)
        {
            var levelCount = IdentityLevels.M[f].Length;
            u[f] = new double[levelCount];
            // Sampled shares, shrunk towards the national prior by PriorPairs pseudo-pairs (decisive only for small registers).
            var rest = 0.0;
            for (var l = 1; l < levelCount; l++)
            {
                u[f][l] = (counts[f][l] + (IdentityLevels.PriorU[f][l] * PriorPairs)) / (present[f] + PriorPairs);
                rest += u[f][l];
            }

            u[f][0] = Math.Clamp(exact[f], 1e-12, 1 - 1e-6);
            for (var l = 1; l < levelCount; l++)
            {
                u[f][l] *= (1 - u[f][0]) / rest;
            }

            weights[f] = new double[levelCount];
            for (var l = 0; l < levelCount; l++)
            {
                weights[f][l] = Math.Log2(IdentityLevels.M[f][l] / u[f][l]);
            }
        }

        // Term frequencies of full names: agreeing on a name held by c of n people weighs log2(m / (c / n)).
        var nameCounts = new int[nameTexts.Length];
        long named = 0;
        foreach (var k in keys)
        {
            if (k.Name >= 0)
            {
                nameCounts[k.Name]++;
                named++;
            }
        }

        // Shares shrunk towards the prior by PriorPeople pseudo-people, so a name's share in a small register is not taken at face value.
        var nameExact = new double[nameTexts.Length];
        for (var v = 0; v < nameExact.Length; v++)
        {
            var share = (nameCounts[v] + (IdentityLevels.PriorU[1][0] * PriorPeople)) / (named + PriorPeople);
            nameExact[v] = Math.Log2(IdentityLevels.M[1][0] / share);
        }

        // A birth year agrees between two people far more often than a full date (about one pair in sixty in a national
        // register): agreement on a year only weighs log2(m / share of pairs born in one year), the month adding log2(12).
        var yearShare = ExactShare(keys, k => k.DateOfBirth == 0 ? null : k.DateOfBirth >> 9, IdentityLevels.PriorYearShare);
        var yearWeight = Math.Log2((IdentityLevels.M[2][IdentityLevels.DateExact] + IdentityLevels.M[2][IdentityLevels.DateCompatible]) / yearShare);

        return (u, weights, nameExact, yearWeight);
    }

    /// <summary>
    /// The probability that two distinct random people with the value present share it, Σ c(c−1) / (n(n−1)), shrunk towards
    /// <paramref name="prior"/> by <see cref="PriorExactPairs"/> pseudo-pairs: a register of a few thousand people cannot
    /// show how rarely two people share an identity number, and one of a million can.
    /// </summary>
    private static double ExactShare(IdentityKey[] keys, Func<IdentityKey, long?> value, double prior)
    {
        var counts = new Dictionary<long, long>();
        long n = 0;
        foreach (var k in keys)
        {
            if (value(k) is { } v)
            {
                counts[v] = counts.GetValueOrDefault(v) + 1;
                n++;
            }
        }

        double sum = 0;
        foreach (var c in counts.Values)
        {
            sum += (double)c * (c - 1);
        }

        return (sum + (prior * PriorExactPairs)) / (((double)n * (n - 1)) + PriorExactPairs);
    }

    private const double PriorPairs = 1_000;
    private const double PriorPeople = 10_000;
    private const double PriorExactPairs = 1e8;
}
