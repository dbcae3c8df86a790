using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>One administered dose after organising the history: normalised CVX, position in date order.</summary>
internal sealed class HistoryDose(int order, AdministeredDose dose, string cvx)
{
    public int Order { get; } = order;

    public AdministeredDose Dose { get; } = dose;

    public string Cvx { get; } = cvx;

    public LocalDate Date => Dose.DateAdministered;
}
