using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

internal readonly record struct SeriesEvaluation(HistoryDose Dose, DoseStatus Status, DoseStatusReason Reason, int? TargetNumber, bool Inadvertent, ReasonSet Reasons);
