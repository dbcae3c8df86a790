using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Immunization.Core.Vaccines;

/// <summary>
/// The COVID-19 vaccine products used in Viet Nam's 2021–2022 campaign, with the codes the project's standard files use.
/// </summary>
/// <remarks>
/// <para>
/// CVX codes are those of CDC's CDSi supporting data 4.64 (<c>ScheduleSupportingData.xml</c>, CVX map): AstraZeneca 210,
/// Pfizer-BioNTech 208 / 217 (30 µg, ages 12+) and 218 (10 µg, ages 5–11), Moderna 207 (100 µg) and 221 (50 µg),
/// Janssen 212, Sinopharm BIBP 510 (Vero Cell; Hayat-Vax is the same product packaged in the UAE and uses 510 too),
/// Sputnik V 505, and 500 for "COVID-19 non-US vaccine, product unknown".
/// </para>
/// <para>
/// Abdala (CIGB, Cuba; emergency use in Viet Nam from 17 September 2021) has no CVX code (CVX 518 is Valneva's VLA2001,
/// not Abdala), so it has the local code <c>VN-ABDALA</c>. Every local code starts with <c>VN-</c>.
/// </para>
/// <threadsafety>All members are safe to use from any thread.</threadsafety>
/// </remarks>
public static class VietnamCovidVaccines
{
    /// <summary>AstraZeneca (Vaxzevria, and Covishield made under licence), CVX 210.</summary>
    public static VaccineProduct AstraZeneca { get; } = Cvx("210", "AstraZeneca (Vaxzevria)", "AstraZeneca");

    /// <summary>Pfizer-BioNTech Comirnaty 30 µg / 0.3 mL (ages 12 and over), CVX 208.</summary>
    public static VaccineProduct Pfizer { get; } = Cvx("208", "Pfizer-BioNTech (Comirnaty) 30 µg", "Pfizer-BioNTech");

    /// <summary>Pfizer-BioNTech Comirnaty 30 µg / 0.3 mL in the tris-sucrose formulation (ages 12 and over), CVX 217.</summary>
    public static VaccineProduct PfizerTrisSucrose { get; } =
        Cvx("217", "Pfizer-BioNTech (Comirnaty) 30 µg, tris-sucrose", "Pfizer-BioNTech");

    /// <summary>Pfizer-BioNTech Comirnaty 10 µg / 0.2 mL for children aged 5–11, CVX 218.</summary>
    public static VaccineProduct PfizerPaediatric { get; } =
        Cvx("218", "Pfizer-BioNTech (Comirnaty) 10 µg, ages 5–11", "Pfizer-BioNTech");

    /// <summary>Moderna Spikevax 100 µg / 0.5 mL (primary series), CVX 207.</summary>
    public static VaccineProduct Moderna { get; } = Cvx("207", "Moderna (Spikevax) 100 µg", "Moderna");

    /// <summary>Moderna Spikevax 50 µg (boosters, and the 6–11 primary series), CVX 221.</summary>
    public static VaccineProduct ModernaHalfDose { get; } = Cvx("221", "Moderna (Spikevax) 50 µg", "Moderna");

    /// <summary>Janssen (Johnson &amp; Johnson), a single-dose vector vaccine, CVX 212.</summary>
    public static VaccineProduct Janssen { get; } = Cvx("212", "Janssen (Johnson & Johnson)", "Janssen");

    /// <summary>Sinopharm BIBP (Vero Cell), also sold as Hayat-Vax, CVX 510.</summary>
    public static VaccineProduct Sinopharm { get; } = Cvx("510", "Sinopharm BIBP (Vero Cell, Hayat-Vax)", "Sinopharm / Beijing Institute of Biological Products");

    /// <summary>Sputnik V (Gamaleya), CVX 505.</summary>
    public static VaccineProduct SputnikV { get; } = Cvx("505", "Sputnik V", "Gamaleya Research Institute");

    /// <summary>Abdala (CIGB, Cuba), three doses 14 days apart; local code <c>VN-ABDALA</c> (no CVX code exists).</summary>
    public static VaccineProduct Abdala { get; } =
        new("VN-ABDALA", VaccineCodeSystem.Local, "Abdala", "Center for Genetic Engineering and Biotechnology (CIGB), Cuba");

    /// <summary>A COVID-19 vaccine given outside the United States whose product is not known, CVX 500.</summary>
    public static VaccineProduct UnknownProduct { get; } = Cvx("500", "COVID-19 vaccine, product unknown", "unknown");

    /// <summary>Every product above, in a fixed order.</summary>
    public static IReadOnlyList<VaccineProduct> All { get; } =
    [
        AstraZeneca, Pfizer, PfizerTrisSucrose, PfizerPaediatric, Moderna, ModernaHalfDose, Janssen, Sinopharm, SputnikV, Abdala,
        UnknownProduct,
    ];

    private static readonly FrozenDictionary<string, VaccineProduct> s_byCode =
        All.ToFrozenDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a product by its code (<c>"210"</c>, <c>"VN-ABDALA"</c>; local codes ignore case).</summary>
    /// <param name="code">The code as written in a record; surrounding white space is ignored.</param>
    /// <param name="product">The product, or <see langword="null"/> when the code is not in the catalogue.</param>
    /// <returns><see langword="true"/> when the code names a product of the catalogue.</returns>
    public static bool TryFind(string? code, [NotNullWhen(true)] out VaccineProduct? product)
    {
        product = null;
        return code is not null && s_byCode.TryGetValue(code.Trim(), out product);
    }

    private static VaccineProduct Cvx(string code, string name, string manufacturer) =>
        new(code, VaccineCodeSystem.Cvx, name, manufacturer);
}
