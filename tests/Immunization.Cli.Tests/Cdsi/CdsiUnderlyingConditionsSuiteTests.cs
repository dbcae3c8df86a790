namespace Immunization.Cli.Tests.Cdsi;

/// <summary>
/// Runs all 325 of CDC's underlying-conditions test cases (v4.5: observations, risk series, contraindications, immunity).
/// Cases listed in <c>underlying-conditions-known-failures.csv</c> (each with its cause: a CDC data or case defect, or a
/// case older than the embedded supporting data v4.64) must still fail, so that the list only shrinks; every other case
/// must pass.
/// </summary>
public sealed class CdsiUnderlyingConditionsSuiteTests
{
    private const string Cases = "cdsi/test-cases/cdsi-underlying-conditions-test-cases-v4.5.csv";

    private const string KnownFailuresList = "underlying-conditions-known-failures.csv";

    [Fact]
    public void UnderlyingConditionsCases_AllPassExceptKnownFailures()
    {
        var suite = CdsiSuiteRun.Run(Cases, KnownFailuresList);

        Assert.Equal(325, suite.Outcomes.Count);
        suite.AssertOnlyKnownFailuresFail();
        Assert.True(suite.Outcomes.Count(o => o.Passed) >= 267, "Fewer underlying-conditions cases pass than when the list was made (267).");
    }

    [Fact]
    public void UnderlyingConditionsKnownFailures_EachHasASpecificCause()
    {
        foreach (var (id, cause) in CdsiSuiteRun.ReadKnownFailures(KnownFailuresList))
        {
            Assert.Matches(@"^\d{4}-UC-\d{4}$", id);
            Assert.True(cause.Length > 40, $"{id}: the cause must explain the failure.");
        }
    }
}
