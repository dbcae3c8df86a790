using Immunization.Core.Identity;

namespace Immunization.Testing.Synthetic;

/// <summary>
/// Vietnamese mobile numbers: the 10-digit prefixes in use since the 2018 renumbering (Ministry of Information and
/// Communications, Decision 798/QĐ-BTTTT, 25 May 2018, applied from 15 September 2018).
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

    /// <summary>
    /// The 11-digit form the number had before September 2018, or <see langword="null"/> when its prefix did not change
    /// (Core's <see cref="PhoneNumber.ToLegacyMobileForm"/>, which holds the full conversion table).
    /// </summary>
    public static string? OldForm(string phone) => PhoneNumber.Parse(phone).ToLegacyMobileForm();
}
