namespace Immunization.Core.Schedules;

/// <summary>The type of an antigen series.</summary>
public enum SeriesType : byte
{
    /// <summary>A standard series, relevant to everyone (subject to a required sex).</summary>
    Standard = 0,

    /// <summary>A risk series, relevant only with one of its indications (observations).</summary>
    Risk = 1,

    /// <summary>A series used only to evaluate past doses, never to forecast.</summary>
    EvaluationOnly = 2,
}
