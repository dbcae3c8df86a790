namespace Immunization.Matching.Verification;

/// <summary>
/// What a shard of the register needs from the whole register to score as one index over it would: the u probabilities and
/// weights per field and level, the birth-year weight, the full-name weight of each of its people's names, per person (in the
/// shard's order) a bit per blocking key whose block is larger than the block limit in the whole register, and the whole
/// register's lookalike groups (people sharing a folded name, birth year and sex) of its people's names and years.
/// </summary>
/// <remarks>Made by <see cref="RegisterIndex.StatisticsFor"/>; stored with the shard's people by the cluster package.</remarks>
internal sealed class ShardStatistics(double[][] u, double[][] weights, double yearWeight, Dictionary<string, double> nameWeights, int[] oversizedKeys,
    LookalikeTable lookalikes)
{
    public double[][] U { get; } = u;

    public double[][] Weights { get; } = weights;

    public double YearWeight { get; } = yearWeight;

    public Dictionary<string, double> NameWeights { get; } = nameWeights;

    public int[] OversizedKeys { get; } = oversizedKeys;

    public LookalikeTable Lookalikes { get; } = lookalikes;
}
