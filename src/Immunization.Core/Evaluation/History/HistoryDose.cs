using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>One administered dose after organising the history: normalised CVX, position in date order.</summary>
/// <remarks>Set again (<see cref="Reset"/>) only by a reused <see cref="CdsiEngine.SeriesSession"/>, for its next patient.</remarks>
internal sealed class HistoryDose(int order, AdministeredDose dose, string cvx)
{
    public int Order { get; private set; } = order;

    public AdministeredDose Dose { get; private set; } = dose;

    public string Cvx { get; private set; } = cvx;

    public LocalDate Date => Dose.DateAdministered;

    /// <summary>The dose as <c>new HistoryDose(order, dose, cvx)</c> would make it.</summary>
    public void Reset(int order, AdministeredDose dose, string cvx) => (Order, Dose, Cvx) = (order, dose, cvx);
}
