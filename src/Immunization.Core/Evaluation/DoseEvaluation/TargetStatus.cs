using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

internal enum TargetStatus : byte
{
    NotSatisfied,
    Satisfied,
    Skipped,
}
