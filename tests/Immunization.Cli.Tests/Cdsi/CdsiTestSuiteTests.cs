namespace Immunization.Cli.Tests.Cdsi;

/// <summary>
/// Runs all 1,013 of CDC's healthy childhood and adult test cases (v4.45) and compares what CDC's layout defines as the
/// expected results: dose evaluation statuses, series status, forecast dose number and forecast dates. Cases listed in
/// <c>known-failures.csv</c> must fail (the list only shrinks); every other case must pass. Reasons are checked apart.
/// </summary>
public sealed class CdsiTestSuiteTests
{
    private const string HealthyCases = "cdsi/test-cases/cdsi-healthy-childhood-and-adult-test-cases-v4.45.csv";

    private const string KnownFailuresList = "known-failures.csv";

    [Fact]
    public void HealthyCases_AllPassExceptKnownFailures()
    {
        var suite = CdsiSuiteRun.Run(HealthyCases, KnownFailuresList);
        var outcomes = suite.Outcomes;

        Assert.Equal(1013, outcomes.Count);
        suite.AssertOnlyKnownFailuresFail();
        Assert.True(outcomes.Count(o => o.Passed) >= 1003, "At least 99 % of the cases must pass.");
        // Reasons do not decide a pass but must not regress: 242 of CDC's 249 expected reasons are the engine's primary reason.
        Assert.Equal(249, outcomes.Sum(o => o.ReasonsExpected));
        Assert.True(outcomes.Sum(o => o.ReasonsMatched) >= 242, "Reason agreement fell: " + string.Join("; ", outcomes.SelectMany(o => o.ReasonDifferences.Select(d => $"{o.Case.Id}: {d}"))));
    }

    [Fact]
    public void KnownFailures_EachHasACause()
    {
        foreach (var (id, cause) in CdsiSuiteRun.ReadKnownFailures(KnownFailuresList))
        {
            Assert.Matches(@"^\d{4}-\d{4}$", id);
            Assert.True(cause.Length > 20, $"{id}: the cause must explain the failure.");
        }
    }
}
