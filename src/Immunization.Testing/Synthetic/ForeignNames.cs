namespace Immunization.Testing.Synthetic;

/// <summary>
/// Names and nationalities for foreigners vaccinated in Viet Nam (not in the population register). The nationality mix is
/// a modelling choice weighted towards the largest foreign communities (Korea, China, Japan, Taiwan); the names are the
/// most common romanised family and given names of each country, shared by millions.
/// </summary>
internal static class ForeignNames
{
    private sealed record Country(string Code, string[] Families, string[] Givens, bool FamilyFirst, char PassportLetter);

    private static readonly WeightedList<Country> s_countries = new(
    [
        (new Country("KR", ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"], ["Min-jun", "Seo-yeon", "Ji-hoon", "Ji-woo", "Hyun-woo", "Soo-ah"], true, 'M'), 0.30),
        (new Country("CN", ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao"], ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Yong", "Jun"], true, 'E'), 0.28),
        (new Country("JP", ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito"], ["Hiroshi", "Yuki", "Haruto", "Aoi", "Takeshi", "Yui"], true, 'T'), 0.14),
        (new Country("TW", ["Chen", "Lin", "Huang", "Chang", "Lee", "Wang"], ["Chia-hao", "Yi-ting", "Chih-ming", "Shu-fen"], true, '3'), 0.10),
        (new Country("US", ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller"], ["James", "Mary", "John", "Linda", "Michael", "Sarah"], false, '5'), 0.08),
        (new Country("FR", ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit"], ["Jean", "Marie", "Pierre", "Camille", "Louis", "Léa"], false, '1'), 0.05),
        (new Country("AU", ["Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor"], ["Jack", "Olivia", "William", "Charlotte", "Noah", "Amelia"], false, 'P'), 0.05),
    ]);

    /// <summary>A foreigner's nationality, name (in the order the person's country writes it) and passport number.</summary>
    public static (string Nationality, string FullName, string Passport) Next(ref Xoshiro256StarStar rng)
    {
        var country = s_countries.Next(ref rng);
        var family = country.Families[rng.Next(country.Families.Length)];
        var given = country.Givens[rng.Next(country.Givens.Length)];
        var name = country.FamilyFirst ? family + " " + given : given + " " + family;
        Span<char> passport = stackalloc char[9];
        passport[0] = country.PassportLetter;
        for (var i = 1; i < passport.Length; i++)
        {
            passport[i] = (char)('0' + rng.Next(10));
        }

        return (country.Code, name, new string(passport));
    }

    /// <summary>A Vietnamese passport number (a letter and 7 digits), for citizens born abroad.</summary>
    public static string VietnamesePassport(ref Xoshiro256StarStar rng)
    {
        Span<char> passport = stackalloc char[8];
        passport[0] = rng.Chance(0.5) ? 'C' : 'N';
        for (var i = 1; i < passport.Length; i++)
        {
            passport[i] = (char)('0' + rng.Next(10));
        }

        return new string(passport);
    }
}
