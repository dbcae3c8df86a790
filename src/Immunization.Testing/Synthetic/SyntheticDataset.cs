using Immunization.Core.Records;

namespace Immunization.Testing.Synthetic;

/// <summary>A generated data set held in memory: the register, the records with their truth, and the run's summary.</summary>
/// <remarks><threadsafety>Immutable once returned; safe to share between threads.</threadsafety></remarks>
public sealed class SyntheticDataset
{
    internal SyntheticDataset(IReadOnlyList<RegisterEntry> register, IReadOnlyList<SyntheticRecord> records, SyntheticDataSummary summary)
    {
        Register = register;
        Records = records;
        Summary = summary;
    }

    /// <summary>The population register, in person order.</summary>
    public IReadOnlyList<RegisterEntry> Register { get; }

    /// <summary>The vaccination records with their truth, in the order they were written.</summary>
    public IReadOnlyList<SyntheticRecord> Records { get; }

    /// <summary>What the run made.</summary>
    public SyntheticDataSummary Summary { get; }
}
