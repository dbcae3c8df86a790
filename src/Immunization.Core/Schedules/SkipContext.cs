namespace Immunization.Core.Schedules;

/// <summary>When a conditional skip is checked.</summary>
public enum SkipContext : byte
{
    /// <summary>When evaluating a dose given.</summary>
    Evaluation = 0,

    /// <summary>When forecasting the next dose.</summary>
    Forecast = 1,

    /// <summary>Both when evaluating and when forecasting.</summary>
    Both = 2,
}
