using System.Globalization;
using Immunization.Core.Evaluation;
using NodaTime;

namespace Immunization.Cli.Cdsi;

/// <summary>The outcome of one test case: passed, or the differences from CDC's expected results.</summary>
internal sealed record CdsiTestCaseOutcome(CdsiTestCase Case, string VaccineGroup, IReadOnlyList<string> Differences)
{
    public bool Passed => Differences.Count == 0;
}

/// <summary>
/// Runs CDC test cases through the engine and compares, as CDC's layout defines them: the evaluation status of each
/// dose (for the vaccine group under test), the series status, and the earliest, recommended and past-due dates.
/// </summary>
internal sealed class CdsiTestCaseRunner(CdsiEngine engine)
{
    // CDC's test files name vaccine groups with short codes; the supporting data uses full names.
    private static readonly Dictionary<string, string> s_groups = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DTAP"] = "DTaP/Tdap/Td",
        ["TDAP"] = "DTaP/Tdap/Td",
        ["TD"] = "DTaP/Tdap/Td",
        ["POL"] = "Polio",
        ["IPV"] = "Polio",
        ["HIB"] = "Hib",
        ["PCV"] = "Pneumococcal",
        ["PNEUMO"] = "Pneumococcal",
        ["VAR"] = "Varicella",
        ["ROTA"] = "Rotavirus",
        ["MCV"] = "Meningococcal",
        ["MENACWY"] = "Meningococcal",
        ["MENB"] = "Meningococcal B",
        ["FLU"] = "Influenza",
        ["JE"] = "Japanese Encephalitis",
        ["YF"] = "Yellow Fever",
    };

    public string GroupName(string testGroup) =>
        s_groups.TryGetValue(testGroup, out var name) ? name
        : engine.SupportingData.VaccineGroups.FirstOrDefault(g => string.Equals(g, testGroup, StringComparison.OrdinalIgnoreCase)) ?? testGroup;

    public CdsiTestCaseOutcome Run(CdsiTestCase testCase)
    {
        var group = GroupName(testCase.VaccineGroup);
        var differences = new List<string>();
        if (!engine.SupportingData.VaccineGroups.Contains(group, StringComparer.OrdinalIgnoreCase))
        {
            differences.Add($"vaccine group '{testCase.VaccineGroup}' is not in the supporting data");
            return new CdsiTestCaseOutcome(testCase, group, differences);
        }

        var patient = new CdsiPatient(testCase.DateOfBirth, testCase.Sex, testCase.Observations);
        var assessment = engine.Evaluate(patient, testCase.Doses.Select(d => d.Dose), testCase.AssessmentDate, [group]);
        ImmunizationAssessment? full = null;
        for (var i = 0; i < testCase.Doses.Count; i++)
        {
            var expected = testCase.Doses[i];
            if (expected.ExpectedStatus.Length == 0)
            {
                continue;
            }

            var evaluations = assessment.Evaluations.Where(e => e.Dose == expected.Dose).ToList();
            if (evaluations.Count == 0)
            {
                // A dose of another vaccine group (e.g. varicella in an MMR case): CDC gives its status for its own group.
                full ??= engine.Evaluate(patient, testCase.Doses.Select(d => d.Dose), testCase.AssessmentDate);
                evaluations = full.Evaluations.Where(e => e.Dose == expected.Dose).ToList();
            }

            var actual = CombinedStatus(evaluations);
            var statusMatches = string.Equals(actual, expected.ExpectedStatus, StringComparison.OrdinalIgnoreCase);
            if (statusMatches && expected.ExpectedReason.Length > 0)
            {
                var reasonTexts = evaluations.Where(e => string.Equals(StatusText(e.Status), actual, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Reasons.DefaultIfEmpty(e.Reason)).Select(ReasonText).ToList();
                if (!reasonTexts.Contains(expected.ExpectedReason, StringComparer.OrdinalIgnoreCase))
                {
                    differences.Add($"dose {i + 1} reason: expected {expected.ExpectedReason}, got {string.Join('/', reasonTexts.Distinct())}");
                }
            }

            if (!statusMatches)
            {
                var reasons = string.Join('/', evaluations.Where(e => e.Status != DoseStatus.Valid).Select(e => $"{e.Antigen}:{e.Reason}").Distinct());
                differences.Add($"dose {i + 1} status: expected {expected.ExpectedStatus}{(expected.ExpectedReason.Length > 0 ? $" ({expected.ExpectedReason})" : string.Empty)}, got {actual}{(reasons.Length > 0 ? $" ({reasons})" : string.Empty)}");
            }
        }

        var forecast = assessment.ForecastFor(group);
        var status = forecast is null ? "none" : StatusText(forecast.Status);
        if (!string.Equals(status, testCase.SeriesStatus, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"series status: expected {testCase.SeriesStatus}, got {status}");
        }

        var number = forecast?.ForecastDoseNumber is { } n && forecast.Status == SeriesStatus.NotComplete ? n.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var expectedNumber = testCase.ForecastNumber == "-" ? string.Empty : testCase.ForecastNumber;
        if (number != expectedNumber)
        {
            differences.Add($"forecast #: expected {(expectedNumber.Length == 0 ? "none" : expectedNumber)}, got {(number.Length == 0 ? "none" : number)}");
        }

        Compare(differences, "earliest", testCase.Earliest, forecast?.Earliest);
        Compare(differences, "recommended", testCase.Recommended, forecast?.Recommended);
        Compare(differences, "past due", testCase.PastDue, forecast?.PastDue);
        return new CdsiTestCaseOutcome(testCase, group, differences);
    }

    private static void Compare(List<string> differences, string what, LocalDate? expected, LocalDate? actual)
    {
        if (expected != actual)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: expected {Text(expected)}, got {Text(actual)}"));
        }
    }

    private static string Text(LocalDate? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";

    /// <summary>
    /// A combination vaccine is one dose for several antigens. It is not valid for the group if it is not valid for one
    /// antigen; it is valid if valid for at least one (a Tdap booster is valid for diphtheria and tetanus even when the
    /// pertussis series is already complete); otherwise extraneous or sub-standard.
    /// </summary>
    public static string CombinedStatus(IReadOnlyList<DoseEvaluation> evaluations)
    {
        if (evaluations.Count == 0)
        {
            return "none";
        }

        if (evaluations.Any(e => e.Status == DoseStatus.NotValid))
        {
            return "Not Valid";
        }

        if (evaluations.Any(e => e.Status == DoseStatus.Valid))
        {
            return "Valid";
        }

        if (evaluations.Any(e => e.Status == DoseStatus.Extraneous))
        {
            return "Extraneous";
        }

        return "Sub-standard";
    }

    public static string StatusText(DoseStatus status) => status switch
    {
        DoseStatus.Valid => "Valid",
        DoseStatus.NotValid => "Not Valid",
        DoseStatus.Extraneous => "Extraneous",
        _ => "Sub-standard",
    };

    /// <summary>CDC's wording of evaluation reasons in the test cases.</summary>
    public static string ReasonText(DoseStatusReason reason) => reason switch
    {
        DoseStatusReason.TooYoung => "Age: Too Young",
        DoseStatusReason.TooOld => "Age: Too Old",
        DoseStatusReason.TooSoon => "Interval: too Soon",
        DoseStatusReason.LiveVirusConflict => "Live Virus Conflict",
        DoseStatusReason.InadvertentVaccine => "Inadvertent Vaccine",
        DoseStatusReason.NotPreferableOrAllowable => "Not a preferable or allowable vaccine",
        DoseStatusReason.SeriesAlreadyComplete => "Series Already Complete",
        DoseStatusReason.DoseCondition => "Sub-standard",
        DoseStatusReason.GracePeriod => "Grace Period",
        _ => string.Empty,
    };

    public static string StatusText(SeriesStatus status) => status switch
    {
        SeriesStatus.NotComplete => "Not complete",
        SeriesStatus.Complete => "Complete",
        SeriesStatus.Immune => "Immune",
        SeriesStatus.Contraindicated => "Contraindicated",
        SeriesStatus.AgedOut => "Aged out",
        _ => "Not recommended",
    };
}
