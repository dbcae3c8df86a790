using Ardalis.GuardClauses;
using Immunization.Core.Evaluation;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Eligibility;

/// <content>"May this person have this product on this date?" (<see cref="Check"/>).</content>
public sealed partial class CovidEvaluator
{
    /// <summary>
    /// Whether a person may have a dose of a product on a date: the dose would count toward their status under the rules
    /// in effect then. The answer says which dose it would be, and the rule that allows or stops it (too young, too soon
    /// after the last dose with the earliest date, a product or mix not allowed then, no rule in effect yet, not in a group
    /// eligible for the second booster, not given in pregnancy, series complete).
    /// </summary>
    /// <remarks>
    /// It is the engine's own evaluation: the person's doses before <paramref name="date"/> and the proposed dose are
    /// evaluated as of <paramref name="date"/> (<see cref="Evaluate(CovidPerson, IEnumerable{AdministeredDose}, LocalDate)"/>), and the proposed dose is allowed when it is valid
    /// and adds a valid dose to the person's series. Doses on or after <paramref name="date"/> are ignored (the question is
    /// asked before giving the dose). The priority groups and risk conditions are those in effect on <paramref name="date"/>.
    /// </remarks>
    /// <param name="person">The facts about the person.</param>
    /// <param name="doses">The doses given, in any order (codes as in <c>VietnamCovidVaccines</c>).</param>
    /// <param name="productCode">The product proposed (CVX or local code, e.g. <c>208</c>, <c>VN-ABDALA</c>).</param>
    /// <param name="date">The date it would be given; not before the date of birth.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is before the date of birth, <paramref name="productCode"/> is blank, or a dose has no code.</exception>
    public CovidDoseDecision Check(CovidPerson person, IEnumerable<AdministeredDose> doses, string productCode, LocalDate date)
    {
        Guard.Against.Null(person);
        Guard.Against.Null(doses);
        Guard.Against.NullOrWhiteSpace(productCode);
        if (date < person.BirthDate)
        {
            throw new ArgumentException("The date asked about is before the date of birth.", nameof(date));
        }

        var prior = new List<AdministeredDose>();
        foreach (var dose in doses)
        {
            if (dose.DateAdministered < date)
            {
                prior.Add(dose);
            }
        }

        return Decide(person, prior, productCode, date, listAlternatives: true);
    }

    private CovidDoseDecision Decide(CovidPerson person, List<AdministeredDose> prior, string productCode, LocalDate date, bool listAlternatives)
    {
        var before = Evaluate(person, prior, date);
        var next = before.NextDose;
        var validBefore = CountValid(before);
        var number = next?.DoseNumber ?? validBefore + 1;
        var kind = next?.Kind ?? Kind(number, before.PrimaryDoses);
        var earliest = next?.Earliest;
        CovidDoseDecision Refuse(DoseDecisionRule rule, string why, LocalDate? from = null, IReadOnlyList<string>? products = null) =>
            new(date, productCode, false, rule, number, kind, from, products ?? [], why);

        if (!VietnamCovidSchedule.SupportingData.CvxMappings.ContainsKey(SupportingDataReader.NormalizeCvx(productCode)))
        {
            return Refuse(DoseDecisionRule.UnknownProduct, "not allowed: the code is not a product of Viet Nam's COVID-19 schedule", earliest);
        }

        if (next is null)
        {
            return Refuse(DoseDecisionRule.SeriesComplete, $"not allowed: {before.SeriesName} is complete, with every booster the schedule has; a further dose would be extraneous");
        }

        switch (next.Rule)
        {
            case NextDoseRule.AgedOut:
                return Refuse(DoseDecisionRule.AgedOut, $"not allowed: {next.Explanation}");
            case NextDoseRule.NotInSecondBoosterGroup:
                return Refuse(DoseDecisionRule.NotInSecondBoosterGroup, $"not allowed: {next.Explanation}");
        }

        if ((person.RiskConditionsOn(date) & RiskConditions.Pregnant) != 0 && IsNotInPregnancy(productCode))
        {
            return Refuse(DoseDecisionRule.NotInPregnancy, $"not allowed: {productCode} is not given in pregnancy (giadinh.net.vn; thanhnien.vn, 09/2021)", earliest);
        }

        var proposed = new AdministeredDose(date, productCode);
        var after = Evaluate(person, [.. prior, proposed], date);
        CovidDoseResult? result = null;
        foreach (var dose in after.Doses)
        {
            if (dose.Dose.DateAdministered == date)
            {
                result = dose;
            }
        }

        if (result is { Counts: true } && CountValid(after) > validBefore)
        {
            var n = result.DoseNumber ?? number;
            var k = Kind(n, after.PrimaryDoses);
            var grace = result.Reason == DoseStatusReason.GracePeriod;
            return new(date, productCode, true, grace ? DoseDecisionRule.GracePeriod : DoseDecisionRule.Allowed, n, k, earliest, [],
                grace
                    ? $"allowed: {result.Explanation}; it counts only within the 4-day grace period (earliest date {new IsoDate(earliest)})"
                    : $"allowed: {result.Explanation}");
        }

        if (next.Rule == NextDoseRule.NotYetInEffect && earliest is { } effective && effective > date)
        {
            return Refuse(DoseDecisionRule.NotYetInEffect, $"not allowed: {next.Explanation}", earliest);
        }

        var reason = result?.Reason ?? DoseStatusReason.None;
        return reason switch
        {
            DoseStatusReason.TooYoung => Refuse(DoseDecisionRule.TooYoung, $"not allowed: too young for dose {number} of {before.SeriesName} until {new IsoDate(earliest)}", earliest),
            DoseStatusReason.TooSoon => Refuse(DoseDecisionRule.TooSoon, $"not allowed: too soon after the previous dose; dose {number} of {before.SeriesName} counts from {new IsoDate(earliest)}", earliest),
            DoseStatusReason.TooOld => Refuse(DoseDecisionRule.AgedOut, $"not allowed: older than dose {number} of {before.SeriesName} allows"),
            DoseStatusReason.SeriesAlreadyComplete => Refuse(DoseDecisionRule.SeriesComplete, $"not allowed: {before.SeriesName} is complete; the dose would be extraneous"),
            _ => Refuse(
                DoseDecisionRule.ProductNotAllowed,
                $"not allowed: {productCode} is not allowed for dose {number} of {before.SeriesName} on that date (age, mixing or booster rules then in effect)"
                    + (result is { Counts: true } ? "; it would count only by restarting a different series" : string.Empty),
                earliest,
                listAlternatives ? Alternatives(person, prior, productCode, date) : []),
        };
    }

    private List<string> Alternatives(CovidPerson person, List<AdministeredDose> prior, string refused, LocalDate date)
    {
        var codes = new List<string>();
        foreach (var code in VietnamCovidSchedule.SupportingData.CvxMappings.Keys.Order(StringComparer.Ordinal))
        {
            if (!string.Equals(code, SupportingDataReader.NormalizeCvx(refused), StringComparison.Ordinal)
                && Decide(person, prior, code, date, listAlternatives: false).IsAllowed)
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    private bool IsNotInPregnancy(string productCode)
    {
        var code = SupportingDataReader.NormalizeCvx(productCode);
        foreach (var listed in Options.NotInPregnancyProducts)
        {
            if (string.Equals(SupportingDataReader.NormalizeCvx(listed), code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountValid(CovidAssessment assessment)
    {
        var count = 0;
        foreach (var dose in assessment.Doses)
        {
            if (dose.Counts)
            {
                count++;
            }
        }

        return count;
    }
}
