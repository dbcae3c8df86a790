using System.Globalization;
using Immunization.Core.Evaluation;
using NodaTime;

namespace Immunization.Cli.Cdsi;

/// <summary>
/// The outcome of one test case: passed, or the differences from CDC's expected results. Reasons are reported apart
/// (<see cref="ReasonsExpected"/>, <see cref="ReasonsMatched"/>, <see cref="ReasonDifferences"/>): they do not decide the pass.
/// </summary>
internal sealed record CdsiTestCaseOutcome(CdsiTestCase Case, string VaccineGroup, IReadOnlyList<string> Differences, int ReasonsExpected, int ReasonsMatched, IReadOnlyList<string> ReasonDifferences)
{
    public bool Passed => Differences.Count == 0;
}

/// <summary>
/// Runs CDC test cases through the engine and compares, as CDC's layout defines the expected results: the evaluation
/// status of each dose (for the vaccine group under test), the series status, the forecast dose number and the
/// earliest, recommended and past-due dates. A case passes when all of these agree. The evaluation reason is compared
/// strictly but separately: the engine's primary reason for the dose (see <see cref="PrimaryReason"/>) against CDC's.
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
        ["IPOL"] = "Polio",
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
        : engine.SupportingData.VaccineGroups.TryGet(testGroup, out var group) ? group.Name : testGroup;

    public CdsiTestCaseOutcome Run(CdsiTestCase testCase)
    {
        var group = GroupName(testCase.VaccineGroup);
        var differences = new List<string>();
        var reasonDifferences = new List<string>();
        int reasonsExpected = 0, reasonsMatched = 0;
        if (!engine.SupportingData.VaccineGroups.Contains(group))
        {
            differences.Add($"vaccine group '{testCase.VaccineGroup}' is not in the supporting data");
            return new CdsiTestCaseOutcome(testCase, group, differences, 0, 0, reasonDifferences);
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
            if (expected.ExpectedReason.Length > 0)
            {
                reasonsExpected++;
                var reason = PrimaryReason(evaluations);
                if (string.Equals(reason, expected.ExpectedReason, StringComparison.OrdinalIgnoreCase))
                {
                    reasonsMatched++;
                }
                else
                {
                    reasonDifferences.Add($"dose {i + 1} reason: expected {expected.ExpectedReason}, got {(reason.Length == 0 ? "none" : reason)}");
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
        if (differences.Count > 0 && forecast is not null)
        {
            // Which series spoke for each antigen: the first thing to look at when a forecast differs.
            differences.Add($"forecast from: {string.Join("; ", forecast.Antigens.Select(a => $"{a.Antigen}: {a.SeriesName}").Distinct())}");
        }

        return new CdsiTestCaseOutcome(testCase, group, differences, reasonsExpected, reasonsMatched, reasonDifferences);
    }

    /// <summary>
    /// The dose's reason for the vaccine group, in CDC's words: the primary <see cref="DoseEvaluation.Reason"/> of the
    /// first antigen (by name) whose status is the dose's combined status; empty when that reason is none.
    /// </summary>
    public static string PrimaryReason(IReadOnlyList<DoseEvaluation> evaluations)
    {
        var status = CombinedStatus(evaluations);
        foreach (var evaluation in evaluations)
        {
            if (StatusText(evaluation.Status) == status)
            {
                return ReasonText(evaluation.Reason);
            }
        }

        return string.Empty;
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
