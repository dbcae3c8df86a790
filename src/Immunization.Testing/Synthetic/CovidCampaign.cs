using Immunization.Core.Vaccines;
using NodaTime;

namespace Immunization.Testing.Synthetic;

/// <summary>
/// Viet Nam's COVID-19 vaccination campaign, 8 March 2021 to 31 December 2022, close enough to be plausible: who was
/// eligible when, which products were given, at what intervals, and how many people took each dose.
/// </summary>
/// <remarks>
/// <para>Facts (see <c>shared/research/immunization-schedules.md</c>, section 4):</para>
/// <list type="bullet">
/// <item>Dose 1 → dose 2 intervals (QĐ 3588/QĐ-BYT, 26 July 2021): AstraZeneca 8–12 weeks (shortened to 4 weeks and
/// more by provinces after the MoH letter of 20 September 2021), Pfizer and Sputnik V 3 weeks, Sinopharm 3–4 weeks,
/// Moderna 4 weeks; Abdala 3 doses 14 days apart (ages 19–65); Janssen a single dose.</item>
/// <item>Mixing: from 8 September 2021 AstraZeneca may be followed by Pfizer or Moderna; Sinopharm, Sputnik V and Abdala
/// stay the same product.</item>
/// <item>Ages 12–17 from late October 2021: Pfizer, 2 doses of the same brand, 3 weeks apart; dose 3 five months after
/// dose 2. Ages 5–11 from April 2022: Pfizer 10 µg or Moderna 50 µg (6–11), 2 doses 4 weeks apart, no mixing.</item>
/// <item>Adults: dose 3 (booster) from 1 December 2021 at 6 months, cut to 3 months on 17 December 2021; mRNA or
/// AstraZeneca. Dose 4 (the second booster) from May 2022 for people aged 50 or more and high-exposure groups, 4 months
/// after dose 3 (mRNA, AstraZeneca or the dose-3 product were allowed; this model gives mRNA only).</item>
/// </list>
/// <para>
/// Uptake: at least one dose for 95.3 % of adults and 95.8 % of people aged 12 and over, the figures Hậu Giang reported
/// in November 2021 (<c>shared/domain.md</c>). The other shares below (dose 2 after dose 1, boosters, ages 5–11, the
/// mix of products by period, the month of the first dose) are modelling assumptions chosen to give plausible
/// national figures; they are not sourced and are marked as such.
/// </para>
/// </remarks>
internal static class CovidCampaign
{
    public static readonly LocalDate Start = new(2021, 3, 8);
    public static readonly LocalDate End = new(2022, 12, 31);
    private static readonly LocalDate s_mixingAllowed = new(2021, 9, 8);
    private static readonly LocalDate s_azShortened = new(2021, 9, 20);
    private static readonly LocalDate s_boosterStart = new(2021, 12, 1);
    private static readonly LocalDate s_boosterThreeMonths = new(2021, 12, 17);
    private static readonly LocalDate s_fourthDoseStart = new(2022, 5, 1);
    private static readonly LocalDate s_teenStart = new(2021, 10, 28);
    private static readonly LocalDate s_childStart = new(2022, 4, 14);

    // Uptake of dose 1 by age at the start of the person's eligibility: sourced for 18+ and 12+ (see remarks).
    public const double AdultFirstDose = 0.953;
    public const double TeenFirstDose = 0.97;
    public const double ChildFirstDose = 0.75; // assumption

    private const double AdultSecondDose = 0.93; // assumption
    private const double TeenSecondDose = 0.95; // assumption
    private const double ChildSecondDose = 0.8; // assumption
    private const double AdultBooster = 0.72; // assumption
    private const double TeenBooster = 0.55; // assumption
    private const double FourthDose = 0.45; // assumption, among the eligible

    // Month of the first dose for adults, March 2021 to March 2022 (assumption shaped on the campaign's peak in
    // September–October 2021).
    private static readonly WeightedTable s_adultFirstMonth = new([0.3, 0.4, 0.8, 2, 6, 15, 27, 25, 14, 6, 2, 1, 0.5]);
    private static readonly WeightedTable s_frontlineFirstMonth = new([25, 25, 20, 15, 10, 5]);
    private static readonly WeightedTable s_teenFirstMonth = new([0.2, 40, 35, 15, 6, 3]); // Oct 2021 – Mar 2022
    private static readonly WeightedTable s_childFirstMonth = new([30, 30, 20, 10, 5, 3, 2]); // Apr – Oct 2022

    // March to May 2021: AstraZeneca only (COVAX and purchased doses); Sinopharm from June.
    private static readonly WeightedList<VaccineProduct> s_adultEarly = new([(VietnamCovidVaccines.AstraZeneca, 1.0)]);

    private static readonly WeightedList<VaccineProduct> s_adultJune = new(
        [(VietnamCovidVaccines.AstraZeneca, 0.85), (VietnamCovidVaccines.Sinopharm, 0.15)]);

    private static readonly WeightedList<VaccineProduct> s_adultSummer = new(
    [
        (VietnamCovidVaccines.AstraZeneca, 0.40), (VietnamCovidVaccines.Sinopharm, 0.30), (VietnamCovidVaccines.Pfizer, 0.15),
        (VietnamCovidVaccines.Moderna, 0.12), (VietnamCovidVaccines.SputnikV, 0.02), (VietnamCovidVaccines.Janssen, 0.01),
    ]);

    private static readonly WeightedList<VaccineProduct> s_adultAutumn = new(
    [
        (VietnamCovidVaccines.AstraZeneca, 0.40), (VietnamCovidVaccines.Pfizer, 0.25), (VietnamCovidVaccines.Sinopharm, 0.15),
        (VietnamCovidVaccines.Moderna, 0.08), (VietnamCovidVaccines.Abdala, 0.10), (VietnamCovidVaccines.SputnikV, 0.01),
        (VietnamCovidVaccines.Janssen, 0.01),
    ]);

    private static readonly WeightedList<VaccineProduct> s_adultLate = new(
        [(VietnamCovidVaccines.AstraZeneca, 0.4), (VietnamCovidVaccines.Pfizer, 0.4), (VietnamCovidVaccines.Moderna, 0.2)]);

    private static readonly WeightedList<VaccineProduct> s_booster = new(
    [
        (VietnamCovidVaccines.Pfizer, 0.30), (VietnamCovidVaccines.PfizerTrisSucrose, 0.15),
        (VietnamCovidVaccines.ModernaHalfDose, 0.35), (VietnamCovidVaccines.AstraZeneca, 0.20),
    ]);

    // The second booster: the MoH guidance of May 2022 allowed mRNA, AstraZeneca or the dose-3 product (research notes,
    // section 4); this model gives mRNA only (a modelling choice, not a measured mix), so no history ends on a fourth or
    // fifth dose of AstraZeneca.
    private static readonly WeightedList<VaccineProduct> s_secondBooster = new(
    [
        (VietnamCovidVaccines.Pfizer, 0.30), (VietnamCovidVaccines.PfizerTrisSucrose, 0.25), (VietnamCovidVaccines.ModernaHalfDose, 0.45),
    ]);

    /// <summary>The shortest dose 1 → dose 2 interval in days this model uses for a product (for validity checks).</summary>
    public static int MinimumSecondDoseInterval(VaccineProduct product) => product.Code switch
    {
        "210" => 28,
        "207" or "221" => 28,
        "VN-ABDALA" => 14,
        _ => 21,
    };

    /// <summary>Products that are given to a person under 18 (with the youngest age for each).</summary>
    public static int MinimumAge(VaccineProduct product) => product.Code switch
    {
        "218" => 5,
        "221" => 6,
        "208" or "217" => 12,
        "VN-ABDALA" => 19,
        _ => 18,
    };

    /// <summary>Whether the primary series of this product must be completed with the same product.</summary>
    public static bool RequiresSameProduct(VaccineProduct product) => product.Code is "510" or "505" or "VN-ABDALA";

    /// <summary>The number of doses in the product's primary series.</summary>
    public static int PrimaryDoses(VaccineProduct product) => product.Code switch
    {
        "212" => 1,
        "VN-ABDALA" => 3,
        _ => 2,
    };

    /// <summary>Draws a person's history; <paramref name="frontline"/> people (priority groups 1–5) start early and
    /// are eligible for dose 4 whatever their age.</summary>
    public static List<SyntheticDose> History(ref Xoshiro256StarStar rng, LocalDate dateOfBirth, bool frontline)
    {
        var doses = new List<SyntheticDose>(4);
        var ageAtEnd = Age(dateOfBirth, End);
        if (ageAtEnd < 5)
        {
            return doses;
        }

        var ageAtStart = Age(dateOfBirth, Start);
        if (ageAtStart >= 18)
        {
            Adult(ref rng, dateOfBirth, frontline, doses);
        }
        else if (Age(dateOfBirth, new LocalDate(2022, 3, 31)) >= 12)
        {
            Teen(ref rng, dateOfBirth, doses);
        }
        else
        {
            Child(ref rng, dateOfBirth, doses);
        }

        doses.RemoveAll(d => d.Date > End);
        return doses;
    }

    private static void Adult(ref Xoshiro256StarStar rng, LocalDate dateOfBirth, bool frontline, List<SyntheticDose> doses)
    {
        if (!rng.Chance(AdultFirstDose))
        {
            return;
        }

        var month = frontline ? s_frontlineFirstMonth.Next(ref rng) : s_adultFirstMonth.Next(ref rng);
        var first = DayInMonth(ref rng, new LocalDate(2021, 3, 1).PlusMonths(month));
        if (first < Start)
        {
            first = Start.PlusDays(rng.Next(20));
        }

        var product = first < new LocalDate(2021, 6, 1) ? s_adultEarly.Next(ref rng)
            : first < new LocalDate(2021, 7, 1) ? s_adultJune.Next(ref rng)
            : first < new LocalDate(2021, 10, 1) ? s_adultSummer.Next(ref rng)
            : first < new LocalDate(2022, 1, 1) ? s_adultAutumn.Next(ref rng)
            : s_adultLate.Next(ref rng);
        var age = Age(dateOfBirth, first);
        if (product == VietnamCovidVaccines.Abdala && age is < 19 or > 65)
        {
            product = VietnamCovidVaccines.AstraZeneca;
        }

        doses.Add(new SyntheticDose(first, product, 1, false));
        var primaryEnd = first;
        if (PrimaryDoses(product) >= 2)
        {
            if (!rng.Chance(AdultSecondDose))
            {
                return;
            }

            var second = first.PlusDays(SecondDoseInterval(ref rng, product, first));
            var secondProduct = product;
            if (product == VietnamCovidVaccines.AstraZeneca && second >= s_mixingAllowed && rng.Chance(0.2))
            {
                secondProduct = rng.Chance(0.75) ? VietnamCovidVaccines.Pfizer : VietnamCovidVaccines.Moderna;
            }

            doses.Add(new SyntheticDose(second, secondProduct, 2, false));
            primaryEnd = second;
            if (PrimaryDoses(product) == 3)
            {
                var third = second.PlusDays(rng.Between(14, 21));
                doses.Add(new SyntheticDose(third, product, 3, false));
                primaryEnd = third;
            }
        }

        if (!rng.Chance(AdultBooster))
        {
            return;
        }

        var earliest = primaryEnd.PlusMonths(3);
        if (earliest < s_boosterThreeMonths)
        {
            var sixMonths = primaryEnd.PlusMonths(6);
            earliest = sixMonths >= s_boosterStart && sixMonths < s_boosterThreeMonths ? sixMonths : s_boosterThreeMonths;
        }

        var booster = earliest.PlusDays(Skewed(ref rng, 150));
        doses.Add(new SyntheticDose(booster, s_booster.Next(ref rng), doses.Count + 1, true));

        var eligibleForFourth = frontline || Age(dateOfBirth, booster) >= 50;
        if (!eligibleForFourth || !rng.Chance(FourthDose))
        {
            return;
        }

        var fourthEarliest = booster.PlusMonths(4);
        if (fourthEarliest < s_fourthDoseStart)
        {
            fourthEarliest = s_fourthDoseStart;
        }

        doses.Add(new SyntheticDose(fourthEarliest.PlusDays(Skewed(ref rng, 120)), s_secondBooster.Next(ref rng), doses.Count + 1, true));
    }

    private static void Teen(ref Xoshiro256StarStar rng, LocalDate dateOfBirth, List<SyntheticDose> doses)
    {
        if (!rng.Chance(TeenFirstDose))
        {
            return;
        }

        var first = DayInMonth(ref rng, new LocalDate(2021, 10, 1).PlusMonths(s_teenFirstMonth.Next(ref rng)));
        if (first < s_teenStart)
        {
            first = s_teenStart.PlusDays(rng.Next(4));
        }

        // A teenager who is still under 12 on that date waits for the 12th birthday.
        var twelfth = dateOfBirth.PlusYears(12);
        if (first < twelfth)
        {
            first = twelfth.PlusDays(rng.Next(30));
        }

        var product = first.Year >= 2022 ? VietnamCovidVaccines.PfizerTrisSucrose : VietnamCovidVaccines.Pfizer;
        doses.Add(new SyntheticDose(first, product, 1, false));
        if (!rng.Chance(TeenSecondDose))
        {
            return;
        }

        var second = first.PlusDays(SecondDoseInterval(ref rng, product, first));
        doses.Add(new SyntheticDose(second, product, 2, false));
        if (rng.Chance(TeenBooster))
        {
            var third = second.PlusMonths(5).PlusDays(Skewed(ref rng, 120));
            doses.Add(new SyntheticDose(third, VietnamCovidVaccines.PfizerTrisSucrose, 3, true));
        }
    }

    private static void Child(ref Xoshiro256StarStar rng, LocalDate dateOfBirth, List<SyntheticDose> doses)
    {
        if (!rng.Chance(ChildFirstDose))
        {
            return;
        }

        var first = DayInMonth(ref rng, new LocalDate(2022, 4, 1).PlusMonths(s_childFirstMonth.Next(ref rng)));
        if (first < s_childStart)
        {
            first = s_childStart.PlusDays(rng.Next(10));
        }

        var fifth = dateOfBirth.PlusYears(5);
        if (first < fifth)
        {
            first = fifth.PlusDays(rng.Next(30));
        }

        // The formulation follows the age at each dose: a child who has turned 12 gets the 12-and-over Pfizer 30 µg
        // (the rule in the product information), not the 10 µg or Moderna 50 µg of ages 5–11.
        var product = Age(dateOfBirth, first) >= 12 ? VietnamCovidVaccines.PfizerTrisSucrose
            : Age(dateOfBirth, first) >= 6 && rng.Chance(0.15) ? VietnamCovidVaccines.ModernaHalfDose
            : VietnamCovidVaccines.PfizerPaediatric;
        doses.Add(new SyntheticDose(first, product, 1, false));
        if (rng.Chance(ChildSecondDose))
        {
            var second = first.PlusDays(rng.Between(28, 35) + Skewed(ref rng, 30));
            var secondProduct = Age(dateOfBirth, second) >= 12 ? VietnamCovidVaccines.PfizerTrisSucrose : product;
            doses.Add(new SyntheticDose(second, secondProduct, 2, false));
        }
    }

    private static int SecondDoseInterval(ref Xoshiro256StarStar rng, VaccineProduct product, LocalDate first)
    {
        // Most people came back on time; one in ten came back up to two months late.
        var late = rng.Chance(0.1) ? rng.Next(60) : 0;
        return late + product.Code switch
        {
            "210" => first >= s_azShortened.PlusDays(-28) ? rng.Between(28, 84) : rng.Between(56, 84),
            "207" or "221" => rng.Between(28, 35),
            "218" => rng.Between(28, 35),
            "VN-ABDALA" => rng.Between(14, 21),
            _ => rng.Between(21, 28),
        };
    }

    // 0..max-1 days, smaller delays more likely (the sum of two uniforms' minimum).
    private static int Skewed(ref Xoshiro256StarStar rng, int max) => Math.Min(rng.Next(max), rng.Next(max));

    private static LocalDate DayInMonth(ref Xoshiro256StarStar rng, LocalDate firstOfMonth) =>
        firstOfMonth.PlusDays(rng.Next(firstOfMonth.Calendar.GetDaysInMonth(firstOfMonth.Year, firstOfMonth.Month)));

    /// <summary>Age in whole years on a date.</summary>
    public static int Age(LocalDate dateOfBirth, LocalDate on)
    {
        var age = on.Year - dateOfBirth.Year;
        return on.Month < dateOfBirth.Month || (on.Month == dateOfBirth.Month && on.Day < dateOfBirth.Day) ? age - 1 : age;
    }
}
