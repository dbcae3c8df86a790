using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>One target dose of a patient series: a value in the series' <see cref="TargetList"/>, changed in place
/// through its reference (no object per target dose per series run).</summary>
internal struct TargetDose(SeriesDose definition)
{
    public SeriesDose Definition { get; } = definition;

    public TargetStatus Status { get; set; }

    public HistoryDose? SatisfiedBy { get; set; }
}
