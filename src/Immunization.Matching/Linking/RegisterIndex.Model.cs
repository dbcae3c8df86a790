using Immunization.Matching.Comparators;

namespace Immunization.Matching.Linking;

public sealed partial class RegisterIndex
{
    /// <summary>
    /// Estimates u for every level of every field from the register: the exact levels from value counts (the probability
    /// that two random people share a value), the other levels from random pairs of people; and the full-name exact level
    /// per name from its frequency. Weights are log2(m/u) with the fixed m of <see cref="IdentityLevels.M"/>.
    /// </summary>
    private static (double[][] U, double[][] Weights, double[] NameExactWeights) EstimateModel(IdentityKey[] keys, string[] nameTexts,
        int tokenCount, int randomPairs)
    {
        _ = tokenCount;
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
        for (var s = 0; n > 1 && s < randomPairs; s++)
        {
            var i = random.Next(n);
            var j = random.Next(n);
            if (i == j)
            {
                continue;
            }

            ref readonly var a = ref keys[i];
            ref readonly var b = ref keys[j];
            levels[0] = IdentityComparison.CitizenId(a.CitizenId, a.CitizenIdLength, b.CitizenId, b.CitizenIdLength);
            levels[1] = a.Name < 0 || b.Name < 0 ? -1 : IdentityComparison.Name(a, b, nameTexts[a.Name], nameTexts[b.Name]);
            levels[2] = IdentityComparison.DateOfBirth(a.DateOfBirth, b.DateOfBirth);
            levels[3] = IdentityComparison.Sex(a.Sex, b.Sex);
            levels[4] = IdentityComparison.Phone(a.Phone, b.Phone);
            levels[5] = IdentityComparison.Residence(a.Province, a.Commune, b.Province, b.Commune);
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
        exact[0] = ExactShare(keys, k => k.CitizenIdLength == 0 ? null : k.CitizenId);
        exact[1] = ExactShare(keys, k => k.Name < 0 ? null : k.Name);
        exact[2] = ExactShare(keys, k => k.DateOfBirth == 0 ? null : k.DateOfBirth);
        exact[3] = ExactShare(keys, k => k.Sex == 0 ? null : k.Sex);
        exact[4] = ExactShare(keys, k => k.Phone == 0 ? null : k.Phone);
        exact[5] = ExactShare(keys, k => k.Commune < 0 ? null : k.Commune);

        var u = new double[fieldCount][];
        var weights = new double[fieldCount][];
        for (var f = 0; f < fieldCount; f++)
        {
            var levelCount = IdentityLevels.M[f].Length;
            u[f] = new double[levelCount];
            var sampled = Math.Max(present[f], 1);
            var floor = 0.5 / Math.Max(sampled, 1000);
            var rest = 0.0;
            for (var l = 1; l < levelCount; l++)
            {
                u[f][l] = Math.Max((double)counts[f][l] / sampled, floor);
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

        var nameExact = new double[nameTexts.Length];
        for (var v = 0; v < nameExact.Length; v++)
        {
            nameExact[v] = Math.Log2(IdentityLevels.M[1][0] / (Math.Max(nameCounts[v], 1) / (double)Math.Max(named, 1)));
        }

        return (u, weights, nameExact);
    }

    /// <summary>The probability that two distinct random people with the value present share it: Σ c(c−1) / (n(n−1)).</summary>
    private static double ExactShare(IdentityKey[] keys, Func<IdentityKey, long?> value)
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

        if (n < 2)
        {
            return 1e-6;
        }

        double sum = 0;
        foreach (var c in counts.Values)
        {
            sum += (double)c * (c - 1);
        }

        // Never below one in n: even unique numbers agree by accident (a relative's number, a typo landing on a real one),
        // and a single field must not outweigh all the others.
        return Math.Max(sum / ((double)n * (n - 1)), 1.0 / n);
    }
}
