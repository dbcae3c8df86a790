using System.Runtime.CompilerServices;
using Immunization.Cli.Cdsi;
using Immunization.Core.Evaluation;
using Immunization.Tests.Shared;

namespace Immunization.Cli.Tests.Cdsi;

/// <summary>
/// One of CDC's test-case files run through the engine against a committed list of known failures (beside this file,
/// read as <c>cdsi --known-failures</c> reads it): every unlisted case must pass and every listed case must still fail,
/// so that the list only shrinks.
/// </summary>
internal sealed class CdsiSuiteRun
{
    private CdsiSuiteRun(string listName, Dictionary<string, string> known, List<CdsiTestCaseOutcome> outcomes)
    {
        ListName = listName;
        Known = known;
        Outcomes = outcomes;
    }

    public string ListName { get; }

    public Dictionary<string, string> Known { get; }

    public List<CdsiTestCaseOutcome> Outcomes { get; }

    public static Dictionary<string, string> ReadKnownFailures(string listName, [CallerFilePath] string source = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(source)!, listName);
        Assert.Equal("case_id,cause", File.ReadLines(path).First());
        return CdsiKnownFailures.Read(path);
    }

    public static CdsiSuiteRun Run(string cases, string listName)
    {
        var runner = new CdsiTestCaseRunner(CdsiEngine.Default);
        var outcomes = CdsiTestCaseReader.ReadFile(SharedDatasets.Path(cases)).Select(runner.Run).ToList();
        return new CdsiSuiteRun(listName, ReadKnownFailures(listName), outcomes);
    }

    /// <summary>Asserts that only the listed cases fail, that each of them still fails, and that each is in the file.</summary>
    public void AssertOnlyKnownFailuresFail()
    {
        var unexpected = Outcomes.Where(o => !o.Passed && !Known.ContainsKey(o.Case.Id))
            .Select(o => $"{o.Case.Id}: {string.Join("; ", o.Differences)}").ToList();
        var nowPassing = Outcomes.Where(o => o.Passed && Known.ContainsKey(o.Case.Id)).Select(o => o.Case.Id).ToList();
        Assert.True(unexpected.Count == 0, $"Cases failing that are not in {ListName}:\n" + string.Join('\n', unexpected));
        Assert.True(nowPassing.Count == 0, $"Cases in {ListName} that now pass (remove them): " + string.Join(", ", nowPassing));
        Assert.All(Known.Keys, id => Assert.Contains(Outcomes, o => o.Case.Id == id));
    }
}
