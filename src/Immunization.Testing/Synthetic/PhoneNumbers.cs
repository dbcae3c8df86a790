namespace Immunization.Testing.Synthetic;

/// <summary>
/// Vietnamese mobile numbers: the 10-digit prefixes in use since the 2018 renumbering, and the 11-digit prefixes they
/// replaced (Ministry of Information and Communications, Decision 798/QĐ-BTTTT, 25 May 2018, applied from
/// 15 September 2018).
/// </summary>
/// <remarks>
/// Operator shares (Viettel about 55 %, VinaPhone 25 %, MobiFone 18 %, others 2 %) are round figures in line with
/// the ministry's published subscriber counts; within an operator every prefix is equally likely (a modelling choice).
/// </remarks>
internal static class PhoneNumbers
{
    private static readonly (string Operator, double Share, string[] Prefixes)[] s_operators =
    [
        ("Viettel", 0.55, ["086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039"]),
        ("VinaPhone", 0.25, ["088", "091", "094", "081", "082", "083", "084", "085"]),
        ("MobiFone", 0.18, ["089", "090", "093", "070", "076", "077", "078", "079"]),
        ("Vietnamobile", 0.014, ["092", "056", "058"]),
        ("Gmobile", 0.006, ["099", "059"]),
    ];

    /// <summary>New 3-digit prefix → the 4-digit prefix it replaced in 2018.</summary>
    private static readonly Dictionary<string, string> s_oldPrefix = new(StringComparer.Ordinal)
    {
        ["032"] = "0162", ["033"] = "0163", ["034"] = "0164", ["035"] = "0165", ["036"] = "0166", ["037"] = "0167",
        ["038"] = "0168", ["039"] = "0169",
        ["070"] = "0120", ["079"] = "0121", ["077"] = "0122", ["076"] = "0126", ["078"] = "0128",
        ["083"] = "0123", ["084"] = "0124", ["085"] = "0125", ["081"] = "0127", ["082"] = "0129",
        ["056"] = "0186", ["058"] = "0188", ["059"] = "0199",
    };

    private static readonly WeightedList<string> s_prefixes = BuildPrefixes();

    private static WeightedList<string> BuildPrefixes()
    {
        var entries = new List<(string, double)>();
        foreach (var (_, share, prefixes) in s_operators)
        {
            foreach (var prefix in prefixes)
            {
                entries.Add((prefix, share / prefixes.Length));
            }
        }

        return new WeightedList<string>(entries);
    }

    /// <summary>A 10-digit mobile number, <c>0</c> and nine digits.</summary>
    public static string Next(ref Xoshiro256StarStar rng)
    {
        var prefix = s_prefixes.Next(ref rng);
        Span<char> digits = stackalloc char[10];
        prefix.AsSpan().CopyTo(digits);
        for (var i = 3; i < 10; i++)
        {
            digits[i] = (char)('0' + rng.Next(10));
        }

        return new string(digits);
    }

    /// <summary>Whether the number's prefix replaced an 11-digit prefix in 2018.</summary>
    public static bool HasOldForm(string phone) => phone.Length == 10 && s_oldPrefix.ContainsKey(phone[..3]);

    /// <summary>The 11-digit form the number had before September 2018 (only when <see cref="HasOldForm"/>).</summary>
    public static string OldForm(string phone) => s_oldPrefix[phone[..3]] + phone[3..];
}
