using System.Runtime.InteropServices;
using Immunization.Core.Records;
using Immunization.Matching.Scoring;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Cluster;

/// <summary>A record's link on the wire and in a job's parts: every part of <see cref="RecordLink"/> but the shard-local index.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record LinkMessage(
    [property: Id(12)] string RecordId,
    [property: Id(0)] VerificationOutcome Outcome,
    [property: Id(1)] string? PersonId,
    [property: Id(2)] double Weight,
    [property: Id(3)] double RunnerUpWeight,
    [property: Id(4)] int[] DifferenceFields,
    [property: Id(5)] DifferenceKind[] DifferenceKinds,
    [property: Id(6)] string[] ExplanationFields,
    [property: Id(7)] string[] ExplanationLevels,
    [property: Id(8)] double[] ExplanationWeights,
    [property: Id(9)] AmbiguityReason? AmbiguityReason,
    [property: Id(10)] string? RunnerUpPersonId,
    [property: Id(11)] int SkippedBlocks)
{
    public static LinkMessage From(RecordLink link) => new(link.Verification.RecordId, link.Outcome, link.PersonId, link.Weight, link.RunnerUpWeight,
        [.. link.Differences.Select(d => (int)d.Field)], [.. link.Differences.Select(d => d.Kind)],
        [.. link.Explanation.Select(e => e.Field)], [.. link.Explanation.Select(e => e.Level)], [.. link.Explanation.Select(e => e.Weight)],
        link.AmbiguityReason, link.RunnerUpPersonId, link.SkippedBlocks);

    public RecordLink ToLink()
    {
        var differences = new IdentityDifference[DifferenceFields.Length];
        for (var i = 0; i < differences.Length; i++)
        {
            differences[i] = new IdentityDifference((IdentityField)DifferenceFields[i], DifferenceKinds[i]);
        }

        var explanation = new FieldContribution[ExplanationFields.Length];
        for (var i = 0; i < explanation.Length; i++)
        {
            explanation[i] = new FieldContribution(ExplanationFields[i], ExplanationLevels[i], ExplanationWeights[i]);
        }

        var verification = new RecordVerification(RecordId, PersonId, Outcome, ImmutableCollectionsMarshal.AsImmutableArray(differences), Weight, AmbiguityReason);
        return new RecordLink(verification, -1, RunnerUpWeight, explanation, RunnerUpPersonId, SkippedBlocks);
    }

    public void Write(BinaryWriter w)
    {
        w.Write(RecordId);
        w.Write((int)Outcome);
        IdentityText.WriteOptional(w, PersonId);
        w.Write(Weight);
        w.Write(RunnerUpWeight);
        w.Write(DifferenceFields.Length);
        for (var i = 0; i < DifferenceFields.Length; i++)
        {
            w.Write(DifferenceFields[i]);
            w.Write((int)DifferenceKinds[i]);
        }

        w.Write(ExplanationFields.Length);
        for (var i = 0; i < ExplanationFields.Length; i++)
        {
            w.Write(ExplanationFields[i]);
            w.Write(ExplanationLevels[i]);
            w.Write(ExplanationWeights[i]);
        }

        w.Write(AmbiguityReason is { } reason ? (int)reason : 0);
        IdentityText.WriteOptional(w, RunnerUpPersonId);
        w.Write(SkippedBlocks);
    }

    public static LinkMessage Read(BinaryReader r)
    {
        var recordId = r.ReadString();
        var outcome = (VerificationOutcome)r.ReadInt32();
        var person = IdentityText.ReadOptional(r);
        var weight = r.ReadDouble();
        var runnerUp = r.ReadDouble();
        var n = r.ReadInt32();
        var fields = new int[n];
        var kinds = new DifferenceKind[n];
        for (var i = 0; i < n; i++)
        {
            fields[i] = r.ReadInt32();
            kinds[i] = (DifferenceKind)r.ReadInt32();
        }

        n = r.ReadInt32();
        var names = new string[n];
        var levels = new string[n];
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            names[i] = r.ReadString();
            levels[i] = r.ReadString();
            weights[i] = r.ReadDouble();
        }

        var reason = r.ReadInt32();
        return new LinkMessage(recordId, outcome, person, weight, runnerUp, fields, kinds, names, levels, weights,
            reason == 0 ? null : (AmbiguityReason)reason, IdentityText.ReadOptional(r), r.ReadInt32());
    }
}
