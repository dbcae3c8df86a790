using Immunization.Matching.Configuration;
using Immunization.Matching.Linking;
using Immunization.Matching.Scoring;
using Immunization.Matching.Tables;
using Immunization.Matching.Tests.Support;

namespace Immunization.Matching.Tests.Linking;

public sealed partial class RecordLinkerTests
{
    private static MatchPlan SamplePlan(string name) => MatchPlan.Compile(MatchConfiguration.FromJson(File.ReadAllText(Febrl.Sample(name))));

    [Fact]
    public void Link_Febrl4WithSampleConfiguration_FindsAllTruePairsAndNoFalseLink()
    {
        var result = new RecordLinker(SamplePlan("febrl4.json")).Link(Febrl.Read("dataset4a.csv"), Febrl.Read("dataset4b.csv"));

        var evaluation = Assert.IsType<Immunization.Matching.Scoring.TruthEvaluation>(result.Evaluation);
        Assert.Equal(5000, evaluation.TruePairs);
        Assert.Equal(5000, evaluation.TruePairsBlocked);
        Assert.Equal(5000, evaluation.PredictedPairs);
        Assert.Equal(5000, evaluation.TruePositives);
        Assert.Equal(1.0, evaluation.F1);
    }

    [Fact]
    public void Deduplicate_Febrl3WithSampleConfiguration_ReachesPairwiseF1AtLeast0999()
    {
        var result = new RecordLinker(SamplePlan("febrl3.json")).Deduplicate(Febrl.Read("dataset3.csv"));

        var evaluation = Assert.IsType<Immunization.Matching.Scoring.TruthEvaluation>(result.Evaluation);
        Assert.Equal(6538, evaluation.TruePairs);
        Assert.True(evaluation.F1 >= 0.999, $"F1 {evaluation.F1:0.0000} (precision {evaluation.Precision:0.0000}, recall {evaluation.Recall:0.0000})");
    }

    [Fact]
    public void Link_Febrl4InReversedOrder_GivesTheSameLinks()
    {
        var plan = SamplePlan("febrl4.json");
        var left = Febrl.Read("dataset4a.csv");
        var right = Febrl.Read("dataset4b.csv");
        var leftReversed = Febrl.Read("dataset4a.csv", reverse: true);
        var rightReversed = Febrl.Read("dataset4b.csv", reverse: true);

        var forward = new RecordLinker(plan).Link(left, right);
        var backward = new RecordLinker(plan).Link(leftReversed, rightReversed);

        static HashSet<(string, string, double)> Links(LinkageResult r, RecordTable a, RecordTable b) =>
            r.Matches.Select(p => (a.Get(p.Left, 0)!, b.Get(p.Right, 0)!, Math.Round(p.Weight, 9))).ToHashSet();
        Assert.Equal(Links(forward, left, right), Links(backward, leftReversed, rightReversed));
        Assert.Equal(forward.Model.Lambda, backward.Model.Lambda, 12);
    }

    [Fact]
    public void Explain_AnyMatch_FieldWeightsAndPriorAddUpToTheWeight()
    {
        var result = new RecordLinker(SamplePlan("febrl4.json")).Link(Febrl.Read("dataset4a.csv"), Febrl.Read("dataset4b.csv"));

        foreach (var pair in result.Matches.Take(200))
        {
            var explanation = result.Explain(pair);
            Assert.Equal(pair.Weight, explanation.PriorWeight + explanation.Fields.Sum(f => f.Weight), 9);
            Assert.Equal(10, explanation.Fields.Count);
        }
    }

    [Fact]
    public void Explain_IntoABuffer_GivesWhatTheAllocatingOverloadGives()
    {
        var result = new RecordLinker(SamplePlan("febrl4.json")).Link(Febrl.Read("dataset4a.csv"), Febrl.Read("dataset4b.csv"));
        var buffer = new FieldContribution[12];

        foreach (var pair in result.Matches.Take(50).Concat(result.Reviews))
        {
            result.Explain(pair, buffer);
            Assert.Equal(result.Explain(pair).Fields, buffer.Take(10));
        }

        Assert.Throws<ArgumentException>(() => result.Explain(result.Matches[0], new FieldContribution[9]));
    }

    [Fact]
    public void Link_TermFrequencies_AgreeingOnARareValueWeighsMoreThanOnACommonOne()
    {
        var result = new RecordLinker(SamplePlan("febrl4.json")).Link(Febrl.Read("dataset4a.csv"), Febrl.Read("dataset4b.csv"));
        var left = Febrl.Read("dataset4a.csv");
        var surnames = result.Matches
            .Select(p => (Surname: left.Get(p.Left, 2), Contribution: result.Explain(p).Fields[1]))
            .Where(x => x.Contribution.Level == "exact" && x.Surname is not null)
            .ToList();
        var frequency = surnames.GroupBy(x => x.Surname).ToDictionary(g => g.Key!, g => g.Count());
        var common = surnames.MaxBy(x => frequency[x.Surname!]);
        var rare = surnames.MinBy(x => frequency[x.Surname!]);

        Assert.True(frequency[common.Surname!] > frequency[rare.Surname!]);
        Assert.True(common.Contribution.Weight < rare.Contribution.Weight);
    }
}
