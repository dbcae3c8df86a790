using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

internal sealed class TargetDose(SeriesDose definition)
{
    public SeriesDose Definition { get; } = definition;

    public TargetStatus Status { get; set; }

    public HistoryDose? SatisfiedBy { get; set; }
}
