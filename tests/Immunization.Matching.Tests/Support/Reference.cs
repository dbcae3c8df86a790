using Immunization.Matching.Comparators;
namespace Immunization.Matching.Tests.Support;

/// <summary>Textbook implementations, written for clarity, that the fast comparators are checked against.</summary>
internal static class Reference
{
    /// <summary>Jaro-Winkler as in jellyfish: flags arrays, a scan of the window, prefix bonus above 0.7.</summary>
    public static double JaroWinkler(string s1, string s2)
    {
        if (s1.Length == 0 || s2.Length == 0)
        {
            return s1.Length == s2.Length ? 1.0 : 0.0;
        }

        var range = Math.Max(0, (Math.Max(s1.Length, s2.Length) / 2) - 1);
        var f1 = new bool[s1.Length];
        var f2 = new bool[s2.Length];
        var common = 0;
        for (var i = 0; i < s1.Length; i++)
        {
            var lo = Math.Max(0, i - range);
            var hi = Math.Min(i + range, s2.Length - 1);
            for (var j = lo; j <= hi; j++)
            {
                if (!f2[j] && s2[j] == s1[i])
                {
                    f1[i] = f2[j] = true;
                    common++;
                    break;
                }
            }
        }

        if (common == 0)
        {
            return 0.0;
        }

        var k = 0;
        var trans = 0;
        for (var i = 0; i < s1.Length; i++)
        {
            if (!f1[i])
            {
                continue;
            }

            while (!f2[k])
            {
                k++;
            }

            if (s1[i] != s2[k])
            {
                trans++;
            }

            k++;
        }

        trans /= 2;
        double c = common;
        var weight = ((c / s1.Length) + (c / s2.Length) + ((c - trans) / c)) / 3.0;
        if (weight > 0.7)
        {
            var limit = Math.Min(Math.Min(s1.Length, s2.Length), 4);
            var p = 0;
            while (p < limit && s1[p] == s2[p])
            {
                p++;
            }

            weight += p * 0.1 * (1.0 - weight);
        }

        return weight;
    }

    /// <summary>The optimal string alignment distance on a full matrix.</summary>
    public static int Osa(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The pair in the canonical order the fast Jaro-Winkler uses (shorter first, then ordinal).</summary>
    public static (string, string) Canonical(string a, string b) =>
        a.Length > b.Length || (a.Length == b.Length && string.CompareOrdinal(a, b) > 0) ? (b, a) : (a, b);
}
